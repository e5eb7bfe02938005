"""Read-only look-ups for the template gallery and the guided Grobkonzept."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from designer.core import didactic_templates
from designer.core import snapshot as s
from designer.models import DesignTemplate, Workspace, db

# A template choice is "builtin:<key>" or "workspace:<id>".
BUILTIN_PREFIX = "builtin:"
WORKSPACE_PREFIX = "workspace:"
BLANK_CHOICE = BUILTIN_PREFIX + didactic_templates.BLANK.key


def workspace_templates(workspace: Workspace) -> list[DesignTemplate]:
    return list(
        db.session.scalars(
            select(DesignTemplate)
            .where(DesignTemplate.workspace_id == workspace.id)
            .order_by(DesignTemplate.name, DesignTemplate.id)
        )
    )


@dataclass(frozen=True)
class GalleryItem:
    value: str
    builtin: bool
    name: str
    description: str
    modules: int
    nuggets: int
    minutes: int


def gallery(workspace: Workspace, language: str) -> list[GalleryItem]:
    """Built-in templates (texts in `language`) followed by the workspace's own."""
    items = []
    for template in didactic_templates.TEMPLATES:
        snap = didactic_templates.template_snapshot(template, language, "")
        items.append(
            GalleryItem(
                BUILTIN_PREFIX + template.key,
                True,
                didactic_templates.pick(template.name, language),
                didactic_templates.pick(template.description, language),
                len(snap.modules),
                len(snap.nuggets),
                snap.total_minutes(),
            )
        )
    for row in workspace_templates(workspace):
        snap = s.from_dict(row.snapshot)
        items.append(
            GalleryItem(
                f"{WORKSPACE_PREFIX}{row.id}",
                False,
                row.name,
                row.description,
                len(snap.modules),
                len(snap.nuggets),
                snap.total_minutes(),
            )
        )
    return items
