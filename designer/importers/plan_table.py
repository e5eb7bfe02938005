"""Reading hand-made Verlaufsplan tables: header detection, synonyms, value parsing.

A `PlanTable` is what a spreadsheet or a Word document looks like to the importer
before any decision is taken: the detected header row, each column with the field it
probably holds (or None), and the raw rows. The upload page shows it, lets the user
correct the mapping, and `plan_snapshot.build_snapshot` turns it into a design.

Everything here is pure: readers of .xlsx and .docx hand in rows of cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from designer.core.office_labels import AUTHOR_NOTE, GROBKONZEPT_LABELS, PLAN_COLUMNS, TEXTS
from designer.core.vocab import VOCABULARIES, label

Cell = str | int | float

HEADER_SEARCH_ROWS = 20

# Fields a plan column may hold, in the order the upload page offers them.
FIELDS = (
    "module",
    "time",
    "duration",
    "title",
    "summary",
    "objectives",
    "social_form",
    "method",
    "media",
    "rationale",
    "author_note",
    "learning_type",
    "delivery_mode",
    "assessment",
    "activity_kind",
    "license",
    "attribution",
    "tags",
    "url",
)
# Fields whose text is joined when several columns hold them (e.g. trainer and learner activity).
JOINED_FIELDS = frozenset({"summary", "media", "rationale"})

FIELD_LABELS: dict[str, tuple[str, str]] = {
    **PLAN_COLUMNS,
    "time": ("Zeit (von–bis)", "Time (from–to)"),
    "author_note": AUTHOR_NOTE,
}

# Header words per field, German then English, normalised (lower case, single spaces).
# Order matters for partial matches: "Zeit (min)" is a duration before it is a time.
SYNONYMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "duration": (
        ("dauer", "minuten", "min", "min.", "zeitbedarf", "zeitumfang", "umfang"),
        ("duration", "minutes", "mins", "length", "workload"),
    ),
    "time": (
        ("zeit", "uhrzeit", "von-bis", "von–bis", "von bis", "zeitraum", "zeitrahmen", "beginn"),
        ("time", "time slot", "from-to", "from–to", "clock", "start"),
    ),
    "title": (
        ("titel", "thema", "lernnugget", "nugget", "überschrift", "lernschritt", "schritt"),
        ("title", "topic", "nugget", "step", "name"),
    ),
    "summary": (
        (
            "inhalt",
            "inhalte",
            "aktivität",
            "aktivitäten",
            "beschreibung",
            "kurzbeschreibung",
            "ablauf",
            "lernaktivität",
            "vorgehen",
            "verlauf",
            "lehrende",
            "lernende",
            "teilnehmende",
        ),
        ("content", "contents", "activity", "activities", "description", "summary", "procedure"),
    ),
    "module": (
        ("modul", "module", "lerneinheit", "phase", "block", "abschnitt", "baustein", "lernphase"),
        ("module", "unit", "phase", "section", "block"),
    ),
    "objectives": (
        ("lernziel", "lernziele", "ziel", "ziele", "feinziel", "feinlernziel", "teillernziel"),
        ("objective", "objectives", "learning objective", "learning objectives", "goal", "goals"),
    ),
    "social_form": (
        ("sozialform", "sozialformen", "arbeitsform", "organisationsform"),
        ("social form", "social forms", "grouping"),
    ),
    "method": (
        ("methode", "methoden", "methodik", "lehrmethode", "lernmethode"),
        ("method", "methods", "technique"),
    ),
    "media": (
        ("medien", "medium", "material", "materialien", "hilfsmittel", "arbeitsmittel"),
        ("media", "material", "materials", "resources", "equipment"),
    ),
    # Before "rationale", whose "hinweis" and "note" would take these headers.
    "author_note": (
        ("hinweis für autoren", "autorenhinweis", "hinweise für autor*innen", "autorennotiz"),
        ("author note", "author notes", "notes for authors", "authoring note"),
    ),
    "rationale": (
        (
            "kommentar",
            "bemerkung",
            "bemerkungen",
            "anmerkung",
            "anmerkungen",
            "begründung",
            "hinweis",
            "hinweise",
            "notizen",
        ),
        ("comment", "comments", "remarks", "notes", "rationale", "note"),
    ),
    "learning_type": (
        ("lerntyp", "lernform", "lernart"),
        ("learning type", "type of learning"),
    ),
    "delivery_mode": (
        ("durchführungsform", "lernort", "durchführung", "setting"),
        ("delivery mode", "delivery", "mode", "setting"),
    ),
    "assessment": (
        ("lernerfolgskontrolle", "lernkontrolle", "leistungsnachweis", "prüfung", "bewertung"),
        ("assessment",),
    ),
    "activity_kind": (
        ("aktivitätstyp", "aktivitätsart", "typ", "art"),
        ("activity kind", "activity type", "kind", "type"),
    ),
    "license": (("lizenz",), ("licence", "license")),
    "attribution": (
        ("namensnennung", "urheber", "urheberin", "quelle", "autor"),
        ("attribution", "author", "source", "credit"),
    ),
    "tags": (("schlagwörter", "schlagworte", "stichwörter", "tags"), ("tags", "keywords")),
    "url": (("link", "url", "webadresse"), ("link", "url", "web address")),
}
# Headers our own Word and Excel exports write that would otherwise match another field.
EXACT_HEADERS: dict[str, str] = {
    "phase / nugget": "title",
    "phase/nugget": "title",
    "aktivität (trainer / teilnehmende)": "summary",
    "activity (trainer / learners)": "summary",
    "kommentar (begründung)": "rationale",
    "comment (rationale)": "rationale",
}

# Grobkonzept labels in a title block, labelled paragraphs or a two-column table.
# "participants" and "period" hold a range ("8–16", "01.02.–26.03.2027").
GROBKONZEPT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "title", "kurs", "kurstitel", "course", "course title", "seminar"),
    "language": ("sprache", "language"),
    "target_group": ("zielgruppe", "teilnehmerkreis", "adressaten", "target group", "audience"),
    "initial_situation": ("ausgangslage", "bedarf", "ausgangssituation", "need", "background"),
    "prerequisites": ("voraussetzungen", "vorkenntnisse", "prerequisites"),
    "planned_workload_minutes": ("gesamtdauer", "lernaufwand", "aufwand", "workload"),
    "participants": ("teilnehmende", "teilnehmerzahl", "anzahl teilnehmende", "participants"),
    "period": ("zeitraum", "termin", "termine", "period", "dates"),
    "start_date": ("start", "start date", "datum", "date", "beginn", "seminartermin"),
    "end_date": ("end", "end date"),
    "format_summary": ("lernformat", "veranstaltungsform"),
    "didactic_approach": ("didaktik", "methodischer ansatz", "approach"),
    "assessment_concept": ("leistungsnachweis", "assessment"),
    "framework_conditions": ("rahmenbedingungen", "organisatorisches"),
    "evaluation_plan": ("evaluationsplan", "evaluation"),
    "offer_description": ("angebot", "offer"),
}

# Values of the vocabularies as people write them, beyond the codes and the labels.
TERM_SYNONYMS: dict[str, dict[str, str]] = {
    "social_form": {
        "ea": "individual",
        "einzeln": "individual",
        "einzelarbeit": "individual",
        "stillarbeit": "individual",
        "selbststudium": "individual",
        "individual work": "individual",
        "alone": "individual",
        "pa": "pair",
        "partner": "pair",
        "paararbeit": "pair",
        "tandem": "pair",
        "pairs": "pair",
        "ga": "group",
        "gruppe": "group",
        "gruppen": "group",
        "kleingruppe": "group",
        "kleingruppen": "group",
        "kleingruppenarbeit": "group",
        "teamarbeit": "group",
        "team": "group",
        "groups": "group",
        "small groups": "group",
        "pl": "plenary",
        "plenum": "plenary",
        "frontal": "plenary",
        "frontalunterricht": "plenary",
        "ug": "plenary",
        "unterrichtsgespräch": "plenary",
        "lehrvortrag": "plenary",
        "vortrag": "plenary",
        "whole group": "plenary",
        "whole class": "plenary",
        "lecture": "plenary",
    },
    "delivery_mode": {
        "präsenz": "on_site",
        "vor ort": "on_site",
        "präsenzseminar": "on_site",
        "präsenzphase": "on_site",
        "präsenzveranstaltung": "on_site",
        "on-site": "on_site",
        "onsite": "on_site",
        "face to face": "on_site",
        "face-to-face": "on_site",
        "classroom": "on_site",
        "live-online": "live_online",
        "online live": "live_online",
        "virtuell": "live_online",
        "virtuelles seminar": "live_online",
        "virtual classroom": "live_online",
        "webinar": "live_online",
        "videokonferenz": "live_online",
        "synchron": "live_online",
        "synchronous": "live_online",
        "online": "self_paced_online",
        "selbstlernphase": "self_paced_online",
        "selbstlernen": "self_paced_online",
        "e-learning": "self_paced_online",
        "elearning": "self_paced_online",
        "wbt": "self_paced_online",
        "asynchron": "self_paced_online",
        "asynchronous": "self_paced_online",
        "self-paced": "self_paced_online",
        "self paced": "self_paced_online",
        "arbeitsplatz": "at_workplace",
        "im betrieb": "at_workplace",
        "betrieb": "at_workplace",
        "praxistransfer": "at_workplace",
        "workplace": "at_workplace",
        "on the job": "at_workplace",
    },
    "learning_type": {
        "input": "acquisition",
        "vermittlung": "acquisition",
        "erwerb": "acquisition",
        "untersuchung": "inquiry",
        "erkundung": "inquiry",
        "investigation": "inquiry",
        "üben": "practice",
        "training": "practice",
        "erstellen": "production",
        "austausch": "discussion",
        "kollaboration": "collaboration",
        "kooperation": "collaboration",
    },
    "activity_kind": {"test": "quiz", "live": "live_session", "webseite": "url", "website": "url"},
    "assessment": {"keine": "none", "-": "none", "–": "none"},
}

TOTAL_WORDS = frozenset({"summe", "gesamt", "insgesamt", "gesamtdauer", "total", "sum"})


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None


@dataclass(frozen=True)
class PlanRow:
    """One data row; `number` is the row as the user sees it in the file (1-based),
    `table` the Word table it came from (0 for a spreadsheet), `group` the heading
    above that table (a module, in Word plans)."""

    number: int
    cells: tuple[Cell, ...]
    table: int = 0
    group: str = ""


@dataclass(frozen=True)
class KnownObjective:
    key: str
    text: str
    bloom_level: str = ""


@dataclass(frozen=True)
class KnownModule:
    key: str
    title: str
    description: str = ""
    schedule: tuple[str, str, str, str] | None = None  # date, start, end, place


@dataclass(frozen=True)
class PlanTable:
    """A plan as found in a file, before the user confirms the column mapping."""

    source: str
    header_row: int
    columns: tuple[Column, ...]
    rows: tuple[PlanRow, ...]
    title: str = ""
    language: str = "de"
    grobkonzept: Mapping[str, Cell] = field(default_factory=dict)
    objectives: tuple[KnownObjective, ...] = ()
    modules: tuple[KnownModule, ...] = ()

    def guessed_mapping(self) -> dict[int, str]:
        """Column index → field, as guessed from the headers."""
        return {c.index: c.field for c in self.columns if c.field}


# --------------------------------------------------------------------------- cells


def cell_value(value: object) -> Cell:
    """A spreadsheet or table value as text or number (dates ISO, times HH:MM)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    return str(value).strip()


