"""The OpenAPI document matches the routes, and the docs page shows it."""

import re

from designer.web.api.spec import API_PREFIX

CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def _routes(app) -> set[tuple[str, str]]:
    return {
        (CONVERTER.sub(r"{\1}", rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(API_PREFIX + "/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_api_rule_is_documented_and_every_documented_path_exists(app, client):
    document = client.get("/api/v1/openapi.json").json
    documented = {(path, method) for path, item in document["paths"].items() for method in item}
    assert documented == _routes(app)
    assert len(documented) > 25


def test_path_parameters_match_the_rule(client):
    document = client.get("/api/v1/openapi.json").json
    for path, item in document["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        for operation in item.values():
            in_path = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert in_path == names, path


def test_document_is_public_and_english(client):
    response = client.get("/api/v1/openapi.json", headers={"Accept-Language": "de"})
    assert response.status_code == 200
    assert response.json["openapi"].startswith("3.")
    assert response.json["paths"]["/api/v1/workspaces"]["get"]["summary"] == "List your workspaces"


def test_write_operations_are_marked_write_scope(client):
    document = client.get("/api/v1/openapi.json").json
    scopes = {
        (path, method): op["x-scope"]
        for path, item in document["paths"].items()
        for method, op in item.items()
    }
    assert scopes[("/api/v1/designs/{design_id}", "patch")] == "write"
    assert scopes[("/api/v1/designs/{design_id}", "get")] == "read"
    assert scopes[("/api/v1/designs/{design_id}/exports", "post")] == "read"


def test_docs_page_lists_every_operation(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    document = client.get("/api/v1/openapi.json").json
    for path, item in document["paths"].items():
        for method in item:
            assert f"{method.upper()} {path}" in html
    # No documentation viewer script (Swagger UI and the like), nothing inline that runs: only
    # the scripts of every page (menu button, rich-text editor) and the editor's texts as data.
    scripts = re.findall(r"<script[^>]*>", html)
    assert set(scripts) <= {
        '<script src="/static/js/app.js">',
        '<script type="application/json" id="rich-text-texts">',
    } | {s for s in scripts if s.startswith('<script src="/static/js/richtext.js"')}, scripts
