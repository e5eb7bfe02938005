"""A workspace's own checklists: copies of built-in (or other own) checklists, edited.

The checklist is stored as the quality engine's plain data (`checklist_to_dict`) and
validated with `checklist_from_dict` before every save, so a stored copy can always be
evaluated.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from designer.models import User, Workspace, WorkspaceChecklist, db
from designer.models.columns import utcnow
from designer.quality import (
    CATEGORIES,
    SEVERITIES,
    ChecklistError,
    ConfigError,
    checklist_from_dict,
    checklist_to_dict,
    copy_checklist,
    get_rule,
)
from designer.queries.quality import load_checklist
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.permissions import Action, require

Data = dict[str, Any]


def copy_to_workspace(actor: User, workspace: Workspace, source_key: str) -> WorkspaceChecklist:
    """An editable copy of a built-in checklist (or of one of the workspace's own)."""
    require(actor, Action.CHECKLIST_EDIT, workspace)
    source = load_checklist(workspace.id, source_key)
    key = f"w{workspace.id}-{secrets.token_hex(4)}"
    copy = copy_checklist(source, key, f"{source.name_de} (Kopie)", f"{source.name_en} (copy)")
    row = WorkspaceChecklist(
        workspace_id=workspace.id,
        key=key,
        name=copy.name_de,
        data=checklist_to_dict(copy),
        copied_from=source.key,
        created_by_id=actor.id,
    )
    db.session.add(row)
    db.session.flush()
    events.record("checklist.copied", actor, workspace.id, None, checklist=key, source=source.key)
    return row


def _save(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    expected_version: int | None,
    change: Callable[[Data], None],
    what: str,
) -> WorkspaceChecklist:
    require(actor, Action.CHECKLIST_EDIT, workspace)
    if row.workspace_id != workspace.id or row.deleted_at is not None:
        raise NotFound("checklist")
    check_version(row, expected_version, {"name": row.name})
    data = _copy(row.data)
    change(data)
    try:
        checklist = checklist_from_dict(data)
    except ChecklistError as exc:
        raise Invalid({"checklist": "invalid_checklist"}) from exc
    row.data = checklist_to_dict(checklist)
    row.name = checklist.name_de
    db.session.flush()
    events.record("checklist.updated", actor, workspace.id, None, checklist=row.key, change=what)
    return row


def _copy(data: Data) -> Data:
    """A deep copy of JSON data, so that the ORM sees a new value."""
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data


def _text(values: Mapping[str, Any], name: str, required: bool, limit: int) -> str:
    value = str(values.get(name) or "").strip()
    if required and not value:
        raise Invalid({name: "required"})
    if len(value) > limit:
        raise Invalid({name: "too_long"})
    return value


def _criterion_index(data: Data, key: str) -> int:
    for i, item in enumerate(data["criteria"]):
        if item.get("key") == key:
            return i
    raise NotFound("criterion")


def update_names(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    values: Mapping[str, Any],
    expected_version: int | None,
) -> WorkspaceChecklist:
    """Name and description in German and English."""
    clean = {
        "name_de": _text(values, "name_de", True, 200),
        "name_en": _text(values, "name_en", True, 200),
        "description_de": _text(values, "description_de", False, 2000),
        "description_en": _text(values, "description_en", False, 2000),
    }

    def change(data: Data) -> None:
        data["name"] = {"de": clean["name_de"], "en": clean["name_en"]}
        data["description"] = {"de": clean["description_de"], "en": clean["description_en"]}

    return _save(actor, workspace, row, expected_version, change, "names")


def _manual_values(values: Mapping[str, Any]) -> Data:
    category = values.get("category")
    if category not in CATEGORIES:
        raise Invalid({"category": "unknown"})
    return {
        "category": category,
        "question": {
            "de": _text(values, "question_de", True, 500),
            "en": _text(values, "question_en", True, 500),
        },
        "help": {
            "de": _text(values, "help_de", False, 2000),
            "en": _text(values, "help_en", False, 2000),
        },
    }


def add_manual(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    values: Mapping[str, Any],
    expected_version: int | None,
) -> str:
    """A new manual question; returns its key."""
    fields = _manual_values(values)
    key = f"q-{secrets.token_hex(3)}"

    def change(data: Data) -> None:
        data["criteria"].append({"key": key, "kind": "manual", **fields})

    _save(actor, workspace, row, expected_version, change, "criterion_added")
    return key


def update_manual(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    key: str,
    values: Mapping[str, Any],
    expected_version: int | None,
) -> WorkspaceChecklist:
    fields = _manual_values(values)

    def change(data: Data) -> None:
        item = data["criteria"][_criterion_index(data, key)]
        if item.get("kind") != "manual":
            raise NotFound("criterion")
        item.update(fields)

    return _save(actor, workspace, row, expected_version, change, "criterion_updated")


def add_rule(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    rule_id: str,
    expected_version: int | None,
) -> WorkspaceChecklist:
    """Adds an automatic rule with its defaults (once per checklist)."""
    try:
        rule = get_rule(rule_id)
    except ConfigError:
        raise Invalid({"rule": "unknown"}) from None

    def change(data: Data) -> None:
        if any(item.get("key") == rule.id for item in data["criteria"]):
            raise Invalid({"rule": "duplicate_rule"})
        data["criteria"].append(
            {"key": rule.id, "kind": "automatic", "rule": rule.id, "category": rule.category}
        )

    return _save(actor, workspace, row, expected_version, change, "criterion_added")


def _param_value(kind: str, raw: Any, choices: list[str]) -> Any:
    """A form value as the rule's parameter wants it; ValueError when unusable."""
    text = str(raw if raw is not None else "").strip()
    if kind in ("int", "number"):
        number = int(text) if kind == "int" else float(text.replace(",", "."))
        if number < 0 or not math.isfinite(number):
            raise ValueError(text)
        return number
    words = [w.strip() for w in (raw if isinstance(raw, list) else text.split(",")) if w.strip()]
    if choices and any(w not in choices for w in words):
        raise ValueError(text)
    return words


def update_rule(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    key: str,
    values: Mapping[str, Any],
    expected_version: int | None,
) -> WorkspaceChecklist:
    """Severity, whether findings block approval, and parameters (`param:<name>`)."""
    severity = values.get("severity")
    if severity not in SEVERITIES:
        raise Invalid({"severity": "unknown"})
    blocking = values.get("blocking") in (True, "y", "on", "true", "1")

    def change(data: Data) -> None:
        item = data["criteria"][_criterion_index(data, key)]
        if item.get("kind") != "automatic":
            raise NotFound("criterion")
        rule = get_rule(item["rule"])
        params: Data = {}
        for param in rule.to_dict("en")["params"]:
            name = param["name"]
            raw = values.get(f"param:{name}")
            if raw is None and param["kind"] in ("int", "number"):
                continue
            try:
                value = _param_value(param["kind"], raw, param["choices"])
            except ValueError:
                raise Invalid({f"param:{name}": "invalid_param"}) from None
            if value != param["default"]:
                params[name] = value
        item.update(severity=severity, blocking=blocking, params=params)

    return _save(actor, workspace, row, expected_version, change, "criterion_updated")


def remove_criterion(
    actor: User,
    workspace: Workspace,
    row: WorkspaceChecklist,
    key: str,
    expected_version: int | None,
) -> WorkspaceChecklist:
    def change(data: Data) -> None:
        del data["criteria"][_criterion_index(data, key)]

    return _save(actor, workspace, row, expected_version, change, "criterion_removed")


def delete_checklist(actor: User, workspace: Workspace, row: WorkspaceChecklist) -> None:
    """Moves a workspace checklist out of use; reviews keep their own copy of it."""
    require(actor, Action.CHECKLIST_EDIT, workspace)
    if row.workspace_id != workspace.id or row.deleted_at is not None:
        raise NotFound("checklist")
    row.deleted_at = utcnow()
    events.record("checklist.deleted", actor, workspace.id, None, checklist=row.key)