def as_text(value: Cell) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).strip()


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").lower().strip().rstrip(":*").strip()
    return re.sub(r"\s+", " ", text)


# --------------------------------------------------------------------------- headers


def _all_synonyms(name: str) -> tuple[str, ...]:
    de, en = SYNONYMS[name]
    own = PLAN_COLUMNS.get(name) or FIELD_LABELS[name]
    return (*de, *en, *(normalise(label_) for label_ in own))


def guess_field(header: str) -> str | None:
    """The field a header names: exact synonyms first, then a synonym as a whole word
    ("Zeit (min)" holds minutes: durations are tried before times)."""
    h = normalise(header)
    if not h:
        return None
    if h in EXACT_HEADERS:
        return EXACT_HEADERS[h]
    for name in SYNONYMS:
        if h in _all_synonyms(name):
            return name
    for name in SYNONYMS:
        for synonym in _all_synonyms(name):
            if re.search(rf"(?<![\w]){re.escape(synonym)}(?![\w])", h):
                return name
    return None


def header_language(headers: Iterable[str]) -> str:
    """ "en" when more headers are English words than German ones."""
    de = en = 0
    for header in headers:
        h = normalise(header)
        for de_words, en_words in SYNONYMS.values():
            de += h in de_words
            en += h in en_words
    return "en" if en > de else "de"


