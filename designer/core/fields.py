"""Field kinds and their rules: the one place that says what a valid value is.

The snapshot reader, the services and the forms all check a field through its kind here.
`kind.clean(value)` returns the value as it is stored (text stripped, numbers as int,
dates as `date`) or raises `Refused` with a `code` (the services' error code, which the
web layer turns into a sentence in the user's language) and an English `message` (what
the snapshot reader writes into its list of problems).

Blank means "not given": None, and for texts, dates, times and optional choices also "".

The Grobkonzept's and the nugget's fields are listed once, with their kind and their label
(`GROBKONZEPT`, `NUGGET_FIELDS`). Labels are
English msgids of the one catalogue: the web layer translates them with gettext, the
exporters with `designer.core.texts.translate(label, language)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol
from urllib.parse import urlparse

from designer.core.sanitize import clean_html
from designer.core.texts import N_
from designer.core.vocab import VOCABULARIES

MAX_INT = 2**31 - 1  # ids, versions and numbers are 32-bit integers in every database we run on
MAX_DURATION = 60 * 24 * 30  # a nugget lasts at most thirty days
TITLE_LENGTH = 300  # the title columns (String(300))
LICENSE_LENGTH = 120  # the licence columns (String(120))
AUTHOR_NOTE_LENGTH = 5000  # a note for authors is guidance, not a second content field
DEFAULT_PASS_MARK = 80  # percent of right answers that pass a quiz, unless a design says else

# ASCII digits only: "²" or "٣" are digits to Unicode but no number here.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d", re.ASCII)


class Refused(ValueError):
    """A value its kind does not accept: `code` for the services, `message` for the reader."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class Kind(Protocol):
    def clean(self, value: Any) -> Any: ...


def _blank(value: Any) -> bool:
    return value is None or value == ""


@dataclass(frozen=True)
class Text:
    """Plain text, stripped; `required` refuses an empty one, `max_length` a longer one.
    `lines` writes every line end as "\n" (browsers send a textarea's as "\r\n")."""

    max_length: int | None = None
    required: bool = False
    lines: bool = False

    def clean(self, value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise Refused("invalid", "must be text")
        value = value.strip()
        if self.lines:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if self.required and not value:
            raise Refused("required", "must not be empty")
        if self.max_length is not None and len(value) > self.max_length:
            raise Refused(
                "too_long", f"must be at most {self.max_length} characters, not {len(value)}"
            )
        return value


@dataclass(frozen=True)
class WholeNumber:
    """A whole number from `minimum` to `maximum`; blank is None unless `required`."""

    maximum: int | None = None
    required: bool = False
    code: str = "not_a_number"
    minimum: int = 0

    def clean(self, value: Any) -> int | None:
        if value is None and not self.required:
            return None
        maximum = MAX_INT if self.maximum is None else self.maximum
        number = whole_number(value, maximum) if isinstance(value, int) else None
        if number is None or number < self.minimum:
            raise Refused(
                self.code, f"must be a whole number ≥ {self.minimum} and ≤ {maximum}, not {value!r}"
            )
        return number


def whole_number(value: str | int | None, maximum: int = MAX_INT) -> int | None:
    """The whole number 0..`maximum` that `value` is or writes (a form's text), or None:
    `"²"` passes `str.isdigit` but is no number, and `int("9" * 30)` would overflow the
    database. `WholeNumber` applies the same rule to values that must already be ints."""
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit()) or len(value) > len(str(maximum)):
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= maximum else None


@dataclass(frozen=True)
class IsoDate:
    """A calendar date written YYYY-MM-DD (nothing else that `date.fromisoformat` takes)."""

    def clean(self, value: Any) -> date | None:
        if _blank(value):
            return None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise Refused("not_a_date", f"must be a date YYYY-MM-DD, not {value!r}")


@dataclass(frozen=True)
class Clock:
    """A time of day written HH:MM (24 hours); blank is ""."""

    def clean(self, value: Any) -> str:
        if _blank(value):
            return ""
        if isinstance(value, str) and _CLOCK.fullmatch(value):
            return value
        raise Refused("not_a_time", f"must be a time HH:MM, not {value!r}")


@dataclass(frozen=True)
class Choice:
    """One term of a vocabulary (`designer.core.vocab`); blank is None when `optional`."""

    vocabulary: str
    optional: bool = False

    def clean(self, value: Any) -> str | None:
        if self.optional and _blank(value):
            return None
        allowed = VOCABULARIES[self.vocabulary]
        if value not in allowed:
            raise Refused("unknown", f"unknown value {value!r} (allowed: {', '.join(allowed)})")
        return value


def _is_web_address(url: str) -> bool:
    try:
        parsed = urlparse(url)
    except ValueError:  # "http://[" is no address (an IPv6 host left open)
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


@dataclass(frozen=True)
class WebAddress:
    """An http or https address with a host, stripped; blank is ""."""

    def clean(self, value: Any) -> str:
        url = Text().clean(value)
        if url and not _is_web_address(url):
            raise Refused(
                "invalid_url", f"must be a web address starting with https://, not {url!r}"
            )
        return url


