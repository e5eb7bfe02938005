"""Designs: creation, the Grobkonzept, learning objectives and modules."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from designer.core import fields, limits
from designer.core import snapshot as s
from designer.core.vocab import BLOOM_LEVELS
from designer.models import Design, LearningObjective, Module, User, Workspace, db
from designer.models.columns import utcnow
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.partnerships import organisation_of
from designer.services.permissions import Action, require


def mark_changed(design: Design, actor: User | None) -> None:
    """Every content change: an approval given to an earlier state becomes outdated.

    Written as a plain UPDATE so that the design's lock_version, which guards the
    Grobkonzept fields, does not move when someone edits a module or a nugget: two people
    working on different parts of one design never conflict."""
    values: dict[str, Any] = {"updated_at": utcnow()}
    if design.status == "approved":
        values["status"] = "draft"
        events.record("design.approval_outdated", actor, design.workspace_id, design.id)
    db.session.execute(update(Design).where(Design.id == design.id).values(**values))


def create_design(
    actor: User, workspace: Workspace, title: str, language: str = "de", template_key: str = "blank"
) -> Design:
    require(actor, Action.DESIGN_CREATE, workspace)
    clean, errors = fields.clean_all(
        {"title": fields.TITLE, "language": fields.Choice("language")},
        {"title": title, "language": language},
    )
    if errors:
        raise Invalid(errors)
    design = Design(
        workspace_id=workspace.id,
        title=clean["title"],
        language=language,
        template_key=template_key,
        created_by_id=actor.id,
        organisation=organisation_of(actor, workspace.id),
        placeholder_fields=list(s.PLACEHOLDER_FIELDS),  # all open in a new design
    )
    db.session.add(design)
    db.session.flush()
    events.record("design.created", actor, workspace.id, design.id, title=design.title)
    return design


def grobkonzept_state(design: Design) -> dict[str, Any]:
    state: dict[str, Any] = {"title": design.title, "language": design.language}
    for name in s.GROBKONZEPT_TEXT_FIELDS + s.GROBKONZEPT_INT_FIELDS:
        state[name] = getattr(design, name)
    for name in s.GROBKONZEPT_DATE_FIELDS:
        value = getattr(design, name)
        state[name] = value.isoformat() if value else ""
    state["lock_version"] = design.lock_version
    return state


# The fields `update_grobkonzept` takes: the Grobkonzept, the title and the language.
GROBKONZEPT_KINDS: dict[str, fields.Kind] = {
    **{name: field.kind for name, field in fields.GROBKONZEPT.items()},
    "title": fields.TITLE,
    "language": fields.Choice("language"),
}


def _clean_grobkonzept(values: dict[str, Any]) -> dict[str, Any]:
    """Each field by its kind, then the rules between fields; Invalid names every bad one."""
    clean, errors = fields.clean_all(GROBKONZEPT_KINDS, values)
    errors.update(fields.grobkonzept_order_problems(clean))
    if errors:
        raise Invalid(errors)
    return clean


def update_grobkonzept(
    actor: User, design: Design, values: dict[str, Any], expected_version: int | None
) -> Design:
    """Write some Grobkonzept fields (a wizard step writes only its own)."""
    require(actor, Action.DESIGN_EDIT, design)
    check_version(design, expected_version, grobkonzept_state(design))
    clean = _clean_grobkonzept(values)
    changed = [name for name, value in clean.items() if getattr(design, name) != value]
    for name in changed:
        setattr(design, name, clean[name])
    _fill_placeholders(design, changed)
    if changed:
        mark_changed(design, actor)
        events.record("design.updated", actor, design.workspace_id, design.id, fields=changed)
    db.session.flush()
    return design


def _fill_placeholders(design: Design, changed: list[str]) -> None:
    """A field a template left open stops being a placeholder once given a value."""
    filled = {name for name in changed if getattr(design, name) not in (None, "", 0)}
    if filled & set(design.placeholder_fields or ()):
        design.placeholder_fields = [f for f in design.placeholder_fields if f not in filled]


def delete_design(actor: User, design: Design) -> None:
    """Moves the design to the trash."""
    require(actor, Action.DESIGN_DELETE, design)
    design.deleted_at = utcnow()
    events.record("design.deleted", actor, design.workspace_id, design.id, title=design.title)


# ------------------------------------------------------------------ objectives


def _clean_objective(text: str, bloom_level: str) -> tuple[str, str]:
    text = (text or "").strip()
    if not text:
        raise Invalid({"text": "required"})
    if bloom_level and bloom_level not in BLOOM_LEVELS:
        raise Invalid({"bloom_level": "unknown"})
    return text, bloom_level or ""


def add_objective(
    actor: User, design: Design, text: str, bloom_level: str = ""
) -> LearningObjective:
    require(actor, Action.DESIGN_EDIT, design)
    text, bloom_level = _clean_objective(text, bloom_level)
    if code := limits.exceeds(len(design.objectives) + 1, "objectives"):
        raise Invalid({"text": code})
    objective = LearningObjective(
        design_id=design.id, text=text, bloom_level=bloom_level, position=len(design.objectives)
    )
    db.session.add(objective)
    design.objectives.append(objective)
    mark_changed(design, actor)
    db.session.flush()
    events.record(
        "objective.added", actor, design.workspace_id, design.id, objective_id=objective.id
    )
    return objective


def _objective(design: Design, objective_id: int) -> LearningObjective:
    objective = db.session.get(LearningObjective, objective_id)
    if objective is None or objective.design_id != design.id:
        raise NotFound("objective")
    return objective


def update_objective(
    actor: User,
    design: Design,
    objective_id: int,
    text: str,
    bloom_level: str,
    expected_version: int | None,
) -> LearningObjective:
    require(actor, Action.DESIGN_EDIT, design)
    objective = _objective(design, objective_id)
    check_version(
        objective,
        expected_version,
        {"text": objective.text, "bloom_level": objective.bloom_level},
    )
    objective.text, objective.bloom_level = _clean_objective(text, bloom_level)
    mark_changed(design, actor)
    db.session.flush()
    events.record(
        "objective.updated", actor, design.workspace_id, design.id, objective_id=objective.id
    )
    return objective


def remove_objective(actor: User, design: Design, objective_id: int) -> None:
    require(actor, Action.DESIGN_EDIT, design)
    objective = _objective(design, objective_id)
    design.objectives.remove(objective)
    db.session.delete(objective)
    for position, other in enumerate(design.objectives):
        other.position = position
    mark_changed(design, actor)
    events.record(
        "objective.removed", actor, design.workspace_id, design.id, objective_id=objective_id
    )


def move_objective(actor: User, design: Design, objective_id: int, position: int) -> None:
    require(actor, Action.DESIGN_EDIT, design)
    objective = _objective(design, objective_id)
    order = [o for o in design.objectives if o.id != objective.id]
    position = max(0, min(position, len(order)))
    order.insert(position, objective)
    for i, other in enumerate(order):
        other.position = i
    design.objectives[:] = order
    mark_changed(design, actor)
    events.record(
        "objective.moved",
        actor,
        design.workspace_id,
        design.id,
        objective_id=objective.id,
        position=position,
    )


# ---------------------------------------------------------------------- modules


def live_modules(design: Design) -> list[Module]:
    return [m for m in design.modules if m.deleted_at is None]


def _module_title(value: Any) -> str:
    try:
        return fields.TITLE.clean(value)
    except fields.Refused as refused:
        raise Invalid({"title": refused.code}) from None


def add_module(actor: User, design: Design, title: str, description: str = "") -> Module:
    require(actor, Action.DESIGN_EDIT, design)
    if code := limits.exceeds(len(live_modules(design)) + 1, "modules"):
        raise Invalid({"title": code})
    module = Module(
        design_id=design.id,
        title=_module_title(title),
        description=description.strip(),
        position=len(design.modules),
    )
    design.modules.append(module)
    mark_changed(design, actor)
    db.session.flush()
    events.record("module.added", actor, design.workspace_id, design.id, module_id=module.id)
    return module


def module_of(design: Design, module_id: int) -> Module:
    module = db.session.get(Module, module_id)
    if module is None or module.design_id != design.id or module.deleted_at is not None:
        raise NotFound("module")
    return module


def update_module(
    actor: User,
    design: Design,
    module_id: int,
    values: dict[str, Any],
    expected_version: int | None,
) -> Module:
    require(actor, Action.DESIGN_EDIT, design)
    module = module_of(design, module_id)
    check_version(
        module, expected_version, {"title": module.title, "description": module.description}
    )
    if "title" in values:
        module.title = _module_title(values["title"])
    if "description" in values:
        module.description = (values["description"] or "").strip()
    mark_changed(design, actor)
    db.session.flush()
    events.record("module.updated", actor, design.workspace_id, design.id, module_id=module.id)
    return module


def move_module(actor: User, design: Design, module_id: int, position: int) -> None:
    require(actor, Action.DESIGN_EDIT, design)
    module = module_of(design, module_id)
    order = [m for m in live_modules(design) if m.id != module.id]
    position = max(0, min(position, len(order)))
    order.insert(position, module)
    for i, m in enumerate(order):
        m.position = i
    mark_changed(design, actor)
    events.record(
        "module.moved",
        actor,
        design.workspace_id,
        design.id,
        module_id=module.id,
        position=position,
    )


def delete_module(actor: User, design: Design, module_id: int) -> None:
    """Moves a module (with its placements) to the trash."""
    require(actor, Action.DESIGN_EDIT, design)
    module = module_of(design, module_id)
    module.deleted_at = utcnow()
    mark_changed(design, actor)
    events.record(
        "module.deleted",
        actor,
        design.workspace_id,
        design.id,
        module_id=module.id,
        title=module.title,
    )