def columns_of(header_cells: Sequence[Cell]) -> tuple[Column, ...]:
    """Columns with guessed fields; a field goes to its first column unless it is joinable."""
    taken: set[str] = set()
    out = []
    for index, value in enumerate(header_cells):
        header = as_text(value)
        guessed = guess_field(header)
        if guessed in taken and guessed not in JOINED_FIELDS:
            guessed = None
        if guessed:
            taken.add(guessed)
        out.append(Column(index, header, guessed))
    return tuple(out)


def is_plan_header(columns: Sequence[Column]) -> bool:
    fields = {c.field for c in columns if c.field}
    return len(fields) >= 2 and bool(fields & {"title", "summary"})


def find_header(rows: Sequence[Sequence[Cell]]) -> int | None:
    """Index of the most plausible header row among the first rows, or None."""
    best, best_score = None, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = columns_of(row)
        if not is_plan_header(columns):
            continue
        score = len({c.field for c in columns if c.field})
        if score > best_score:
            best, best_score = i, score
    return best


# --------------------------------------------------------------------------- values

_CLOCK = r"(\d{1,2})[:.](\d{2})"
_RANGE = re.compile(rf"{_CLOCK}\s*(?:uhr|h)?\s*(?:-|–|—|bis|to)\s*{_CLOCK}", re.IGNORECASE)
_CLOCK_ONLY = re.compile(rf"^{_CLOCK}\s*(?:uhr|h)?$", re.IGNORECASE)
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_HOURS = re.compile(rf"{_NUMBER}\s*(?:h|std\.?|stunden?|hours?|hrs?)(?![a-z])", re.IGNORECASE)
_MINUTES = re.compile(rf"{_NUMBER}\s*(?:min\.?|minuten|minutes?|mins|'|’|′)", re.IGNORECASE)
_H_MM = re.compile(r"^(\d{1,2}):(\d{2})\s*(?:h|std\.?)?$", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(rf"^{_NUMBER}$")


def _minutes_of_day(hours: str, minutes: str) -> int | None:
    h, m = int(hours), int(minutes)
    if h > 24 or m > 59:
        return None
    return h * 60 + m


def parse_range(value: Cell) -> tuple[int, int] | None:
    """A time range "09:00–09:30" / "9.00-9.30 Uhr" as (start, end) minutes of the day."""
    match = _RANGE.search(as_text(value))
    if not match:
        return None
    start = _minutes_of_day(match[1], match[2])
    end = _minutes_of_day(match[3], match[4])
    if start is None or end is None:
        return None
    if end < start:
        end += 24 * 60
    return start, end


def parse_clock(value: Cell) -> int | None:
    """A single clock time "09:30" / "9.30 Uhr" as minutes of the day."""
    match = _CLOCK_ONLY.match(as_text(value))
    return _minutes_of_day(match[1], match[2]) if match else None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_duration(value: Cell) -> int | None:
    """Minutes from 30, "30 min", "90'", "1,5 h", "1 h 30 min", "1:30 h" or "09:00–09:30"."""
    if isinstance(value, int | float):
        return round(value) if value >= 0 else None
    text = as_text(value)
    if not text:
        return None
    rng = parse_range(text)
    if rng:
        return rng[1] - rng[0]
    if match := _H_MM.match(text):
        return int(match[1]) * 60 + int(match[2])
    if match := _PLAIN_NUMBER.match(text):
        return round(_number(match[1]))
    hours, minutes = _HOURS.search(text), _MINUTES.search(text)
    if not hours and not minutes:
        return None
    total = (_number(hours[1]) * 60 if hours else 0) + (_number(minutes[1]) if minutes else 0)
    return round(total)


def clock_text(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _term_table(vocabulary: str) -> dict[str, str]:
    table = {}
    for value in VOCABULARIES[vocabulary]:
        table[value] = value
        table[value.replace("_", " ")] = value
        for lang in ("de", "en"):
            table[normalise(label(vocabulary, value, lang))] = value
    table.update(TERM_SYNONYMS.get(vocabulary, {}))
    return table


def parse_term(vocabulary: str, value: Cell) -> str | None:
    """A vocabulary value from a code, a German/English label or a common synonym.

    Combined entries such as "EA/PA" or "Präsenz + online" give their first known part.
    """
    text = normalise(as_text(value))
    if not text:
        return None
    table = _term_table(vocabulary)
    if text in table:
        return table[text]
    for part in re.split(r"\s*(?:/|,|\+|&|;|\bund\b|\band\b|\boder\b|\bor\b)\s*", text):
        if part in table:
            return table[part]
    return None


def parse_date(value: Cell) -> str | None:
    """An ISO date from "2027-02-01", "01.02.2027" or "1.2.27"."""
    text = as_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})", text)
    if not match:
        return None
    year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
    try:
        return date(year, int(match[2]), int(match[1])).isoformat()
    except ValueError:
        return None


