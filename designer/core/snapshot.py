"""DesignSnapshot: the one read model of a whole design.

Frozen dataclasses without any tie to the database or Flask. Quality rules, analytics,
exporters, stored revisions and the revision diff all read a snapshot. Its JSON form
(`to_json` / `from_json`) is the interchange format `kurswerk-design`, version 1.

`snapshot(design)` (in `designer.queries.read_model`) builds one from the ORM; this
module knows nothing of the ORM. The reader checks each field by its kind in
`designer.core.fields`, the same rules the services apply.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from designer.core import fields as f
from designer.core.fields import (
    DEFAULT_PASS_MARK,
    GROBKONZEPT,
    GROBKONZEPT_DATE_FIELDS,
    GROBKONZEPT_DOCUMENT_ORDER,
    GROBKONZEPT_INT_FIELDS,
    GROBKONZEPT_TEXT_FIELDS,
    Kind,
    Refused,
)

FORMAT_NAME = "kurswerk-design"
FORMAT_VERSION = 1

__all__ = ["GROBKONZEPT_DATE_FIELDS", "GROBKONZEPT_INT_FIELDS", "GROBKONZEPT_TEXT_FIELDS"]


class FormatError(ValueError):
    """A design document that cannot be read; `problems` names each one with its path."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Answer:
    """One answer of a question. For kind `match` one pair: `text` is the item shown,
    `match` the answer it belongs to (`correct` unused; an empty `text` makes `match` a
    distractor). For kind `shortanswer` one accepted response."""

    text: str
    correct: bool
    feedback: str = ""
    match: str = ""


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    answers: tuple[Answer, ...] = ()
    feedback: str = ""


@dataclass(frozen=True)
class Schedule:
    """When and where a live session (or a module) takes place; times as HH:MM."""

    date: str = ""
    start: str = ""
    end: str = ""
    place: str = ""


@dataclass(frozen=True)
class Asset:
    key: str
    filename: str
    mimetype: str
    alt_text: str = ""
    license: str = ""
    attribution: str = ""
    sha256: str = ""
    size: int = 0


@dataclass(frozen=True)
class Nugget:
    key: str
    title: str
    summary: str = ""
    content_html: str = ""
    learning_type: str = "acquisition"
    delivery_mode: str = "self_paced_online"
    social_form: str = "individual"
    method: str = ""
    duration_minutes: int = 0
    media: str = ""
    assessment: str = "none"
    # A quiz's own pass mark in percent; None takes the design's.
    pass_mark_percent: int | None = None
    activity_kind: str = "page"
    rationale: str = ""
    # Guidance for the design's authors (plain text): shown in the editor and the
    # Feinkonzept, never in anything a learner gets.
    author_note: str = ""
    license: str = ""
    attribution: str = ""
    tags: tuple[str, ...] = ()
    assets: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    url: str = ""
    schedule: Schedule | None = None
    has_video: bool = False
    captions_available: bool = False
    ai_generated: bool = False
    ai_checked: bool = False


@dataclass(frozen=True)
class Placement:
    nugget: str
    objectives: tuple[str, ...] = ()
    duration_minutes: int | None = None
    delivery_mode: str | None = None


@dataclass(frozen=True)
class Break:
    """A break in a module's timetable (lunch, coffee) after its first `after` placements;
    part of the Verlaufsplan, not a nugget."""

    after: int
    minutes: int
    title: str = ""


@dataclass(frozen=True)
class Module:
    key: str
    title: str
    description: str = ""
    placements: tuple[Placement, ...] = ()
    schedule: Schedule | None = None
    breaks: tuple[Break, ...] = ()


@dataclass(frozen=True)
class Objective:
    key: str
    text: str
    bloom_level: str = ""


@dataclass(frozen=True)
class Grobkonzept:
    target_group: str = ""
    initial_situation: str = ""
    prerequisites: str = ""
    planned_workload_minutes: int | None = None
    participants_min: int | None = None
    participants_max: int | None = None
    start_date: str = ""
    end_date: str = ""
    format_summary: str = ""
    didactic_approach: str = ""
    assessment_concept: str = ""
    framework_conditions: str = ""
    evaluation_plan: str = ""
    offer_description: str = ""
    pass_mark_percent: int = DEFAULT_PASS_MARK


