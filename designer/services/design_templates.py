"""Starting a design from a template, and saving a design as a workspace template.

A template is a DesignSnapshot: a built-in one is built from `didactic_templates` in the
chosen language, a workspace's own one is stored as its snapshot document. Either way the
design is created by the import service, so the suggested nuggets land in the workspace
library like any imported nugget. (The blank template is simply a new, empty design.)
"""

from __future__ import annotations

from dataclasses import replace

from designer.core import didactic_templates
from designer.core import snapshot as s
from designer.core.assets import MissingAsset, StoreAssets
from designer.core.fields import whole_number
from designer.core.vocab import LANGUAGES
from designer.importers.base import Imported, ImportRefused
from designer.models import Design, DesignTemplate, User, Workspace, db
from designer.queries.read_model import snapshot
from designer.queries.wizard import BLANK_CHOICE, BUILTIN_PREFIX, WORKSPACE_PREFIX
from designer.services import events
from designer.services.designs import create_design
from designer.services.errors import Invalid, NotFound
from designer.services.importing import FileRefused, import_design
from designer.services.permissions import Action, require
from designer.storage.filestore import FileStore


def _template_snapshot(
    workspace: Workspace, choice: str, language: str
) -> tuple[s.DesignSnapshot, str]:
    """The snapshot behind a gallery choice ("builtin:<key>" or "workspace:<id>") and the
    template's name."""
    if choice.startswith(BUILTIN_PREFIX):
        try:
            template = didactic_templates.get_template(choice.removeprefix(BUILTIN_PREFIX))
        except KeyError:
            raise Invalid({"template": "unknown"}) from None
        name = didactic_templates.pick(template.name, language)
        return didactic_templates.template_snapshot(template, language, ""), name
    if choice.startswith(WORKSPACE_PREFIX):
        row = workspace_template(workspace, choice.removeprefix(WORKSPACE_PREFIX))
        snap = s.from_dict(row.snapshot)
        open_fields = tuple(n for n in s.PLACEHOLDER_FIELDS if not getattr(snap.grobkonzept, n))
        return replace(snap, language=language, placeholder_fields=open_fields), row.name
    raise Invalid({"template": "unknown"})


def workspace_template(workspace: Workspace, template_id: str | int) -> DesignTemplate:
    number = whole_number(template_id)
    row = db.session.get(DesignTemplate, number) if number is not None else None
    if row is None or row.workspace_id != workspace.id:
        raise Invalid({"template": "unknown"})
    return row


def create_from_template(
    actor: User,
    workspace: Workspace,
    choice: str,
    title: str,
    language: str,
    store: FileStore,
) -> Design:
    """A new design from a gallery choice; the caller commits (or rolls back on errors).

    The blank template needs no import: it is a plain new design."""
    require(actor, Action.DESIGN_CREATE, workspace)
    errors = {}
    title = (title or "").strip()[:300]
    if not title:
        errors["title"] = "required"
    if language not in LANGUAGES:
        errors["language"] = "unknown"
    if errors:
        raise Invalid(errors)
    if choice == BLANK_CHOICE:
        return create_design(actor, workspace, title, language, template_key=choice)
    snap, name = _template_snapshot(workspace, choice, language)
    imported = Imported(replace(snap, title=title), StoreAssets(store))
    try:
        design = import_design(actor, workspace, imported, store, template_name=name)
    except MissingAsset:
        raise Invalid({"template": "template_file_missing"}) from None
    except FileRefused:  # a file of the template fails the upload checks
        raise Invalid({"template": "file_type"}) from None
    except ImportRefused as exc:
        raise Invalid({f"template.{i}": code for i, code in enumerate(exc.problems)}) from None
    design.template_key = choice[:60]
    events.record(
        "design.created_from_template",
        actor,
        workspace.id,
        design.id,
        template=choice,
        title=title,
    )
    return design


def save_as_template(
    actor: User, design: Design, name: str, description: str = ""
) -> DesignTemplate:
    """Store the design as it is now as a template of its workspace."""
    workspace = db.session.get(Workspace, design.workspace_id)
    if workspace is None:
        raise NotFound("workspace")
    require(actor, Action.DESIGN_VIEW, design)
    require(actor, Action.TEMPLATE_SAVE, workspace)
    name = (name or "").strip()
    if not name:
        raise Invalid({"name": "required"})
    row = DesignTemplate(
        workspace_id=workspace.id,
        name=name[:200],
        description=(description or "").strip(),
        snapshot=s.to_dict(snapshot(design)),
        created_by_id=actor.id,
    )
    db.session.add(row)
    db.session.flush()
    events.record(
        "template.saved", actor, workspace.id, design.id, template_id=row.id, name=row.name
    )
    return row