_DATE_IN_TEXT = re.compile(
    r"(?<![\d.])(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))(?![\d])"
)


def find_date(value: Cell) -> str | None:
    """The first date written anywhere in a text ("Führung kompakt, 12.03.2026")."""
    for match in _DATE_IN_TEXT.finditer(as_text(value)):
        if day := parse_date(match[1]):
            return day
    return None


def title_from_name(filename: str) -> str:
    """A readable title from a file name: "Verlaufsplan_Fuehrung-kompakt_2026.xlsx" →
    "Verlaufsplan Fuehrung kompakt 2026" (no extension, underscores and dashes as spaces)."""
    stem = re.sub(r"\.(xlsx|docx)$", "", filename.strip(), flags=re.IGNORECASE)
    return " ".join(re.sub(r"[_\-]+", " ", stem).split())


def parse_int_range(value: Cell) -> tuple[int, int] | None:
    """ "8–16", "8 bis 16", "12" → (low, high)."""
    numbers = [int(n) for n in re.findall(r"\d+", as_text(value))]
    if len(numbers) == 1:
        return numbers[0], numbers[0]
    if len(numbers) == 2 and numbers[0] <= numbers[1]:
        return numbers[0], numbers[1]
    return None


def parse_period(value: Cell) -> tuple[str, str] | None:
    """ "01.02.2027 – 26.03.2027" → two ISO dates."""
    parts = re.split(r"\s*(?:–|—|-(?=\s)|\bbis\b|\bto\b)\s*", as_text(value))
    if len(parts) != 2:
        return None
    start, end = parse_date(parts[0]), parse_date(parts[1])
    return (start, end) if start and end else None


