"""Turn a PlanTable and a confirmed column mapping into a DesignSnapshot.

Each data row becomes one nugget placed in a module. The module comes from a module
column (an empty cell continues the module above, which also covers merged cells),
from a grouping row (a row with only its first cell filled) or from the Word heading
above the table. Durations come from a duration column, else from a time range or
from the next row's start time. Rows that cannot be read are named in the messages,
with their row number and the reason, in the language asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from designer.core.fields import NUGGET_FIELDS, whole_number
from designer.core.office_labels import nugget_pair
from designer.core.snapshot import (
    GROBKONZEPT_TEXT_FIELDS,
    Break,
    DesignSnapshot,
    Grobkonzept,
    Module,
    Nugget,
    Objective,
    Placement,
    Schedule,
)
from designer.core.texts import N_
from designer.core.texts import translate as _t
from designer.core.vocab import DELIVERY_MODES, LANGUAGES, label
from designer.importers import plan_words
from designer.importers.plan_table import (
    JOINED_FIELDS,
    TOTAL_WORDS,
    Cell,
    KnownModule,
    PlanRow,
    PlanTable,
    as_text,
    clock_text,
    normalise,
    parse_clock,
    parse_date,
    parse_duration,
    parse_int_range,
    parse_period,
    parse_range,
    parse_term,
    title_from_name,
)

# Longest titles kept (the database holds 300 characters; a nugget title made from a
# content cell should read like a title) and the longest licence name.
TITLE_LENGTH = 80
MODULE_TITLE_LENGTH = 200
LICENCE_LENGTH = 120
DEFAULTS = {
    "learning_type": "acquisition",
    "delivery_mode": "self_paced_online",
    "social_form": "individual",
    "assessment": "none",
    "activity_kind": "page",
}
# Delivery modes whose rows happen at a set time: without another kind, live sessions.
LIVE_MODES = frozenset({"on_site", "live_online"})
CONTENT_LABELS = {
    "time": N_("Time"),
    "mode": NUGGET_FIELDS["delivery_mode"].label,
    "method": NUGGET_FIELDS["method"].label,
    "social_form": NUGGET_FIELDS["social_form"].label,
    "media": NUGGET_FIELDS["media"].label,
    "duration": NUGGET_FIELDS["duration_minutes"].short,
    "minutes": N_("%(n)s min"),
}
_CLOCK_RANGE = re.compile(
    r"\d{1,2}[:.]\d{2}\s*(?:uhr\s*)?(?:-|–|—|bis)\s*\d{1,2}[:.]\d{2}(?:\s*uhr)?", re.I
)
_ADDRESS = re.compile(r"https?://\S+")
MESSAGES = {
    "row": ("Zeile {n}", "Row {n}"),
    "table_row": ("Tabelle {t}, Zeile {n}", "Table {t}, row {n}"),
    "no_title": (
        "weder Titel noch Inhalt – Zeile übersprungen",
        "neither title nor content – row skipped",
    ),
    "no_duration": (
        "keine Dauer erkennbar ({value!r}) – 0 Minuten angenommen",
        "no duration found ({value!r}) – 0 minutes assumed",
    ),
    "no_duration_given": (
        "keine Dauer angegeben – 0 Minuten angenommen",
        "no duration given – 0 minutes assumed",
    ),
    "unknown_term": (
        "{what} {value!r} nicht erkannt – {default} angenommen",
        "{what} {value!r} not recognised – {default} assumed",
    ),
    "grobkonzept": (
        "Grobkonzept: {what} {value!r} nicht lesbar",
        "Course outline: {what} {value!r} unreadable",
    ),
}
# The field names in a message's sentence ("Row 7: social form … not recognised").
TERM_NAMES = {
    name: (nugget_pair(name)[0], nugget_pair(name)[1].lower())
    for name in ("learning_type", "delivery_mode", "social_form", "assessment", "activity_kind")
}


def _say(key: str, language: str, **values: object) -> str:
    de, en = MESSAGES[key]
    return (en if language == "en" else de).format(**values)


@dataclass
class _Entry:
    """A plan row on its way to becoming a nugget, or a break (`pause`)."""

    row: PlanRow
    module: str
    values: dict[str, str]
    raw: dict[str, Cell]
    start: int | None = None
    minutes: int | None = None
    pause: bool = False


@dataclass
class _Builder:
    table: PlanTable
    columns: dict[str, list[int]]
    language: str
    delivery_mode: str = DEFAULTS["delivery_mode"]
    messages: list[str] = field(default_factory=list)
    entries: list[_Entry] = field(default_factory=list)

    def where(self, row: PlanRow) -> str:
        if row.table:
            return _say("table_row", self.language, t=row.table, n=row.number)
        return _say("row", self.language, n=row.number)

    def warn(self, row: PlanRow, key: str, **values: object) -> None:
        self.messages.append(f"{self.where(row)}: {_say(key, self.language, **values)}")

    def collect(self, fallback_module: str) -> None:
        current = ""
        for row in self.table.rows:
            filled = [(i, as_text(c)) for i, c in enumerate(row.cells) if as_text(c)]
            if not filled:
                continue
            if normalise(filled[0][1]) in TOTAL_WORDS:
                continue
            lone = len(filled) == 1 and filled[0][0] == 0 and not self._is_data_cell(0, row)
            if len(filled) == 1 and plan_words.is_break(filled[0][1]):
                text = filled[0][1]
                module = current or row.group or fallback_module
                self.entries.append(
                    _Entry(row, module, {"title": text}, {"time": text}, pause=True)
                )
                continue
            if lone:
                current = _clip(filled[0][1], MODULE_TITLE_LENGTH)
                continue
            values = {name: self._text(row, name) for name in self.columns}
            raw = {
                name: row.cells[cols[0]]
                for name, cols in self.columns.items()
                if cols[0] < len(row.cells)
            }
            named = values.get("title", "") or values.get("summary", "")
            pause = plan_words.is_break(named or values.get("module", ""))
            if not (pause and plan_words.is_break(values.get("module", ""))):
                current = _clip(values.get("module", ""), MODULE_TITLE_LENGTH) or current
            module = current or row.group or fallback_module
            self.entries.append(_Entry(row, module, values, raw, pause=pause))

    def _is_data_cell(self, index: int, row: PlanRow) -> bool:
        """A lone first cell is a grouping row unless it holds a time or duration."""
        fields = {name for name, cols in self.columns.items() if index in cols}
        value = row.cells[index]
        if fields & {"time", "duration"}:
            return parse_duration(value) is not None or parse_clock(value) is not None
        return False

    def _text(self, row: PlanRow, name: str) -> str:
        parts = [as_text(row.cells[i]) for i in self.columns[name] if i < len(row.cells)]
        parts = [p for p in parts if p]
        return "\n".join(parts) if name in JOINED_FIELDS else (parts[0] if parts else "")

    def timing(self) -> None:
        for entry in self.entries:
            duration = entry.raw.get("duration", "")
            time_cell = entry.raw.get("time", "")
            rng = parse_range(time_cell) if as_text(time_cell) else None
            if rng:
                entry.start = rng[0]
            elif as_text(time_cell):
                entry.start = parse_clock(time_cell)
            if as_text(duration):
                entry.minutes = parse_duration(duration)
            if entry.minutes is None and rng:
                entry.minutes = rng[1] - rng[0]
            if entry.minutes is None and entry.start is None and as_text(time_cell):
                entry.minutes = parse_duration(time_cell)
        # a row with only a start time lasts until the next row of its module starts
        for entry, following in zip(self.entries, self.entries[1:], strict=False):
            if (
                entry.minutes is None
                and entry.start is not None
                and following.start is not None
                and following.start > entry.start
                and following.module == entry.module
            ):
                entry.minutes = following.start - entry.start


def plan_mode(table: PlanTable) -> str | None:
    """The delivery mode the plan's own words name (title, title block, cells), if any."""
    texts = [table.title, *(as_text(v) for v in table.grobkonzept.values())]
    texts += [as_text(cell) for row in table.rows for cell in row.cells]
    return plan_words.plan_mode(texts)


