"""Where a quality finding's element is edited or shown.

Building a URL needs the app's routes, so this lives in the web layer and not in
`designer.queries.quality` (which services import). It is a web helper rather than part
of the quality blueprint so that the reviews blueprint can use it without importing
another blueprint."""

from __future__ import annotations

from flask import url_for

from designer.quality import Finding


def finding_href(design_id: int, finding: Finding) -> str:
    return target_href(design_id, finding.target_kind, finding.target_key)


def target_href(design_id: int, kind: str, key: str) -> str:
    """Where a finding's target (design field, objective, module, nugget) is edited."""
    if kind == "objective":
        return url_for("designs.overview", design_id=design_id, _anchor=f"objective-{key}")
    if kind in ("module", "nugget"):
        return f"/designs/{design_id}/canvas#{key}"
    if kind == "design" and key:
        return f"/designs/{design_id}/grobkonzept#{key}"
    return url_for("designs.overview", design_id=design_id)