# --------------------------------------------------------------------------- labels


def grobkonzept_field(text_: str) -> str | None:
    """The Grobkonzept field (or "title", "language", "participants", "period") a label names."""
    t = normalise(text_)
    if not t:
        return None
    for name, pair in GROBKONZEPT_LABELS.items():
        if t in (normalise(pair[0]), normalise(pair[1])):
            return name
    if t in (normalise(TEXTS["title"][0]), normalise(TEXTS["title"][1])):
        return "title"
    for name, synonyms in GROBKONZEPT_SYNONYMS.items():
        if t in synonyms:
            return name
    return None


_LABELLED = re.compile(r"^\s*([^:\n]{2,40}):\s*(.+)$", re.DOTALL)


def labelled(text_: str) -> tuple[str, str] | None:
    """("target_group", "…") from a line "Zielgruppe: …", when the label is known."""
    match = _LABELLED.match(text_)
    if not match:
        return None
    name = grobkonzept_field(match[1])
    return (name, match[2].strip()) if name else None


def _is_header(cells: Sequence[Cell], *required: tuple[str, ...]) -> bool:
    texts = {normalise(as_text(c)) for c in cells}
    return all(texts & set(words) for words in required)


_KEY_WORDS = (normalise(TEXTS["key"][0]), normalise(TEXTS["key"][1]), "nr", "nr.", "no.")
_OBJECTIVE_WORDS = tuple(w for w in _all_synonyms("objectives"))
_BLOOM_WORDS = (normalise(TEXTS["bloom"][0]), normalise(TEXTS["bloom"][1]), "bloom")
_MODULE_WORDS = (*_all_synonyms("module"), normalise(TEXTS["title"][0]), "title")
_DESCRIPTION_WORDS = (normalise(TEXTS["description"][0]), normalise(TEXTS["description"][1]))


