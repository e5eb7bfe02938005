"""Texts the exporter writes into the course, in the design's language (de or en)."""

from __future__ import annotations

from datetime import date

from designer.core.office_labels import nugget_pair

_TEXTS: dict[str, tuple[str, str]] = {
    "welcome": ("Willkommen", "Welcome"),
    "target_group": ("Zielgruppe", "Target group"),
    "workload": ("Arbeitsaufwand", "Workload"),
    "hours": ("{} Stunden", "{} hours"),
    "minutes": ("{} Minuten", "{} minutes"),
    "objectives": ("Lernziele", "Learning objectives"),
    "period": ("Zeitraum", "Period"),
    "modules": ("Ablauf", "Course outline"),
    "date": ("Datum", "Date"),
    "time": ("Uhrzeit", "Time"),
    "place": ("Ort", "Place"),
    "link": nugget_pair("url"),
    "method": nugget_pair("method"),
    "social_form": nugget_pair("social_form"),
    "delivery_mode": nugget_pair("delivery_mode"),
    "duration": nugget_pair("duration_minutes", short=True),
    "materials": ("Materialien", "Materials"),
    "question_category": ("Fragen: {}", "Questions: {}"),
    "correct": ("Ihre Antwort ist richtig.", "Your answer is correct."),
    "partially": ("Ihre Antwort ist teilweise richtig.", "Your answer is partially correct."),
    "incorrect": ("Ihre Antwort ist falsch.", "Your answer is incorrect."),
    "true": ("Wahr", "True"),
    "false": ("Falsch", "False"),
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def text(key: str, lang: str) -> str:
    german, english = _TEXTS[key]
    return english if lang == "en" else german


def day(iso: str, lang: str) -> str:
    """A date as people write it: 26.03.2027 or 26 Mar 2027."""
    d = date.fromisoformat(iso)
    if lang == "en":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def hours(minutes: int, lang: str) -> str:
    value = minutes / 60
    shown = f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    if lang != "en":
        shown = shown.replace(".", ",")
    return text("hours", lang).format(shown)