@dataclass(frozen=True)
class PlacedNugget:
    """A nugget as it stands at one place of the canvas, overrides applied."""

    module: Module
    placement: Placement
    nugget: Nugget
    position: int

    @property
    def duration_minutes(self) -> int:
        override = self.placement.duration_minutes
        return self.nugget.duration_minutes if override is None else override

    @property
    def delivery_mode(self) -> str:
        return self.placement.delivery_mode or self.nugget.delivery_mode

    @property
    def objectives(self) -> tuple[str, ...]:
        return self.placement.objectives


@dataclass(frozen=True)
class DesignSnapshot:
    title: str
    language: str = "de"
    grobkonzept: Grobkonzept = field(default_factory=Grobkonzept)
    objectives: tuple[Objective, ...] = ()
    modules: tuple[Module, ...] = ()
    nuggets: tuple[Nugget, ...] = ()
    assets: tuple[Asset, ...] = ()

    # The look-ups below are built once per snapshot, on first use. `cached_property` stores
    # its value in the instance's __dict__ directly, past the frozen __setattr__; the
    # dataclass has no __slots__, so every snapshot has a __dict__. The caches are not
    # fields: equality, hashing, `replace` and the JSON form ignore them.

    @cached_property
    def _nuggets_by_key(self) -> dict[str, Nugget]:
        return _index(self.nuggets)

    @cached_property
    def _assets_by_key(self) -> dict[str, Asset]:
        return _index(self.assets)

    @cached_property
    def _objectives_by_key(self) -> dict[str, Objective]:
        return _index(self.objectives)

    @cached_property
    def _placements(self) -> tuple[PlacedNugget, ...]:
        nuggets = self._nuggets_by_key
        placed = ((module, placement) for module in self.modules for placement in module.placements)
        return tuple(
            PlacedNugget(module, placement, nuggets[placement.nugget], position)
            for position, (module, placement) in enumerate(placed)
        )

    @cached_property
    def _placed_in(self) -> dict[int, tuple[PlacedNugget, ...]]:
        """Each module's placements, by the module's identity (as `module_placed` asks)."""
        placed: dict[int, list[PlacedNugget]] = {id(m): [] for m in self.modules}
        for item in self._placements:
            placed[id(item.module)].append(item)
        return {key: tuple(items) for key, items in placed.items()}

    def nugget(self, key: str) -> Nugget:
        return self._nuggets_by_key[key]

    def asset(self, key: str) -> Asset:
        return self._assets_by_key[key]

    def objective(self, key: str) -> Objective:
        return self._objectives_by_key[key]

    def placed(self) -> Iterator[PlacedNugget]:
        """Every placement in canvas order (module by module, top to bottom)."""
        return iter(self._placements)

    def module_placed(self, module: Module) -> list[PlacedNugget]:
        """The placements of `module` (one of this snapshot's modules), top to bottom."""
        return list(self._placed_in.get(id(module), ()))

    def total_minutes(self) -> int:
        return sum(p.duration_minutes for p in self.placed())

    def pass_mark(self, nugget: Nugget) -> int:
        """The percent of right answers that passes `nugget`'s quiz: its own, else the
        design's. Every exporter asks here, so a quiz passes alike in every format."""
        own = nugget.pass_mark_percent
        return self.grobkonzept.pass_mark_percent if own is None else own


def _index(items: tuple[Any, ...]) -> dict[str, Any]:
    return {item.key: item for item in items}


# --------------------------------------------------------------------------- to JSON


