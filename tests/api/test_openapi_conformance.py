"""The OpenAPI document says what the API does (the schemathesis run checks it broadly;
these are the cases issue 15 named)."""

from __future__ import annotations

from designer.export.formats import formats


def test_405_names_the_allowed_methods(call, example_design):
    answer = call("PUT", f"/designs/{example_design.id}", json={})
    assert answer.status_code == 405
    assert set(answer.headers["Allow"].split(", ")) >= {"GET", "PATCH", "DELETE"}
    assert answer.is_json


def test_a_deleted_design_is_not_readable(call, example_design):
    url = f"/designs/{example_design.id}"
    assert call("DELETE", url).status_code == 204
    for path in ("", "/modules", "/placements", "/objectives", "/quality"):
        assert call("GET", url + path).status_code == 404, path
    document = call("GET", "/openapi.json", token=None).json
    assert "404" in document["paths"]["/api/v1/designs/{design_id}/modules"]["get"]["responses"]


def test_exports_document_the_content_type_of_every_format(call, example_design):
    document = call("GET", "/openapi.json", token=None).json
    ok = document["paths"]["/api/v1/designs/{design_id}/exports"]["post"]["responses"]["200"]
    assert set(ok["content"]) == {fmt.mimetype for fmt in formats().values()}
    for key in formats():
        answer = call("POST", f"/designs/{example_design.id}/exports", json={"format": key})
        assert answer.mimetype in ok["content"], key


def test_integers_are_integers_however_they_are_written(call, example_design):
    url = f"/designs/{example_design.id}"
    version = call("GET", url).json["lock_version"]
    same = call("PATCH", url, json={"lock_version": float(version), "target_group": "Alle"})
    assert same.status_code == 200
    half = call("PATCH", url, json={"lock_version": version + 0.5, "target_group": "Alle"})
    assert half.status_code == 422 and half.json["errors"] == {"lock_version": "wrong_type"}
    huge = call("PATCH", url, json={"lock_version": 2**63, "target_group": "Alle"})
    assert huge.status_code == 422 and huge.json["errors"] == {"lock_version": "out_of_range"}


def test_text_rules_are_in_the_document(call):
    document = call("GET", "/openapi.json", token=None).json
    body = document["paths"]["/api/v1/designs/{design_id}"]["patch"]["requestBody"]
    fields = body["content"]["application/json"]["schema"]["properties"]
    assert "\\x0b" in fields["target_group"]["pattern"]
    assert fields["title"]["allOf"] == [{"pattern": "\\S"}]
