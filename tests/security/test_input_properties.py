"""Property-based: whatever a form or an API body holds, the server answers with a clear
error, never 500. Every POST route of the web app gets generated form fields (the names
of every form, hostile values: `²`, `1e3`, `abc`, 10^30, control characters, long texts)
as the workspace's coordinator, who may do everything; every API operation with a body
gets generated JSON (wrong types, huge integers, deep nesting). Bounded per route."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wtforms.fields.core import UnboundField

from designer.extensions import db
from designer.models import LearningObjective, Module, Nugget, Placement
from designer.web.api.spec import OPERATIONS
from tests.security.test_route_walk import _url

EXAMPLES_PER_ROUTE = 6
SKIP = {
    "auth.logout": "ends the session the other cases need",
    "auth.login": "throttled after a few wrong passwords (by design)",
}

HOSTILE_VALUES = (
    "",
    "²",
    "1e3",
    "abc",
    "-1",
    "0",
    "1",
    "9" * 30,
    str(2**63),
    "Zeile\x0bzwei",
    "nul\x00",
    "x" * 5000,
    "builtin:blended",
    "workspace:²",
    "y",
    "coordinator",
    "approved",
)


def _form_field_names() -> set[str]:
    import designer.web.forms.auth  # noqa: F401  (the form modules register their classes)
    import designer.web.forms.collab  # noqa: F401
    import designer.web.forms.designs  # noqa: F401
    import designer.web.forms.nuggets  # noqa: F401
    import designer.web.forms.plan_import  # noqa: F401
    import designer.web.forms.quality  # noqa: F401
    import designer.web.forms.tokens  # noqa: F401
    import designer.web.forms.wizard  # noqa: F401
    import designer.web.forms.workspaces  # noqa: F401

    names: set[str] = set()
    todo = [FlaskForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        names.update(n for n in dir(cls) if isinstance(getattr(cls, n, None), UnboundField))
    return names


FIELD_NAMES = sorted(_form_field_names() | {"position", "module_id", "item_id", "lock_version"})
VALUES = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.sampled_from(HOSTILE_VALUES),
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
# A plausible value for the common fields, so that a form passes its own validation and
# the hostile value in one to three fields reaches the view and the service.
BASELINE = {
    "title": "Kurs",
    "language": "de",
    "lock_version": "1",
    "placement_lock_version": "1",
    "decision": "approved",
    "role": "viewer",
    "template": "builtin:blended",
    "learning_type": "acquisition",
    "delivery_mode": "self_paced_online",
    "social_form": "individual",
    "assessment": "none",
    "activity_kind": "page",
    "duration_minutes": "10",
    "name": "Name",
    "name_de": "Name",
    "name_en": "Name",
    "email": "jemand@example.org",
    "text": "Ein Ziel",
    "bloom_level": "apply",
    "body": "Ein Kommentar",
    "target_kind": "design",
    "severity": "warning",
    "position": "0",
    "item_id": "1",
    "membership_id": "1",
    "module_id": "1",
}
FORMS = st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, min_size=1, max_size=3).map(
    lambda hostile: {**BASELINE, **hostile}
)


@pytest.fixture
def coordinator_client(app, client, login, workspace, example_design):
    login(workspace.memberships[0].user)
    return client


@pytest.fixture
def fillers(workspace, example_design) -> dict[str, Any]:
    from designer.services.checklists import copy_to_workspace

    def first(model, **where):
        return db.session.query(model).filter_by(**where).first().id

    checklist = copy_to_workspace(workspace.memberships[0].user, workspace, "didactic_basics")
    db.session.commit()

    return {
        "slug": workspace.slug,
        "design_id": example_design.id,
        "module_id": first(Module, design_id=example_design.id),
        "placement_id": first(Placement, design_id=example_design.id),
        "objective_id": first(LearningObjective, design_id=example_design.id),
        "nugget_id": first(Nugget, workspace_id=workspace.id),
        "membership_id": workspace.memberships[0].id,
        "format_key": "json",
        "key": "workload.module_share",
        "checklist_id": checklist.id,
    }


def _post_routes(app) -> list:
    """Every form route; those that delete come last, so that the others still find the
    design and its parts."""
    rules = [
        rule
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods
        and not rule.rule.startswith("/api/")
        and rule.endpoint not in SKIP
    ]
    return sorted(rules, key=lambda rule: ("delete" in rule.endpoint, rule.endpoint))


BOUNDED = settings(
    max_examples=EXAMPLES_PER_ROUTE,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _fuzz_form(client, url: str, failures: list[str]) -> None:
    @given(form=FORMS)
    @BOUNDED
    def post(form: dict[str, str]) -> None:
        response = client.post(url, data=form)
        db.session.rollback()
        if response.status_code >= 500:
            failures.append(f"POST {url} {str(form)[:300]} → {response.status_code}")

    post()


def test_no_form_post_answers_500(app, coordinator_client, fillers):
    failures: list[str] = []
    routes = _post_routes(app)
    assert len(routes) > 40
    for rule in routes:
        _fuzz_form(coordinator_client, _url(rule, fillers), failures)
    assert not failures, "\n".join(failures[:20])


NUMBER_FIELDS = [
    name
    for name in FIELD_NAMES
    if name.endswith(("_id", "_ids", "_minutes", "_min", "_max", "lock_version", "_override"))
    or name in ("position", "days", "base_revision", "reviewers", "contribution")
]


@pytest.mark.parametrize("value", ["²", "abc", "1e3", "9" * 30, str(2**63), "-1"])
def test_every_number_field_of_every_form_takes_any_text(app, coordinator_client, fillers, value):
    """The sweep behind the property above: every number field holds `value` at once."""
    failures = []
    for rule in _post_routes(app):
        url = _url(rule, fillers)
        form = {**BASELINE, **dict.fromkeys(NUMBER_FIELDS, value)}
        response = coordinator_client.post(url, data=form)
        db.session.rollback()
        if response.status_code >= 500:
            failures.append(f"POST {url} → {response.status_code}")
    assert not failures, "\n".join(failures)


def _json_values(depth: int = 3):
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False),
        st.sampled_from(HOSTILE_VALUES),
        st.text(max_size=20),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=15), inner, max_size=4)
        ),
        max_leaves=12,
    )


def _body(op) -> st.SearchStrategy:
    """Objects with the operation's own field names (and others) holding any JSON."""
    schema = op.body_schema() or {}
    names = sorted(schema.get("properties", {})) or ["x"]
    return st.dictionaries(
        st.one_of(st.sampled_from(names), st.text(max_size=10)), _json_values(), max_size=8
    )


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_refused_with_a_message(call, example_design, depth):
    answer = call(
        "PATCH",
        f"/designs/{example_design.id}",
        data=_nested(depth),
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert answer.json["errors"] == {"body": "too_deep"}


def _fuzz_body(call, op, url: str, failures: list[str]) -> None:
    @given(body=_body(op))
    @BOUNDED
    def send(body: dict[str, Any]) -> None:
        raw = json.dumps(body)
        response = call(op.method, url, data=raw, content_type="application/json")
        db.session.rollback()
        if response.status_code >= 500:
            failures.append(f"{op.method} {url} {raw[:200]} → {response.status_code}")

    send()


def test_no_api_body_answers_500(app, call, fillers):
    failures: list[str] = []
    operations = [op for op in OPERATIONS if op.body is not None]
    assert len(operations) > 10
    for op in operations:
        url = op.path.removeprefix("/api/v1")
        for name, value in fillers.items():
            url = url.replace("{" + name + "}", str(value))
        _fuzz_body(call, op, url, failures)
    assert not failures, "\n".join(failures[:20])


# ------------------------------------------------------- the inputs of issue 15, item 17


def test_named_inputs_get_clear_answers(app, coordinator_client, call, fillers, workspace):
    slug, checklist = workspace.slug, fillers["checklist_id"]
    base = f"/w/{slug}/checklists/{checklist}"
    answers = {
        "unknown rule key": coordinator_client.post(
            f"{base}/rules", data={"rule-rule": "no.such_rule", "rule-lock_version": "1"}
        ),
        "unknown rule to update": coordinator_client.post(
            f"{base}/rules/no.such_rule", data={"c-no.such_rule-severity": "error"}
        ),
        "abc as role": coordinator_client.post(
            f"/w/{slug}/members/role", data={"membership_id": "1", "role": "abc"}
        ),
        "1000-character import file name": coordinator_client.post(
            f"/w/{slug}/import",
            data={"file": (io.BytesIO(b"{}"), "a" * 1000 + ".json")},
            content_type="multipart/form-data",
        ),
        "deeply nested design.json": call(
            "POST",
            f"/workspaces/{slug}/imports",
            data={"file": (io.BytesIO(_nested(100_000).encode()), "tief.json")},
            content_type="multipart/form-data",
        ),
        "1e3 as lock_version": call(
            "PATCH", f"/designs/{fillers['design_id']}", json={"lock_version": 1e3}
        ),
        "2^63 as lock_version": call(
            "PATCH", f"/designs/{fillers['design_id']}", json={"lock_version": 2**63}
        ),
    }
    statuses = {name: answer.status_code for name, answer in answers.items()}
    assert all(status < 500 for status in statuses.values()), statuses
    assert statuses["deeply nested design.json"] == 422
    assert "nested too deeply" in answers["deeply nested design.json"].json["problems"][0]
    named = answers["1000-character import file name"].get_data(as_text=True)
    assert "format: must be" in named  # read and refused for its content, not its name