def to_dict(snap: DesignSnapshot) -> dict[str, Any]:
    """The interchange document of a snapshot; optional parts are left out when empty."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "design": {
            "title": snap.title,
            "language": snap.language,
            "grobkonzept": _grobkonzept_dict(snap.grobkonzept),
            "objectives": [
                {"key": o.key, "text": o.text, "bloom_level": o.bloom_level}
                for o in snap.objectives
            ],
            "modules": [_module_dict(m) for m in snap.modules],
            "nuggets": [_nugget_dict(n) for n in snap.nuggets],
            "assets": [_asset_dict(a) for a in snap.assets],
        },
    }


def to_json(snap: DesignSnapshot, indent: int | None = 2) -> str:
    return json.dumps(to_dict(snap), ensure_ascii=False, indent=indent)


def snapshot_hash(snap: DesignSnapshot) -> str:
    """A stable hash of the design's content (what a reviewer signs off)."""
    canonical = json.dumps(to_dict(snap), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _grobkonzept_dict(g: Grobkonzept) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in GROBKONZEPT_DOCUMENT_ORDER:
        value = getattr(g, name)
        if value not in (None, "") or name in GROBKONZEPT_TEXT_FIELDS:
            out[name] = value
    return out


def _schedule_dict(s: Schedule) -> dict[str, str]:
    return {
        k: v
        for k, v in (("date", s.date), ("start", s.start), ("end", s.end), ("place", s.place))
        if v
    }


def _module_dict(m: Module) -> dict[str, Any]:
    out: dict[str, Any] = {"key": m.key, "title": m.title, "description": m.description}
    if m.schedule:
        out["schedule"] = _schedule_dict(m.schedule)
    out["placements"] = [_placement_dict(p) for p in m.placements]
    if m.breaks:
        out["breaks"] = [_break_dict(b) for b in m.breaks]
    return out


def _break_dict(b: Break) -> dict[str, Any]:
    return {"after": b.after, "minutes": b.minutes, "title": b.title}


def _placement_dict(p: Placement) -> dict[str, Any]:
    out: dict[str, Any] = {"nugget": p.nugget, "objectives": list(p.objectives)}
    if p.duration_minutes is not None:
        out["duration_minutes"] = p.duration_minutes
    if p.delivery_mode:
        out["delivery_mode"] = p.delivery_mode
    return out


_NUGGET_ALWAYS = (
    "key",
    "title",
    "summary",
    "content_html",
    "learning_type",
    "delivery_mode",
    "social_form",
    "method",
    "duration_minutes",
    "media",
    "assessment",
    "activity_kind",
)
_NUGGET_FLAGS = ("has_video", "captions_available", "ai_generated", "ai_checked")
# The Grobkonzept's numbers that may be left open (the pass mark always has one).
_COUNTS = tuple(n for n in GROBKONZEPT_INT_FIELDS if n != "pass_mark_percent")


def _nugget_dict(n: Nugget) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(n, name) for name in _NUGGET_ALWAYS}
    if n.pass_mark_percent is not None:
        out["pass_mark_percent"] = n.pass_mark_percent
    if n.url:
        out["url"] = n.url
    out.update(rationale=n.rationale, license=n.license, attribution=n.attribution)
    if n.author_note:
        out["author_note"] = n.author_note
    out["tags"] = list(n.tags)
    if n.assets:
        out["assets"] = list(n.assets)
    if n.questions:
        out["questions"] = [_question_dict(q) for q in n.questions]
    if n.schedule:
        out["schedule"] = _schedule_dict(n.schedule)
    for flag in _NUGGET_FLAGS:
        if getattr(n, flag):
            out[flag] = True
    return out