def _columns(mapping: Mapping[int, str | None]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for index in sorted(mapping):
        name = mapping[index]
        if name and (name not in out or name in JOINED_FIELDS):
            out.setdefault(name, []).append(index)
    return out


def build_snapshot(
    table: PlanTable,
    mapping: Mapping[int, str | None],
    title: str,
    language: str,
    delivery_mode: str | None = None,
) -> tuple[DesignSnapshot, list[str]]:
    """A design from the table's rows read with `mapping` (column index → field);
    `delivery_mode` is the plan's own, for rows that name none (else the usual default).

    Returns the snapshot and one message per row that could not be read completely.
    """
    title = title.strip() or table.title or title_from_name(table.source)
    title = _clip(title, MODULE_TITLE_LENGTH)
    language = language if language in LANGUAGES else "de"
    mode = delivery_mode if delivery_mode in DELIVERY_MODES else DEFAULTS["delivery_mode"]
    builder = _Builder(table, _columns(mapping), language, mode)
    builder.collect(title)
    builder.timing()
    objectives = _Objectives(table)
    modules: dict[str, list[Placement]] = {}
    breaks: dict[str, list[Break]] = {}
    nuggets: list[Nugget] = []
    for entry in builder.entries:
        if entry.pause:
            module = _break_module(modules, entry.module)
            after = len(modules.get(module, []))
            breaks.setdefault(module, []).append(_break(builder, entry, after))
            continue
        nugget = _nugget(builder, entry, f"N{len(nuggets) + 1}")
        if nugget is None:
            continue
        nuggets.append(nugget)
        keys = objectives.keys(entry.values.get("objectives", ""))
        modules.setdefault(entry.module, []).append(Placement(nugget.key, keys))
    grobkonzept, problems = _grobkonzept(table.grobkonzept, language)
    snap = DesignSnapshot(
        title=title,
        language=language,
        grobkonzept=grobkonzept,
        objectives=objectives.all(),
        modules=_modules(modules, breaks, _starts(builder.entries), table.modules),
        nuggets=tuple(nuggets),
    )
    return snap, problems + builder.messages


def _break_module(modules: Mapping[str, list[Placement]], module: str) -> str:
    """A break before its module's first nugget ends the module before it (a break is
    no module of its own)."""
    if modules.get(module) or not modules:
        return module
    return list(modules)[-1]


def _break(builder: _Builder, entry: _Entry, after: int) -> Break:
    values = entry.values
    title = values.get("title", "") or values.get("summary", "") or values.get("module", "")
    if entry.minutes is None:
        shown = values.get("duration") or values.get("time") or ""
        builder.warn(entry.row, "no_duration" if shown else "no_duration_given", value=shown)
    title = _CLOCK_RANGE.sub(" ", title)
    return Break(after, entry.minutes or 0, _clip(" ".join(title.split()), TITLE_LENGTH))


def _nugget(builder: _Builder, entry: _Entry, key: str) -> Nugget | None:
    values = entry.values
    title = _clip(values.get("title", "") or values.get("summary", ""), TITLE_LENGTH)
    if not title:
        builder.warn(entry.row, "no_title")
        return None
    minutes = entry.minutes
    if minutes is None:
        shown = values.get("duration") or values.get("time") or ""
        builder.warn(entry.row, "no_duration" if shown else "no_duration_given", value=shown)
    terms = {name: _term(builder, entry, name) for name in DEFAULTS}
    url = values.get("url", "") or _address(values)
    terms.update(_kind_and_mode(builder, entry, terms, bool(url)))
    tags = tuple(t.strip() for t in values.get("tags", "").replace(",", ";").split(";"))
    schedule = _schedule(entry, terms["activity_kind"])
    return Nugget(
        key=key,
        title=title,
        summary=values.get("summary", ""),
        content_html=_content(builder.language, values, terms, minutes, schedule),
        method=values.get("method", ""),
        duration_minutes=minutes or 0,
        media=values.get("media", ""),
        rationale=values.get("rationale", ""),
        author_note=values.get("author_note", ""),
        license=_clip(values.get("license", ""), LICENCE_LENGTH),
        attribution=values.get("attribution", ""),
        tags=tuple(t for t in tags if t),
        url=url,
        schedule=schedule,
        **terms,
    )


def _kind_and_mode(
    builder: _Builder, entry: _Entry, terms: dict[str, str], has_url: bool
) -> dict[str, str]:
    """Without an activity-kind cell the row's words name the kind ("Diskussionsforum",
    "Wissenscheck", "Webinar"); a row that takes place live or on site is a live session."""
    values = entry.values
    words = (values.get("title", ""), values.get("method", ""))
    mode = terms["delivery_mode"]
    if not values.get("delivery_mode"):
        mode = plan_words.live_mode(words) or builder.delivery_mode
    kind = terms["activity_kind"]
    if not values.get("activity_kind"):
        kind = plan_words.activity_kind(words) or ""
        if kind == "url" and not has_url:
            kind = ""
        if not kind and mode in LIVE_MODES:
            kind = "live_session"
        kind = kind or DEFAULTS["activity_kind"]
    return {"activity_kind": kind, "delivery_mode": mode}


def _address(values: Mapping[str, str]) -> str:
    """A web address written into a row's text, for a link row without a link column."""
    for name in ("title", "summary", "media", "method"):
        if match := _ADDRESS.search(values.get(name, "")):
            return match[0].rstrip(".,;)")
    return ""


def _content(
    language: str,
    values: Mapping[str, str],
    terms: Mapping[str, str],
    minutes: int | None,
    schedule: Schedule | None,
) -> str:
    """What learners and teachers read on the nugget's page: the row's method, social
    form, media and duration as a list; for a live session also when and how it runs."""
    live = terms["activity_kind"] == "live_session"
    social = values.get("social_form") and label("social_form", terms["social_form"], language)
    details = {
        CONTENT_LABELS["time"]: schedule and live and f"{schedule.start}–{schedule.end}",
        CONTENT_LABELS["mode"]: live and label("delivery_mode", terms["delivery_mode"], language),
        CONTENT_LABELS["method"]: values.get("method", ""),
        CONTENT_LABELS["social_form"]: social,
        CONTENT_LABELS["media"]: values.get("media", ""),
        CONTENT_LABELS["duration"]: minutes
        and _t(CONTENT_LABELS["minutes"], language) % {"n": minutes},
    }
    items = [
        f"<li><strong>{escape(_t(name, language))}:</strong> "
        f"{escape(str(value)).replace(chr(10), '<br>')}</li>"
        for name, value in details.items()
        if value
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _schedule(entry: _Entry, kind: str) -> Schedule | None:
    """Clock times are kept for live sessions only; elsewhere they are just the plan's timing."""
    rng = parse_range(entry.raw.get("time", ""))
    if rng is None or kind != "live_session":
        return None
    return Schedule(start=clock_text(rng[0]), end=clock_text(rng[1]))


def _term(builder: _Builder, entry: _Entry, name: str) -> str:
    text = entry.values.get(name, "")
    default = builder.delivery_mode if name == "delivery_mode" else DEFAULTS[name]
    if not text:
        return default
    value = parse_term(name, text)
    if value is None:
        lang = builder.language
        builder.warn(
            entry.row,
            "unknown_term",
            what=TERM_NAMES[name][lang == "en"],
            value=text,
            default=label(name, default, lang),
        )
        return default
    return value


def _clip(text: str, limit: int) -> str:
    """The first line of `text`, cut at a word boundary to at most `limit` characters."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    if len(line) <= limit:
        return line
    return line[: limit - 2].rsplit(" ", 1)[0] + " …"


class _Objectives:
    """Objective cells name known objectives as their table does ("Lernziel 1, Lernziel 3"
    or "O1, O3") or hold objective texts. Objectives get the keys O1, O2, … in order."""

    def __init__(self, table: PlanTable):
        self.items = [
            Objective(f"O{i}", o.text, o.bloom_level)
            for i, o in enumerate(table.objectives, start=1)
        ]
        self.by_key = {
            known.key: item.key for known, item in zip(table.objectives, self.items, strict=True)
        }
        self.by_text = {normalise(o.text): o.key for o in self.items}

    def keys(self, cell: str) -> tuple[str, ...]:
        out: list[str] = []
        for part in (p.strip() for p in cell.replace(";", "\n").splitlines()):
            if not part:
                continue
            tokens = [t.strip() for t in part.split(",")]
            if all(t in self.by_key for t in tokens):
                out.extend(self.by_key[t] for t in tokens)
            else:
                out.append(self._key_of_text(part))
        return tuple(dict.fromkeys(out))

    def _key_of_text(self, text: str) -> str:
        known = self.by_key.get(text) or self.by_text.get(normalise(text))
        if known:
            return known
        number = len(self.items) + 1
        while any(o.key == f"O{number}" for o in self.items):
            number += 1
        objective = Objective(f"O{number}", text)
        self.items.append(objective)
        self.by_key[objective.key] = objective.key
        self.by_text[normalise(text)] = objective.key
        return objective.key

    def all(self) -> tuple[Objective, ...]:
        return tuple(self.items)


def _starts(entries: list[_Entry]) -> dict[str, str]:
    """Each module's clock time from its first row's time cell, when it has one."""
    out: dict[str, str] = {}
    for entry in entries:
        if entry.module not in out:
            out[entry.module] = clock_text(entry.start) if entry.start is not None else ""
    return out


def _modules(
    placements: dict[str, list[Placement]],
    breaks: Mapping[str, list[Break]],
    starts: Mapping[str, str],
    known: tuple[KnownModule, ...],
) -> tuple[Module, ...]:
    by_title = {m.title: m for m in known}
    used = {m.key for m in known}
    out = []
    for title, items in placements.items():
        k = by_title.get(title)
        if k is None:
            number = len(out) + 1
            while f"M{number}" in used:
                number += 1
            k = KnownModule(f"M{number}", title)
            used.add(k.key)
        schedule = Schedule(*k.schedule) if k.schedule else None
        if schedule is None and starts.get(title):
            schedule = Schedule(start=starts[title])
        pauses = tuple(breaks.get(title, ()))
        out.append(Module(k.key, title, k.description, tuple(items), schedule, pauses))
    return tuple(out)


def _grobkonzept(raw: Mapping[str, Cell], language: str) -> tuple[Grobkonzept, list[str]]:
    """Grobkonzept fields from labelled texts; unreadable numbers and dates are reported."""
    values: dict[str, object] = {}
    problems: list[str] = []
    for name, value in raw.items():
        parsed = _grobkonzept_value(name, value)
        if parsed is None:
            problems.append(_say("grobkonzept", language, what=name, value=as_text(value)))
            continue
        for field_name, field_value in parsed.items():
            values.setdefault(field_name, field_value)
    return Grobkonzept(**values), problems


def _grobkonzept_value(name: str, value: Cell) -> dict[str, object] | None:
    """The field(s) one labelled value sets, {} for labels without a field, None if unreadable."""
    if name in GROBKONZEPT_TEXT_FIELDS:
        return {name: as_text(value)}
    if name == "planned_workload_minutes":
        parsed: object = parse_duration(value)
    elif name in ("participants_min", "participants_max"):
        parsed = _whole(value)
    elif name == "pass_mark_percent":
        parsed = _whole(value)
        parsed = parsed if parsed is not None and 1 <= parsed <= 100 else None
    elif name in ("start_date", "end_date"):
        parsed = parse_date(value)
    elif name == "participants":
        low_high = parse_int_range(value)
        return (
            dict(zip(("participants_min", "participants_max"), low_high, strict=True))
            if low_high
            else None
        )
    elif name == "period":
        period = parse_period(value)
        if period:
            return dict(zip(("start_date", "end_date"), period, strict=True))
        day = parse_date(value)
        return {"start_date": day} if day else None
    else:
        return {}
    return None if parsed is None else {name: parsed}


def _whole(value: Cell) -> int | None:
    if isinstance(value, int | float):
        return round(value)
    text = as_text(value)
    return whole_number(text)
