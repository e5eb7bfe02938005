"""Rules on activities that would break in the learning platform or mislead learners."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from designer.core.fields import question_problem
from designer.core.snapshot import DesignSnapshot, Nugget, PlacedNugget, Question
from designer.core.vocab import DELIVERY_MODES
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import quote

# What a matching or short-answer question lacks (codes of `fields.question_problem`).
_LACKS = {
    "unmatched_item": (
        "hat ein Element ohne zugeordnete Antwort. Tragen Sie die passende Antwort ein.",
        "has an item without the answer it belongs to. Enter the matching answer.",
    ),
    "too_few_pairs": (
        "hat weniger als zwei Paare oder drei Antworten. Ergänzen Sie ein Paar oder eine "
        "Antwort ohne Element (Ablenker).",
        "has fewer than two pairs or three answers. Add a pair or an answer without an item "
        "(a distractor).",
    ),
    "no_accepted_answer": (
        "hat keine akzeptierte Antwort. Tragen Sie mindestens eine ein.",
        "has no accepted answer. Enter at least one.",
    ),
}


def _question_problem(number: int, question: Question) -> tuple[str, str] | None:
    correct = sum(1 for a in question.answers if a.correct)
    name_de = f"Frage {number} ({quote(question.text, 'de')})"
    name_en = f"Question {number} ({quote(question.text, 'en')})"
    if question.kind in ("match", "shortanswer"):
        answers = [{"text": a.text.strip(), "match": a.match.strip()} for a in question.answers]
        code = question_problem(question.kind, question.text, answers)
        if code not in _LACKS:
            return None
        de, en = _LACKS[code]
        return f"{name_de} {de}", f"{name_en} {en}"
    if correct == 0:
        return (
            f"{name_de} hat keine richtige Antwort. Markieren Sie die richtige Antwort.",
            f"{name_en} has no correct answer. Mark the correct answer.",
        )
    if correct > 1 and question.kind in ("single", "truefalse"):
        return (
            f"{name_de} ist eine Einfachauswahl mit {correct} richtigen Antworten. Markieren "
            "Sie genau eine oder machen Sie daraus eine Mehrfachauswahl.",
            f"{name_en} is single choice with {correct} correct answers. Mark exactly one or "
            "make it multiple choice.",
        )
    return None


def _quiz_problems(nugget: Nugget) -> Iterator[tuple[str, str]]:
    if not nugget.questions:
        yield (
            "Der Test hat keine Fragen. Legen Sie mindestens eine Frage mit Antworten an.",
            "The quiz has no questions. Add at least one question with answers.",
        )
    for number, question in enumerate(nugget.questions, start=1):
        problem = _question_problem(number, question)
        if problem:
            yield problem


@rule(
    "activity.quiz_questions",
    severity="error",
    category="activities",
    title_de="Test ohne Fragen oder ohne richtige Antwort",
    title_en="Quiz without questions or without a correct answer",
)
def quiz_questions(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for nugget in snap.nuggets:
        if nugget.activity_kind != "quiz":
            continue
        for de, en in _quiz_problems(nugget):
            yield Issue(
                "nugget",
                nugget.key,
                f"Test {quote(nugget.title, 'de')}: {de}",
                f"Quiz {quote(nugget.title, 'en')}: {en}",
            )


def valid_url(url: str) -> bool:
    """An absolute http(s) address with a host and no spaces."""
    text = url.strip()
    if not text or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


@rule(
    "activity.url_invalid",
    severity="error",
    category="activities",
    title_de="Link ohne gültige Adresse",
    title_en="Link without a valid address",
)
def url_invalid(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for nugget in snap.nuggets:
        if nugget.activity_kind != "url" or valid_url(nugget.url):
            continue
        shown_de = quote(nugget.url, "de") if nugget.url.strip() else "leer"
        shown_en = quote(nugget.url, "en") if nugget.url.strip() else "empty"
        yield Issue(
            "nugget",
            nugget.key,
            f"Der Link {quote(nugget.title, 'de')} hat keine gültige Adresse ({shown_de}). "
            "Tragen Sie eine vollständige Adresse ein, die mit https:// beginnt.",
            f"The link {quote(nugget.title, 'en')} has no valid address ({shown_en}). Enter a "
            "full address starting with https://.",
        )


def _scheduled(placed: PlacedNugget) -> bool:
    """A date and start time on the nugget, or else on its module."""
    for schedule in (placed.nugget.schedule, placed.module.schedule):
        if schedule and schedule.date and schedule.start:
            return True
    return False


@rule(
    "activity.live_session_date",
    severity="warning",
    category="organisation",
    title_de="Live-Termin ohne Datum und Uhrzeit",
    title_en="Live session without date and time",
    params=(
        Param(
            "live_modes",
            ("on_site", "live_online"),
            "Durchführungsformen, die einen Termin brauchen",
            "Delivery modes that need a date",
            DELIVERY_MODES,
        ),
    ),
)
def live_session_date(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Once the design has a start date it is a planned run, and learners need the date
    and time of each live session (activity kind live session, or a live delivery mode)."""
    start = snap.grobkonzept.start_date
    if not start:
        return
    start_de = date.fromisoformat(start).strftime("%d.%m.%Y")
    reported: set[str] = set()
    for placed in snap.placed():
        nugget = placed.nugget
        live = (
            nugget.activity_kind == "live_session" or placed.delivery_mode in params["live_modes"]
        )
        if not live or _scheduled(placed) or nugget.key in reported:
            continue
        reported.add(nugget.key)
        yield Issue(
            "nugget",
            nugget.key,
            f"Der Live-Termin {quote(nugget.title, 'de')} im Modul "
            f"{quote(placed.module.title, 'de')} hat kein Datum und keine Uhrzeit, obwohl der "
            f"Kurs am {start_de} beginnt. Tragen Sie den Termin am Nugget oder am Modul ein.",
            f"The live session {quote(nugget.title, 'en')} in module "
            f"{quote(placed.module.title, 'en')} has no date and time although the course "
            f"starts on {start}. Enter them on the nugget or the module.",
        )


RULES = (quiz_questions, url_invalid, live_session_date)