def _question_dict(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": q.kind, "text": q.text}
    if q.feedback:
        out["feedback"] = q.feedback
    out["answers"] = [_answer_dict(a) for a in q.answers]
    return out


def _answer_dict(a: Answer) -> dict[str, Any]:
    out: dict[str, Any] = {"text": a.text}
    if a.match:
        out["match"] = a.match
    out["correct"] = a.correct
    if a.feedback:
        out["feedback"] = a.feedback
    return out


def _asset_dict(a: Asset) -> dict[str, Any]:
    out: dict[str, Any] = {
        "key": a.key,
        "filename": a.filename,
        "mimetype": a.mimetype,
        "alt_text": a.alt_text,
        "license": a.license,
        "attribution": a.attribution,
    }
    if a.sha256:
        out["sha256"] = a.sha256
        out["size"] = a.size
    return out


# --------------------------------------------------------------------------- from JSON


def from_json(text: str | bytes, source: str = "design.json") -> DesignSnapshot:
    """Parse an interchange document; every problem is named with its place."""
    return from_dict(load_json(text, source), source)


def load_json(text: str | bytes, source: str = "design.json") -> Any:
    """The parsed JSON of a document, before it is read as a design."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            [f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"]
        ) from None
    except UnicodeDecodeError:
        raise FormatError([f"{source}: not UTF-8 text"]) from None
    except RecursionError:
        raise FormatError([f"{source}: nested too deeply"]) from None


def from_dict(data: Any, source: str = "design.json") -> DesignSnapshot:
    reader = _Reader(source)
    snap = reader.document(data)
    if reader.problems:
        raise FormatError(reader.problems)
    assert snap is not None
    return snap


class _Reader:
    """Reads a document into a snapshot, collecting problems instead of stopping at one."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{self.source}: {path}: {message}")

    # primitives -------------------------------------------------------------
    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, "must be an object")
            return {}
        return value

    def items(self, data: dict[str, Any], name: str, path: str) -> list[Any]:
        value = data.get(name, [])
        if not isinstance(value, list):
            self.problem(f"{path}.{name}", "must be a list")
            return []
        return value

    def clean(self, kind: Kind, data: dict[str, Any], name: str, path: str, blank: Any) -> Any:
        """The value cleaned by its kind, or `blank` (and a problem) when refused."""
        try:
            return kind.clean(data.get(name))
        except Refused as refused:
            self.problem(f"{path}.{name}", refused.message)
            return blank

    def text(
        self,
        data: dict[str, Any],
        name: str,
        path: str,
        required: bool = False,
        kind: Kind = f.TEXT,
    ) -> str:
        """Text as written in the document (not stripped), checked by `kind`."""
        value = data.get(name)
        if value is None and required:
            self.problem(f"{path}.{name}", "is missing")
            return ""
        if required and isinstance(value, str) and not value.strip():
            self.problem(f"{path}.{name}", "must not be empty")
            return value
        if self.clean(kind, data, name, path, None) is None:
            return ""
        return value or ""

    def integer(
        self, data: dict[str, Any], name: str, path: str, kind: Kind = f.COUNT
    ) -> int | None:
        return self.clean(kind, data, name, path, None)

    def flag(self, data: dict[str, Any], name: str, path: str) -> bool:
        return self.clean(f.FLAG, data, name, path, False)

    def term(
        self, data: dict[str, Any], name: str, vocabulary: str, path: str, default: str | None
    ) -> str:
        value = data.get(name)
        if value is None or value == "":
            if default is None:
                return ""
            return default
        return self.clean(f.Choice(vocabulary), data, name, path, default or "")

    def iso_date(self, data: dict[str, Any], name: str, path: str) -> str:
        day = self.clean(f.DATE, data, name, path, None)
        return day.isoformat() if day else ""

    def clock(self, data: dict[str, Any], name: str, path: str) -> str:
        return self.clean(f.CLOCK, data, name, path, "")

    def keys(self, data: dict[str, Any], name: str, path: str, known: set[str]) -> tuple[str, ...]:
        out = []
        for i, key in enumerate(self.items(data, name, path)):
            if key not in known:
                self.problem(f"{path}.{name}[{i}]", f"refers to unknown key {key!r}")
            else:
                out.append(key)
        return tuple(out)

    def unique_key(self, data: dict[str, Any], path: str, seen: set[str]) -> str:
        key = self.text(data, "key", path, required=True)
        if key in seen:
            self.problem(f"{path}.key", f"duplicate key {key!r}")
        seen.add(key)
        return key

    # structure --------------------------------------------------------------
    def document(self, data: Any) -> DesignSnapshot | None:
        root = self.obj(data, "(document)")
        if root.get("format") != FORMAT_NAME:
            self.problem("format", f"must be {FORMAT_NAME!r}, not {root.get('format')!r}")
            return None
        version = root.get("format_version")
        if version != FORMAT_VERSION:
            self.problem(
                "format_version",
                f"version {version!r} is not supported (this Kurswerk reads {FORMAT_VERSION})",
            )
            return None
        d = self.obj(root.get("design"), "design")
        assets = self.assets(d)
        asset_keys = {a.key for a in assets}
        nuggets = self.nuggets(d, asset_keys)
        objectives = self.objectives(d)
        modules = self.modules(d, {n.key for n in nuggets}, {o.key for o in objectives})
        return DesignSnapshot(
            title=self.text(d, "title", "design", required=True, kind=f.TITLE),
            language=self.term(d, "language", "language", "design", "de"),
            grobkonzept=self.grobkonzept(self.obj(d.get("grobkonzept", {}), "design.grobkonzept")),
            objectives=objectives,
            modules=modules,
            nuggets=nuggets,
            assets=assets,
        )

    def grobkonzept(self, g: dict[str, Any]) -> Grobkonzept:
        path = "design.grobkonzept"
        values: dict[str, Any] = {n: self.text(g, n, path) for n in GROBKONZEPT_TEXT_FIELDS}
        values.update({n: self.integer(g, n, path, GROBKONZEPT[n].kind) for n in _COUNTS})
        values.update({n: self.iso_date(g, n, path) for n in GROBKONZEPT_DATE_FIELDS})
        # A document written before designs had a pass mark gets the default one; a wrong
        # one is a problem (and the default stands in while the reader goes on).
        if g.get("pass_mark_percent") is not None:
            mark = self.integer(g, "pass_mark_percent", path, f.PASS_MARK)
            values["pass_mark_percent"] = mark or DEFAULT_PASS_MARK
        return Grobkonzept(**values)

    def objectives(self, d: dict[str, Any]) -> tuple[Objective, ...]:
        seen: set[str] = set()
        out = []
        for i, raw in enumerate(self.items(d, "objectives", "design")):
            path = f"design.objectives[{i}]"
            o = self.obj(raw, path)
            out.append(
                Objective(
                    key=self.unique_key(o, path, seen),
                    text=self.text(o, "text", path, required=True),
                    bloom_level=self.term(o, "bloom_level", "bloom_level", path, None),
                )
            )
        return tuple(out)

    def modules(
        self, d: dict[str, Any], nuggets: set[str], objectives: set[str]
    ) -> tuple[Module, ...]:
        seen: set[str] = set()
        out = []
        for i, raw in enumerate(self.items(d, "modules", "design")):
            path = f"design.modules[{i}]"
            m = self.obj(raw, path)
            placements = []
            for j, raw_p in enumerate(self.items(m, "placements", path)):
                p_path = f"{path}.placements[{j}]"
                p = self.obj(raw_p, p_path)
                nugget = self.text(p, "nugget", p_path, required=True)
                if nugget and nugget not in nuggets:
                    self.problem(f"{p_path}.nugget", f"refers to unknown nugget {nugget!r}")
                placements.append(
                    Placement(
                        nugget=nugget,
                        objectives=self.keys(p, "objectives", p_path, objectives),
                        duration_minutes=self.integer(
                            p, "duration_minutes", p_path, f.DURATION_OVERRIDE
                        ),
                        delivery_mode=self.term(p, "delivery_mode", "delivery_mode", p_path, None)
                        or None,
                    )
                )
            out.append(
                Module(
                    key=self.unique_key(m, path, seen),
                    title=self.text(m, "title", path, required=True, kind=f.TITLE),
                    description=self.text(m, "description", path),
                    placements=tuple(placements),
                    schedule=self.schedule(m, path),
                    breaks=self.breaks(m, path),
                )
            )
        return tuple(out)

    def breaks(self, m: dict[str, Any], path: str) -> tuple[Break, ...]:
        """A module's breaks; documents written before breaks existed have none."""
        out = []
        for i, raw in enumerate(self.items(m, "breaks", path)):
            b_path = f"{path}.breaks[{i}]"
            b = self.obj(raw, b_path)
            out.append(
                Break(
                    after=self.integer(b, "after", b_path) or 0,
                    minutes=self.integer(b, "minutes", b_path, f.DURATION_OVERRIDE) or 0,
                    title=self.text(b, "title", b_path),
                )
            )
        return tuple(out)

    def schedule(self, data: dict[str, Any], path: str) -> Schedule | None:
        if data.get("schedule") is None:
            return None
        s_path = f"{path}.schedule"
        s = self.obj(data["schedule"], s_path)
        return Schedule(
            date=self.iso_date(s, "date", s_path),
            start=self.clock(s, "start", s_path),
            end=self.clock(s, "end", s_path),
            place=self.text(s, "place", s_path),
        )

    def nuggets(self, d: dict[str, Any], assets: set[str]) -> tuple[Nugget, ...]:
        seen: set[str] = set()
        out = []
        for i, raw in enumerate(self.items(d, "nuggets", "design")):
            path = f"design.nuggets[{i}]"
            n = self.obj(raw, path)
            tags = self.items(n, "tags", path)
            if self.clean(f.TAGS, n, "tags", path, None) is None:
                tags = []
            out.append(
                Nugget(
                    key=self.unique_key(n, path, seen),
                    title=self.text(n, "title", path, required=True, kind=f.TITLE),
                    summary=self.text(n, "summary", path),
                    content_html=self.text(n, "content_html", path),
                    learning_type=self.term(
                        n, "learning_type", "learning_type", path, "acquisition"
                    ),
                    delivery_mode=self.term(
                        n, "delivery_mode", "delivery_mode", path, "self_paced_online"
                    ),
                    social_form=self.term(n, "social_form", "social_form", path, "individual"),
                    method=self.text(n, "method", path),
                    duration_minutes=self.integer(n, "duration_minutes", path, f.DURATION_OVERRIDE)
                    or 0,
                    media=self.text(n, "media", path),
                    assessment=self.term(n, "assessment", "assessment", path, "none"),
                    pass_mark_percent=self.integer(
                        n, "pass_mark_percent", path, f.PASS_MARK_OVERRIDE
                    ),
                    activity_kind=self.term(n, "activity_kind", "activity_kind", path, "page"),
                    rationale=self.text(n, "rationale", path),
                    author_note=self.text(n, "author_note", path, kind=f.AUTHOR_NOTE),
                    license=self.text(n, "license", path, kind=f.LICENSE),
                    attribution=self.text(n, "attribution", path),
                    tags=tuple(tags),
                    assets=self.keys(n, "assets", path, assets),
                    questions=self.questions(n, path),
                    url=self.text(n, "url", path, kind=f.URL),
                    schedule=self.schedule(n, path),
                    **{flag: self.flag(n, flag, path) for flag in _NUGGET_FLAGS},
                )
            )
        return tuple(out)

    def questions(self, n: dict[str, Any], path: str) -> tuple[Question, ...]:
        out = []
        for i, raw in enumerate(self.items(n, "questions", path)):
            q_path = f"{path}.questions[{i}]"
            q = self.obj(raw, q_path)
            kind = self.term(q, "kind", "question_kind", q_path, "single")
            answers = tuple(
                self.answer(
                    kind, self.obj(raw_a, f"{q_path}.answers[{j}]"), f"{q_path}.answers[{j}]"
                )
                for j, raw_a in enumerate(self.items(q, "answers", q_path))
            )
            out.append(
                Question(
                    kind=kind,
                    text=self.text(q, "text", q_path, required=True),
                    answers=answers,
                    feedback=self.text(q, "feedback", q_path),
                )
            )
        return tuple(out)

    def answer(self, kind: str, a: dict[str, Any], path: str) -> Answer:
        """One answer; a matching question's distractor has a `match` and no `text`."""
        match = self.text(a, "match", path)
        if match and kind != "match":
            self.problem(f"{path}.match", "only an answer of a matching question has a match")
        return Answer(
            text=self.text(a, "text", path, required=not (kind == "match" and match.strip())),
            correct=self.flag(a, "correct", path),
            feedback=self.text(a, "feedback", path),
            match=match,
        )

    def assets(self, d: dict[str, Any]) -> tuple[Asset, ...]:
        seen: set[str] = set()
        out = []
        for i, raw in enumerate(self.items(d, "assets", "design")):
            path = f"design.assets[{i}]"
            a = self.obj(raw, path)
            filename = self.text(a, "filename", path, required=True)
            if "/" in filename or "\\" in filename or filename in (".", ".."):
                self.problem(f"{path}.filename", f"must be a plain file name, not {filename!r}")
            out.append(
                Asset(
                    key=self.unique_key(a, path, seen),
                    filename=filename,
                    mimetype=self.text(a, "mimetype", path) or "application/octet-stream",
                    alt_text=self.text(a, "alt_text", path),
                    license=self.text(a, "license", path, kind=f.LICENSE),
                    attribution=self.text(a, "attribution", path),
                    sha256=self.text(a, "sha256", path),
                    size=self.integer(a, "size", path) or 0,
                )
            )
        return tuple(out)
