"""Hand-made plans (.xlsx, .docx) checked by the user before they become a design.

The upload page stages the file (`storage.staging`); the mapping page shows the
analysed table; `preview` shows what `create_design` will save with the user's choice.
Both build the design from the same table and choice, so what is confirmed is what was
seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from designer.core import limits
from designer.core import snapshot as s
from designer.core.vocab import DELIVERY_MODES, LANGUAGES
from designer.importers.base import Imported
from designer.importers.plan_snapshot import DEFAULTS, plan_mode
from designer.importers.plan_table import FIELDS, PlanTable, as_text, title_from_name
from designer.importers.plans import analyse_table, build_snapshot
from designer.models import Design, User, Workspace
from designer.services.errors import Invalid
from designer.services.importing import import_design
from designer.storage.filestore import FileStore
from designer.storage.staging import PlanChoice, Staged, Staging, safe_name


def stage_plan(staging: Staging, stream: BinaryIO, filename: str, max_bytes: int) -> Staged:
    """Keep an upload for the next steps if it holds a plan table. A file too large
    (FileTooLarge) or without a plan (ImportRefused, naming the reason) leaves nothing."""
    staged = staging.put(stream, safe_name(filename, Path(filename).suffix.lower()), max_bytes)
    try:
        analyse_table(staged.path)
    except BaseException:
        staging.discard(staged.token)
        raise
    return staged


def default_choice(table: PlanTable, path: Path) -> PlanChoice:
    """The importer's guesses: fields from the headers, the title found in the file (else
    the file name), the language of the headers or the file's language label, and the
    delivery mode the plan's words name (else the usual default)."""
    return PlanChoice(
        mapping={c.index: c.field for c in table.columns},
        title=table.title or title_from_name(path.name),
        language=table.language,
        delivery_mode=plan_mode(table) or DEFAULTS["delivery_mode"],
    )


def samples(table: PlanTable, count: int = 3, length: int = 60) -> dict[int, list[str]]:
    """Column index → its first `count` different filled values, shortened, for the
    mapping page."""
    out: dict[int, list[str]] = {c.index: [] for c in table.columns}
    for row in table.rows:
        for index, values in out.items():
            line = " ".join(as_text(row.cells[index]).split()) if index < len(row.cells) else ""
            line = line if len(line) <= length else line[: length - 1] + "…"
            if line and line not in values and len(values) < count:
                values.append(line)
        if all(len(v) >= count for v in out.values()):
            break
    return out


@dataclass(frozen=True)
class PreviewModule:
    module: s.Module
    nuggets: tuple[s.Nugget, ...]

    @property
    def minutes(self) -> int:
        return sum(n.duration_minutes for n in self.nuggets)


@dataclass(frozen=True)
class PlanPreview:
    snapshot: s.DesignSnapshot
    modules: tuple[PreviewModule, ...]
    messages: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)


def preview(table: PlanTable, choice: PlanChoice, reader_language: str) -> PlanPreview:
    """The design `choice` makes of `table`, with the row messages in the reader's language
    (the design itself is in the language chosen for the course)."""
    snap, messages = _build(table, choice)
    if reader_language in LANGUAGES and reader_language != snap.language:
        _, messages = build_snapshot(
            table, choice.mapping, choice.title, reader_language, choice.delivery_mode or None
        )
    nuggets = {n.key: n for n in snap.nuggets}
    modules = tuple(
        PreviewModule(m, tuple(nuggets[p.nugget] for p in m.placements)) for m in snap.modules
    )
    return PlanPreview(snap, modules, tuple(messages))


def create_design(
    actor: User, workspace: Workspace, table: PlanTable, choice: PlanChoice, store: FileStore
) -> Design:
    """Save the design `choice` makes of `table`. The caller commits."""
    snap, messages = _build(table, choice)
    if not snap.nuggets:
        raise Invalid({"mapping": "plan_no_rows"})
    problems = limits.snapshot_problems(snap)
    if problems:
        raise Invalid({f"plan.{i}": code for i, code in enumerate(problems)})
    return import_design(actor, workspace, Imported(snap, warnings=messages), store)


def _build(table: PlanTable, choice: PlanChoice) -> tuple[s.DesignSnapshot, list[str]]:
    unknown = {name for name in choice.mapping.values() if name and name not in FIELDS}
    if unknown or choice.language not in LANGUAGES:
        raise Invalid({"mapping": "unknown_field"} if unknown else {"language": "unknown"})
    if choice.delivery_mode and choice.delivery_mode not in DELIVERY_MODES:
        raise Invalid({"delivery_mode": "unknown"})
    if not choice.title.strip():
        raise Invalid({"title": "required"})
    return build_snapshot(
        table, choice.mapping, choice.title, choice.language, choice.delivery_mode or None
    )
