"""Quality findings of a design: every automatic rule under the checklists that apply,
in the design's language."""

from __future__ import annotations

from flask import Response
from flask_babel import lazy_gettext as _l

from designer.quality import findings_json
from designer.queries.quality import design_findings
from designer.queries.read_model import snapshot
from designer.web.api import common, schemas
from designer.web.api.spec import operation

FINDING = schemas.obj(
    {
        "rule": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "hint"]},
        "message": {"type": "string"},
        "blocking": {"type": "boolean"},
        "target": schemas.obj({"kind": {"type": "string"}, "key": {"type": "string"}}),
    }
)


@operation(
    "GET",
    "/designs/<int:design_id>/quality",
    summary=_l("Run the automatic quality checks of a design"),
    tag="quality",
    writes=False,
    result=schemas.list_of(FINDING),
)
def design_quality(design_id: int):
    design = common.design(design_id)
    body = findings_json(design_findings(design, snapshot(design)), design.language, indent=None)
    return Response(body, mimetype="application/json")