@dataclass(frozen=True)
class Flag:
    """Yes or no; a missing flag is no."""

    def clean(self, value: Any) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise Refused("invalid", "must be true or false")
        return value


@dataclass(frozen=True)
class Tags:
    """A list of texts: stripped, empty ones dropped, each once, sorted."""

    def clean(self, value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
            raise Refused("invalid", "must be a list of texts")
        return sorted({t.strip() for t in value if t.strip()})


@dataclass(frozen=True)
class Html:
    """Rich text, reduced to the tags and attributes Kurswerk allows."""

    def clean(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            raise Refused("invalid", "must be text")
        return clean_html(value)


TEXT = Text()
TITLE = Text(max_length=TITLE_LENGTH, required=True)
LICENSE = Text(max_length=LICENSE_LENGTH)
# Plain multi-line text for authors only; never reaches a learner-facing export.
AUTHOR_NOTE = Text(max_length=AUTHOR_NOTE_LENGTH, lines=True)
COUNT = WholeNumber()
DURATION = WholeNumber(maximum=MAX_DURATION, required=True, code="not_a_duration")
DURATION_OVERRIDE = WholeNumber(maximum=MAX_DURATION, code="not_a_duration")
PASS_MARK = WholeNumber(minimum=1, maximum=100, required=True, code="not_a_pass_mark")
PASS_MARK_OVERRIDE = WholeNumber(minimum=1, maximum=100, code="not_a_pass_mark")
DATE = IsoDate()
CLOCK = Clock()
URL = WebAddress()
FLAG = Flag()
TAGS = Tags()
HTML = Html()

# The simple fields of a library nugget (questions and files have their own checks).
NUGGET: dict[str, Kind] = {
    "title": TITLE,
    "summary": TEXT,
    "content_html": HTML,
    **{
        name: Choice(name)
        for name in ("learning_type", "delivery_mode", "social_form", "assessment", "activity_kind")
    },
    "method": TEXT,
    "media": TEXT,
    "rationale": TEXT,
    "author_note": AUTHOR_NOTE,
    "license": LICENSE,
    "attribution": TEXT,
    "url": URL,
    "duration_minutes": DURATION,
    "pass_mark_percent": PASS_MARK_OVERRIDE,
    "tags": TAGS,
    "schedule_date": DATE,
    "schedule_start": CLOCK,
    "schedule_end": CLOCK,
    "schedule_place": TEXT,
    **{name: FLAG for name in ("has_video", "captions_available", "ai_generated", "ai_checked")},
}


# --------------------------------------------------------------------- quiz questions

# Moodle's matching question needs two items with their answers and three answers in all
# (a distractor is an answer without an item); Kurswerk asks the same of every export.
MATCH_PAIRS_MIN = 2
MATCH_ANSWERS_MIN = 3


def question_problem(kind: str, text: str, answers: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a quiz question cannot be asked as it stands (an error code), or None.

    `answers` are mappings with "text", "correct" and, for kind `match`, "match", stripped;
    a single, multiple or true/false question needs two answers and a correct one, a
    matching question its pairs, a short-answer question an accepted answer."""
    if kind not in VOCABULARIES["question_kind"] or not text.strip():
        return "invalid_question"
    if kind == "match":
        return _match_problem(answers)
    if kind == "shortanswer":
        return None if answers else "no_accepted_answer"
    if len(answers) < 2:
        return "no_answers"
    if not any(a.get("correct") for a in answers):
        return "no_correct_answer"
    return None


def _match_problem(answers: Sequence[Mapping[str, Any]]) -> str | None:
    if any(a.get("text") and not a.get("match") for a in answers):
        return "unmatched_item"
    pairs = sum(1 for a in answers if a.get("text"))
    if pairs < MATCH_PAIRS_MIN or len(answers) < MATCH_ANSWERS_MIN:
        return "too_few_pairs"
    return None


# --------------------------------------------------------------------- the Grobkonzept


@dataclass(frozen=True)
class Field:
    """A field of a form and a document: its rule and its label (an English msgid)."""

    name: str
    kind: Kind | None  # None: checked as a whole elsewhere (questions, files, schedule)
    label: str
    # The label in a sentence that names the unit itself ("Planned workload: 120 → 180
    # minutes"); empty when it is the label.
    short: str = ""


GROBKONZEPT_TEXT_FIELDS = (
    "target_group",
    "initial_situation",
    "prerequisites",
    "format_summary",
    "didactic_approach",
    "assessment_concept",
    "framework_conditions",
    "evaluation_plan",
    "offer_description",
)
GROBKONZEPT_INT_FIELDS = (
    "planned_workload_minutes",
    "participants_min",
    "participants_max",
    "pass_mark_percent",
)
GROBKONZEPT_DATE_FIELDS = ("start_date", "end_date")
# The order of the Word and Excel documents and of the interchange format's keys: who, then
# size and dates, then the remaining texts.
GROBKONZEPT_DOCUMENT_ORDER = (
    *GROBKONZEPT_TEXT_FIELDS[:3],
    *GROBKONZEPT_INT_FIELDS,
    *GROBKONZEPT_DATE_FIELDS,
    *GROBKONZEPT_TEXT_FIELDS[3:],
)

# Every Grobkonzept field in the order the editors show it.
GROBKONZEPT: dict[str, Field] = {
    f.name: f
    for f in (
        Field("target_group", TEXT, N_("Target group")),
        Field("initial_situation", TEXT, N_("Initial situation and need")),
        Field("prerequisites", TEXT, N_("Prerequisites")),
        Field(
            "planned_workload_minutes",
            COUNT,
            N_("Planned workload (minutes)"),
            N_("Planned workload"),
        ),
        Field("start_date", DATE, N_("Start date")),
        Field("end_date", DATE, N_("End date")),
        Field("participants_min", COUNT, N_("Participants at least")),
        Field("participants_max", COUNT, N_("Participants at most")),
        Field("format_summary", TEXT, N_("Format")),
        Field("didactic_approach", TEXT, N_("Didactic approach")),
        Field("framework_conditions", TEXT, N_("Framework conditions")),
        Field("assessment_concept", TEXT, N_("Assessment concept")),
        Field(
            "pass_mark_percent",
            PASS_MARK,
            N_("Pass mark for quizzes (percent of right answers)"),
            N_("Pass mark for quizzes"),
        ),
        Field("evaluation_plan", TEXT, N_("Evaluation plan")),
        Field("offer_description", TEXT, N_("Offer description")),
    )
}
DESIGN_TITLE = Field("title", TITLE, N_("Title"))


# --------------------------------------------------------------------- the nugget

# Every field of a nugget that a form, the revision history or a document names, keyed by
# the snapshot's names (`objectives` is the placement's). The one table of their labels:
# the editor, the conflict view, the revision diff, Word, Excel, Moodle and the plan importer
# read it, so that a field has one name in each language.
NUGGET_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("title", TITLE, N_("Title")),
        Field("summary", TEXT, N_("Summary")),
        Field("content_html", HTML, N_("Content")),
        Field("learning_type", NUGGET["learning_type"], N_("Learning type")),
        Field("delivery_mode", NUGGET["delivery_mode"], N_("Delivery mode")),
        Field("social_form", NUGGET["social_form"], N_("Social form")),
        Field("method", TEXT, N_("Method")),
        Field("duration_minutes", DURATION, N_("Duration (minutes)"), N_("Duration")),
        Field(
            "pass_mark_percent",
            PASS_MARK_OVERRIDE,
            N_("Pass mark of this quiz (percent)"),
            N_("Pass mark for quizzes"),
        ),
        Field("media", TEXT, N_("Media and material")),
        Field("assessment", NUGGET["assessment"], N_("Assessment")),
        Field("activity_kind", NUGGET["activity_kind"], N_("Activity kind")),
        Field("objectives", None, N_("Learning objectives")),
        Field("rationale", TEXT, N_("Rationale")),
        Field("author_note", AUTHOR_NOTE, N_("Note for authors")),
        Field("license", LICENSE, N_("Licence")),
        Field("attribution", TEXT, N_("Attribution")),
        Field("tags", TAGS, N_("Tags")),
        Field("url", URL, N_("Link")),
        Field("assets", None, N_("Attached files")),
        Field("questions", None, N_("Quiz questions")),
        Field("schedule", None, N_("Date, time and place")),
        Field("schedule_date", DATE, N_("Date")),
        Field("schedule_start", CLOCK, N_("Start")),
        Field("schedule_end", CLOCK, N_("End")),
        Field("schedule_place", TEXT, N_("Place or room link")),
        Field("has_video", FLAG, N_("Has a video")),
        Field("captions_available", FLAG, N_("Captions available")),
        Field("ai_generated", FLAG, N_("Generated with AI")),
        Field("ai_checked", FLAG, N_("Checked by a person")),
    )
}


def grobkonzept_order_problems(values: dict[str, Any]) -> dict[str, str]:
    """Rules between two Grobkonzept fields: the end not before the start, the maximum
    of participants not below the minimum. `values` are cleaned (dates, ints or None)."""
    problems: dict[str, str] = {}
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        problems["end_date"] = "before_start"
    low, high = values.get("participants_min"), values.get("participants_max")
    if low is not None and high is not None and high < low:
        problems["participants_max"] = "below_min"
    return problems


def clean_all(
    kinds: dict[str, Kind], values: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean each value by the kind of its name: (clean values, error codes by name).
    A name without a kind is refused as "unknown_field"."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, value in values.items():
        kind = kinds.get(name)
        if kind is None:
            errors[name] = "unknown_field"
            continue
        try:
            clean[name] = kind.clean(value)
        except Refused as refused:
            errors[name] = refused.code
    return clean, errors
