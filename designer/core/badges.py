"""A design's badge: its criteria and competences in plain words, and its drawn image.

Everything here is a pure function of a DesignSnapshot, so the badge page, the Word
documents, the Moodle backup and the issued credentials say the same.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from designer.core.snapshot import Badge, DesignSnapshot, PlacedNugget
from designer.core.texts import N_, translate
from designer.core.vocab import BADGE_COLOURS, label

# Activities a learner takes part in rather than completes: live sessions are attended,
# labels are only text on the course page.
_NOT_COMPLETED = {"quiz", "live_session", "label"}
SIZE = 400


@dataclass(frozen=True)
class QuizCriterion:
    placed: PlacedNugget
    pass_mark: int


@dataclass(frozen=True)
class Criteria:
    """What a learner does to earn the badge, in canvas order."""

    complete: tuple[PlacedNugget, ...]
    quizzes: tuple[QuizCriterion, ...]
    live: tuple[PlacedNugget, ...]


@dataclass(frozen=True)
class Competence:
    text: str
    bloom_level: str
    bloom_label: str


def criteria(snap: DesignSnapshot) -> Criteria:
    placed = list(snap.placed())
    return Criteria(
        complete=tuple(p for p in placed if p.nugget.activity_kind not in _NOT_COMPLETED),
        quizzes=tuple(
            QuizCriterion(p, snap.pass_mark(p.nugget))
            for p in placed
            if p.nugget.activity_kind == "quiz"
        ),
        live=tuple(p for p in placed if p.nugget.activity_kind == "live_session"),
    )


def criteria_lines(snap: DesignSnapshot, language: str | None = None) -> list[str]:
    """The criteria as sentences, in the design's language unless `language` is given."""
    lang = language or snap.language
    found = criteria(snap)
    lines = []
    if found.complete:
        titles = ", ".join(_quoted(p.nugget.title, lang) for p in found.complete)
        lines.append(
            translate(N_("Complete these nuggets: %(titles)s."), lang) % {"titles": titles}
        )
    for quiz in found.quizzes:
        lines.append(
            translate(N_("Pass the quiz %(title)s with at least %(mark)s %% right answers."), lang)
            % {"title": _quoted(quiz.placed.nugget.title, lang), "mark": quiz.pass_mark}
        )
    for p in found.live:
        schedule = p.nugget.schedule or p.module.schedule
        day = day_label(schedule.date, lang) if schedule and schedule.date else ""
        text = N_("Attend the live session %(title)s on %(day)s.") if day else None
        text = text or N_("Attend the live session %(title)s.")
        lines.append(translate(text, lang) % {"title": _quoted(p.nugget.title, lang), "day": day})
    if not lines:
        lines.append(translate(N_("Take part in the whole course."), lang))
    return lines


def narrative(snap: DesignSnapshot, language: str | None = None) -> str:
    return "\n".join(criteria_lines(snap, language))


def competences(snap: DesignSnapshot, language: str | None = None) -> list[Competence]:
    """The design's objectives with their Bloom levels: what the badge stands for."""
    lang = language or snap.language
    return [
        Competence(o.text, o.bloom_level, label("bloom_level", o.bloom_level, lang))
        for o in snap.objectives
    ]


def _quoted(title: str, language: str) -> str:
    return f"„{title}“" if language != "en" else f"“{title}”"


def day_label(iso: str, language: str) -> str:
    """An ISO date as a reader of the language writes it (30.11.2026 in German)."""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}" if language != "en" else iso


# --------------------------------------------------------------------------- image


def badge_svg(badge: Badge) -> str:
    """The drawn badge: the chosen shape in the chosen colour, the badge's name in its
    middle and the provider's name below. Every text is escaped."""
    colour = BADGE_COLOURS.get(badge.colour, BADGE_COLOURS["blue"])
    size, width, most = (30, 14, 3) if len(_wrap(badge.name, 14, 9)) <= 3 else (24, 18, 4)
    name_lines = _wrap(badge.name, width, most)
    step = size * 1.25
    top = 192 - (len(name_lines) - 1) * step / 2
    name = "".join(
        f'<tspan x="200" y="{top + i * step:.0f}">{escape(line)}</tspan>'
        for i, line in enumerate(name_lines)
    )
    issuer = _wrap(badge.issuer, 26, 1)
    issuer_text = (
        f'<text x="200" y="{296 if badge.shape != "shield" else 286}" font-size="18">'
        f"{escape(issuer[0])}</text>"
        if issuer
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" '
        f'viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label={quoteattr(badge.name)}>'
        f"<title>{escape(badge.name)}</title>"
        f'<g fill="{colour}">{_SHAPES.get(badge.shape, _SHAPES["circle"])}</g>'
        '<circle cx="200" cy="200" r="150" fill="none" stroke="#FFFFFF" '
        'stroke-width="3" stroke-opacity="0.7"/>'
        '<g fill="#FFFFFF" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif">'
        f'<text font-size="{size}" font-weight="bold">{name}</text>{issuer_text}</g></svg>'
    )


def _wrap(text: str, width: int, lines: int) -> list[str]:
    wrapped = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or []
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped


def _polygon(points: int, outer: float, inner: float | None = None) -> str:
    corners = []
    steps = points * (2 if inner else 1)
    for i in range(steps):
        radius = outer if inner is None or i % 2 == 0 else inner
        angle = math.pi * 2 * i / steps - math.pi / 2
        corners.append(f"{200 + radius * math.cos(angle):.1f},{200 + radius * math.sin(angle):.1f}")
    return f'<polygon points="{" ".join(corners)}"/>'


_SHAPES = {
    "circle": '<circle cx="200" cy="200" r="195"/>',
    "hexagon": _polygon(6, 198),
    "shield": (
        '<path d="M200 6 L384 56 V196 C384 300 304 362 200 396 C96 362 16 300 16 196 V56 Z"/>'
    ),
    "rosette": _polygon(24, 199, 178),
}
