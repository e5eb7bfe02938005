"""The REST API under /api/v1: one module per resource, all registered through the spec
table in `spec.py`, which also yields the OpenAPI document and the docs page."""

from designer.web.api import (  # noqa: F401  (each module registers its routes)
    auth,
    designs,
    errors,
    exports,
    imports,
    modules,
    nuggets,
    objectives,
    offers,
    openapi,
    placements,
    quality,
    reviews,
    workspaces,
)
from designer.web.api.docs import docs_bp
from designer.web.api.spec import bp

__all__ = ["bp", "docs_bp"]
