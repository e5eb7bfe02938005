"""What a plan's words say beyond its columns: activity kinds, breaks, the plan's setting.

Trainers write "Diskussionsforum", "Wissenscheck" or "Mittagspause" into a title or
method cell rather than into an activity-kind column; these rules read such words in
German and English. Pure functions of texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Kinds in the order they are tried: "Quiz im Forum besprechen" is a forum.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("forum", r"(?:diskussions)?forums?|discussion (?:forum|board)"),
    (
        "quiz",
        r"quiz\w*|tests?|selbsttest|abschlusstest|wissenstest|wissenscheck|"
        r"knowledge check|self[- ]test",
    ),
    (
        "assignment",
        r"aufgabe|abgabe|einsendeaufgabe|assignments?|submission",
    ),
    ("url", r"link|url|weblink|https?://\S+"),
)
# Words of a synchronous part, with the delivery mode they name.
_LIVE_WORDS: tuple[tuple[str, str], ...] = (
    ("on_site", r"präsenz\w*|vor ort|seminarraum|on[- ]site|face[- ]to[- ]face|classroom"),
    ("live_online", r"live(?:[- ]online)?|webinar\w*|videokonferenz|virtual classroom|online live"),
)
# The plan's setting as a whole: "online" counts there (a row's "online" alone is
# self-paced), unless words of self-study say otherwise.
_PLAN_WORDS: tuple[tuple[str, str], ...] = (
    ("on_site", _LIVE_WORDS[0][1]),
    ("live_online", _LIVE_WORDS[1][1] + r"|online"),
    ("self_paced_online", r"selbstlern\w*|selbststudium|e-learning|wbt|self[- ]paced|asynchron"),
)
_BREAK = re.compile(
    r"(?:mittags|kaffee|kurz|frühstücks|lunch|coffee|short)?\s*(?:pause|break)|"
    r"lunch|mittagessen",
)


def _search(pattern: str, text: str) -> bool:
    return re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text.lower()) is not None


def activity_kind(texts: Iterable[str]) -> str | None:
    """The activity kind a row's words name (title first, then method), or None."""
    for text in texts:
        for kind, pattern in _KIND_WORDS:
            if _search(pattern, text):
                return kind
    return None


def live_mode(texts: Iterable[str]) -> str | None:
    """The delivery mode of a live or on-site part that a row's words name, or None."""
    for text in texts:
        for mode, pattern in _LIVE_WORDS:
            if _search(pattern, text):
                return mode
    return None


def is_break(title: str) -> bool:
    """Whether a row's title names a break ("Pause", "Mittagspause (60 min)", "Lunch")."""
    words = re.sub(r"\(.*?\)|\d+\s*(?:min\w*|h)\b|[\d:.–-]+", " ", title.lower())
    return _BREAK.fullmatch(" ".join(words.split())) is not None


def plan_mode(texts: Iterable[str]) -> str | None:
    """The delivery mode a plan's words mostly name (Präsenz, Seminarraum → on site;
    online, Webinar → live online; Selbstlernphase, E-Learning → self-paced), or None
    when they name none or two equally often."""
    counts = dict.fromkeys((mode for mode, _ in _PLAN_WORDS), 0)
    for text in texts:
        lower = text.lower()
        for mode, pattern in _PLAN_WORDS:
            counts[mode] += len(re.findall(rf"(?<!\w)(?:{pattern})(?!\w)", lower))
    (first, most), (_, next_most), *_ = sorted(counts.items(), key=lambda item: -item[1])
    return first if most > next_most else None