@dataclass
class SideInfo:
    """What the rows outside the plan table say: title, Grobkonzept, objectives, modules."""

    title: str = ""
    grobkonzept: dict[str, Cell] = field(default_factory=dict)
    objectives: list[KnownObjective] = field(default_factory=list)
    modules: list[KnownModule] = field(default_factory=list)

    def read_rows(self, rows: Iterable[Sequence[Cell]]) -> None:
        """Label | value rows, "Label: value" cells, an objectives and a module table."""
        mode = None
        for cells in rows:
            filled = [c for c in cells if as_text(c)]
            if not filled:
                mode = None
                continue
            if _is_header(cells, _KEY_WORDS, _OBJECTIVE_WORDS):
                mode = "objectives"
                continue
            if _is_header(cells, _KEY_WORDS, _MODULE_WORDS, _DESCRIPTION_WORDS):
                mode = "modules"
                continue
            if mode == "objectives":
                self._objective(cells)
            elif mode == "modules":
                self._module(cells)
            else:
                self._labelled_row(filled)

    def _objective(self, cells: Sequence[Cell]) -> None:
        key, text_, bloom = (as_text(c) for c in (*cells, "", "", "")[:3])
        if key and text_:
            bloom_level = parse_term("bloom_level", bloom) or ""
            self.objectives.append(KnownObjective(key, text_, bloom_level))

    def _module(self, cells: Sequence[Cell]) -> None:
        values = [as_text(c) for c in (*cells, *[""] * 7)[:7]]
        key, title, description, day, start, end, place = values
        if not (key and title):
            return
        schedule = None
        if any((day, start, end, place)):
            schedule = (parse_date(day) or "", start, end, place)
        self.modules.append(KnownModule(key, title, description, schedule))

    def _labelled_row(self, filled: Sequence[Cell]) -> None:
        first = as_text(filled[0])
        name = grobkonzept_field(first) if len(filled) >= 2 else None
        if name:
            self.set(name, filled[1])
            return
        for cell in filled:
            pair = labelled(as_text(cell))
            if pair:
                self.set(*pair)
            elif day := find_date(cell):
                self.grobkonzept.setdefault("start_date", day)
        if len(filled) == 1 and not labelled(first) and not self.title:
            self.title = first

    def set(self, name: str, value: Cell) -> None:
        if name == "title":
            self.title = as_text(value)
        elif as_text(value):
            self.grobkonzept.setdefault(name, value)
