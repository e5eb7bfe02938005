"""What changed between two versions of a design: a pure function of two DesignSnapshots.

Nuggets are matched by their library key without the pinned revision (`N12.3` and `N12`
are the same nugget), and a nugget placed twice is matched occurrence by occurrence.
A placement is *moved* when it changed module, or when its order relative to the other
placements that stayed in the module changed (inserting a nugget above does not move
the ones below it). Field changes use the values as they stand on the canvas, overrides
applied. `describe()` turns a change into a sentence in German or English
("Dauer: 30 → 45 Minuten").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from difflib import SequenceMatcher
from typing import Any

from designer.core import snapshot as s
from designer.core.fields import GROBKONZEPT, NUGGET_FIELDS
from designer.core.texts import translate
from designer.core.vocab import label

_DE, _EN = 0, 1

# Labels of the fields that are neither the Grobkonzept's nor a nugget's (those are in
# `designer.core.fields`): (German, English).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "language": ("Sprache", "Language"),
    "description": ("Beschreibung", "Description"),
    "text": ("Text", "Text"),
    "bloom_level": ("Taxonomiestufe", "Bloom level"),
}
MINUTE_FIELDS = frozenset({"duration_minutes", "planned_workload_minutes"})
VOCAB_FIELDS = frozenset(
    {"learning_type", "delivery_mode", "social_form", "assessment", "activity_kind", "language"}
)
# Long texts: the sentence says that they changed, not the whole before and after.
LONG_FIELDS = frozenset(
    {"content_html", "questions", "rationale", "author_note", "summary", "description", "assets"}
    | set(s.GROBKONZEPT_TEXT_FIELDS)
)
# Nugget fields compared directly; duration and delivery mode are compared on the canvas.
_NUGGET_FIELDS = tuple(
    f.name for f in fields(s.Nugget) if f.name not in ("key", "duration_minutes", "delivery_mode")
)


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class NuggetChange:
    """One placement that was added, removed, moved or changed (`kind`)."""

    kind: str
    key: str
    title: str
    old_module: str = ""
    new_module: str = ""
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ItemChange:
    """An objective or module that was added, removed or changed (`kind`)."""

    kind: str
    key: str
    title: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class RevisionDiff:
    design: tuple[FieldChange, ...]
    grobkonzept: tuple[FieldChange, ...]
    objectives: tuple[ItemChange, ...]
    modules: tuple[ItemChange, ...]
    nuggets: tuple[NuggetChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.design or self.grobkonzept or self.objectives or self.modules) and (
            not self.nuggets
        )

    def of_kind(self, kind: str) -> tuple[NuggetChange, ...]:
        return tuple(c for c in self.nuggets if c.kind == kind)


def diff(old: s.DesignSnapshot, new: s.DesignSnapshot) -> RevisionDiff:
    """Everything that changed from `old` to `new`."""
    return RevisionDiff(
        design=_field_changes(old, new, ("title", "language")),
        grobkonzept=_field_changes(
            old.grobkonzept, new.grobkonzept, [f.name for f in fields(s.Grobkonzept)]
        ),
        objectives=_item_changes(old.objectives, new.objectives, "text", ("text", "bloom_level")),
        modules=_item_changes(old.modules, new.modules, "title", ("title", "description")),
        nuggets=_nugget_changes(old, new),
    )


def _field_changes(old: Any, new: Any, names: Iterable[str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(old, name), getattr(new, name))
        for name in names
        if getattr(old, name) != getattr(new, name)
    )


def _item_changes(
    old_items: tuple[Any, ...], new_items: tuple[Any, ...], title: str, compared: tuple[str, ...]
) -> tuple[ItemChange, ...]:
    """Match by key, then (for keys that changed, e.g. after a restore) by equal title."""
    pairs = _match(old_items, new_items, title)
    out: list[ItemChange] = []
    matched_old = {id(o) for o, _n in pairs}
    matched_new = {id(n) for _o, n in pairs}
    for item in old_items:
        if id(item) not in matched_old:
            out.append(ItemChange("removed", item.key, getattr(item, title)))
    for o, n in pairs:
        changes = _field_changes(o, n, compared)
        if changes:
            out.append(ItemChange("changed", n.key, getattr(n, title), changes))
    for item in new_items:
        if id(item) not in matched_new:
            out.append(ItemChange("added", item.key, getattr(item, title)))
    return tuple(out)


def _match(old_items: tuple[Any, ...], new_items: tuple[Any, ...], title: str) -> list[tuple]:
    """(old, new) pairs: equal keys first, then equal titles among the unmatched."""
    new_by_key = {n.key: n for n in new_items}
    pairs = [(o, new_by_key[o.key]) for o in old_items if o.key in new_by_key]
    old_keys = {o.key for o in old_items}
    spare = [n for n in new_items if n.key not in old_keys]
    for o in old_items:
        if o.key in new_by_key:
            continue
        twin = next((n for n in spare if getattr(n, title) == getattr(o, title)), None)
        if twin is not None:
            pairs.append((o, twin))
            spare.remove(twin)
    return pairs


def base_key(nugget_key: str) -> str:
    """`N12.3` → `N12`: the library nugget without its pinned revision."""
    return nugget_key.split(".", 1)[0]


def _placements(snap: s.DesignSnapshot) -> dict[tuple[str, int], s.PlacedNugget]:
    """Placements by (nugget, occurrence): the second time N12 is placed is (N12, 1)."""
    seen: dict[str, int] = {}
    out = {}
    for placed in snap.placed():
        key = base_key(placed.placement.nugget)
        out[(key, seen.get(key, 0))] = placed
        seen[key] = seen.get(key, 0) + 1
    return out


def _module_identity(old: s.DesignSnapshot, new: s.DesignSnapshot) -> dict[str, str]:
    """Old module key → new module key for modules that are the same module."""
    return {o.key: n.key for o, n in _match(old.modules, new.modules, "title")}


def _moved(
    before: dict[tuple[str, int], s.PlacedNugget],
    after: dict[tuple[str, int], s.PlacedNugget],
    same_module: dict[str, str],
) -> set[tuple[str, int]]:
    common = [k for k in after if k in before]
    moved = {k for k in common if same_module.get(before[k].module.key) != after[k].module.key}
    stayed = [k for k in common if k not in moved]
    by_module: dict[str, list[tuple[str, int]]] = {}
    for k in stayed:
        by_module.setdefault(after[k].module.key, []).append(k)
    for keys in by_module.values():
        old_order = sorted(keys, key=lambda k: before[k].position)
        matcher = SequenceMatcher(a=old_order, b=keys, autojunk=False)
        in_place = {
            k
            for block in matcher.get_matching_blocks()
            for k in keys[block.b : block.b + block.size]
        }
        moved |= set(keys) - in_place
    return moved


def _placed_values(placed: s.PlacedNugget, snap: s.DesignSnapshot) -> dict[str, Any]:
    values = {name: getattr(placed.nugget, name) for name in _NUGGET_FIELDS}
    values["duration_minutes"] = placed.duration_minutes
    values["delivery_mode"] = placed.delivery_mode
    objective_texts = {o.key: o.text for o in snap.objectives}
    values["objectives"] = tuple(objective_texts.get(k, k) for k in placed.objectives)
    return values


def _nugget_changes(old: s.DesignSnapshot, new: s.DesignSnapshot) -> tuple[NuggetChange, ...]:
    before, after = _placements(old), _placements(new)
    moved = _moved(before, after, _module_identity(old, new))
    out = [
        NuggetChange("removed", k[0], p.nugget.title, old_module=p.module.title)
        for k, p in before.items()
        if k not in after
    ]
    for k, placed in after.items():
        if k not in before:
            out.append(
                NuggetChange("added", k[0], placed.nugget.title, new_module=placed.module.title)
            )
            continue
        was = before[k]
        old_values, new_values = _placed_values(was, old), _placed_values(placed, new)
        changes = tuple(
            FieldChange(name, old_values[name], value)
            for name, value in new_values.items()
            if old_values[name] != value
        )
        modules = {"old_module": was.module.title, "new_module": placed.module.title}
        if k in moved:
            out.append(NuggetChange("moved", k[0], placed.nugget.title, changes=changes, **modules))
        elif changes:
            out.append(
                NuggetChange("changed", k[0], placed.nugget.title, changes=changes, **modules)
            )
    return tuple(out)


# ----------------------------------------------------------------- in words


def field_label(name: str, language: str) -> str:
    field = GROBKONZEPT.get(name) or NUGGET_FIELDS.get(name)
    if field is not None:
        return translate(field.short or field.label, language)
    pair = FIELD_LABELS.get(name)
    if pair is None:
        return name
    return pair[_EN if language == "en" else _DE]


def format_value(name: str, value: Any, language: str) -> str:
    """A value as a person reads it, in `language`."""
    en = language == "en"
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, bool):
        return ("yes" if value else "no") if en else ("ja" if value else "nein")
    if name in VOCAB_FIELDS:
        return label(name, value, language)
    if name == "bloom_level":
        return label("bloom_level", value, language)
    if isinstance(value, s.Schedule):
        parts = [value.date, "–".join(p for p in (value.start, value.end) if p), value.place]
        return ", ".join(p for p in parts if p) or "—"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def describe(change: FieldChange, language: str) -> str:
    """ "Dauer: 30 → 45 Minuten" / "Duration: 30 → 45 minutes"."""
    name = field_label(change.field, language)
    en = language == "en"
    if change.field in LONG_FIELDS:
        return f"{name}: " + ("changed" if en else "geändert")
    old = format_value(change.field, change.old, language)
    new = format_value(change.field, change.new, language)
    if change.field in MINUTE_FIELDS:
        return f"{name}: {old} → {new} " + ("minutes" if en else "Minuten")
    return f"{name}: {old} → {new}"


_KIND_TEXTS = {
    "added": ("hinzugefügt", "added"),
    "removed": ("entfernt", "removed"),
    "changed": ("geändert", "changed"),
}


def describe_nugget(change: NuggetChange, language: str) -> str:
    """One line per placement: "»Einstieg« verschoben: Modul 1 → Modul 2"."""
    en = language == "en"
    title = f"“{change.title}”" if en else f"»{change.title}«"
    if change.kind == "moved":
        verb = "moved" if en else "verschoben"
        if change.old_module != change.new_module:
            return f"{title} {verb}: {change.old_module} → {change.new_module}"
        where = "within" if en else "innerhalb von"
        return f"{title} {verb} {where} {change.new_module}"
    verb = _KIND_TEXTS[change.kind][_EN if en else _DE]
    module = change.new_module if change.kind == "added" else change.old_module
    return f"{title} {verb} (in {module})" if module else f"{title} {verb}"
