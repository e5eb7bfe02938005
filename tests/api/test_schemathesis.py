"""Property-based run of the whole API from its OpenAPI document (schemathesis, through
WSGI): whatever the generated input, the server never answers 5xx.

Half of the cases aim at real objects (the example design, its modules and placements, the
workspace slug) instead of random ids, so that generated bodies reach the services."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from designer.extensions import db  # noqa: E402
from designer.models import LearningObjective, Module, Nugget, Placement  # noqa: E402

EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 5}


def _real_parameters(workspace, design) -> dict[str, object]:
    def first(model):
        row = db.session.query(model).filter_by(design_id=design.id).first()
        return row.id if row else 1

    nugget = db.session.query(Nugget).filter_by(workspace_id=workspace.id).first()
    return {
        "slug": workspace.slug,
        "design_id": design.id,
        "module_id": first(Module),
        "placement_id": first(Placement),
        "objective_id": first(LearningObjective),
        "nugget_id": nugget.id,
    }


@pytest.mark.parametrize("mode", list(EXAMPLES))
def test_no_server_errors(app, workspace, example_design, write_token, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    real = _real_parameters(workspace, example_design)
    headers = {"Authorization": f"Bearer {write_token}"}
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode), aim_real=st.booleans())
        @settings(
            max_examples=EXAMPLES[mode],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case, aim_real):
            if aim_real and case.path_parameters:
                case.path_parameters = {
                    name: real.get(name, value) for name, value in case.path_parameters.items()
                }
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append((case.operation.label, case.as_curl_command(), response.text[:300]))
            case.validate_response(response, checks=[not_a_server_error])

        try:
            run()
        except Exception as exc:  # collect all operations' failures, then report them
            failures.append((operation.label, type(exc).__name__, str(exc)[:500]))
    assert not failures, "\n".join(map(str, failures))
