"""How much one design may hold: the one place that sets and checks these limits.

A design with 10⁵ nuggets makes every page and export of it slow for everyone on the
instance, so imports, the canvas, the API and the editors refuse to go beyond these numbers.
The app sets the active limits from its configuration (`DESIGN_LIMITS`) when it starts;
everything else reads them with `active()`.

A breach is reported as the error code `too_many:<what>:<limit>` (or `too_long:<what>:<limit>`
for texts), which the web layer turns into a sentence in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from designer.core.snapshot import GROBKONZEPT_TEXT_FIELDS, DesignSnapshot

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    nuggets_per_design: int = 1000
    modules_per_design: int = 100
    objectives_per_design: int = 200
    files_per_design: int = 1000
    questions_per_nugget: int = 100
    answers_per_question: int = 20
    title_chars: int = 300
    text_chars: int = 100_000
    design_json_bytes: int = 10 * MiB
    page_size: int = 50
    max_page_size: int = 200


_active = Limits()


def parse(text: str) -> Limits:
    """Limits from `name=number` pairs separated by commas (the DESIGNER_LIMITS environment
    variable), the defaults for the rest; an unknown name or a bad number is an error."""
    values: dict[str, int] = {}
    for pair in filter(None, (p.strip() for p in text.split(","))):
        name, _, number = pair.partition("=")
        name = name.strip()
        if name not in Limits.__dataclass_fields__ or not number.strip().isdecimal():
            raise ValueError(f"DESIGNER_LIMITS: cannot read {pair!r}")
        values[name] = int(number)
    return Limits(**values)


def configure(limits: Limits) -> None:
    global _active
    _active = limits


def active() -> Limits:
    return _active


def too_many(what: str, limit: int) -> str:
    return f"too_many:{what}:{limit}"


def too_long(what: str, limit: int) -> str:
    return f"too_long:{what}:{limit}"


def exceeds(count: int, what: str, limits: Limits | None = None) -> str | None:
    """The error code when `count` items of kind `what` (a field of Limits without the
    `_per_…` part, e.g. "nuggets") are more than allowed, else None."""
    limit = _limit_of(what, limits or _active)
    return too_many(what, limit) if count > limit else None


def _limit_of(what: str, limits: Limits) -> int:
    for name in ("_per_design", "_per_nugget", "_per_question"):
        if hasattr(limits, what + name):
            return getattr(limits, what + name)
    raise KeyError(what)


def document_problems(data: Any, limits: Limits | None = None) -> list[str]:
    """Counts in a parsed design.json, checked before it is read item by item: a document
    far beyond the limits is refused at once."""
    limits = limits or _active
    design = data.get("design") if isinstance(data, Mapping) else None
    if not isinstance(design, Mapping):
        return []
    modules = _list(design.get("modules"))
    placements = sum(len(_list(m.get("placements"))) for m in modules if isinstance(m, Mapping))
    counts = {
        "nuggets": max(len(_list(design.get("nuggets"))), placements),
        "modules": len(modules),
        "objectives": len(_list(design.get("objectives"))),
        "files": len(_list(design.get("assets"))),
    }
    return [code for what, n in counts.items() if (code := exceeds(n, what, limits))]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def snapshot_problems(snap: DesignSnapshot, limits: Limits | None = None) -> list[str]:
    """Every limit a whole design breaks (used for every import, whatever its format)."""
    limits = limits or _active
    placements = sum(len(m.placements) for m in snap.modules)
    counts = {
        "nuggets": max(len(snap.nuggets), placements),
        "modules": len(snap.modules),
        "objectives": len(snap.objectives),
        "files": len(snap.assets),
        "questions": max((len(n.questions) for n in snap.nuggets), default=0),
        "answers": max((len(q.answers) for n in snap.nuggets for q in n.questions), default=0),
    }
    problems = [code for what, n in counts.items() if (code := exceeds(n, what, limits))]
    problems += sorted(set(_text_problems(snap, limits)))
    return problems


def _text_problems(snap: DesignSnapshot, limits: Limits) -> Iterator[str]:
    titles = [snap.title, *(m.title for m in snap.modules), *(n.title for n in snap.nuggets)]
    if any(len(t) > limits.title_chars for t in titles):
        yield too_long("title", limits.title_chars)
    texts = [getattr(snap.grobkonzept, name) or "" for name in GROBKONZEPT_TEXT_FIELDS]
    texts += [t for n in snap.nuggets for t in (n.content_html, n.summary, n.rationale)]
    texts += [o.text for o in snap.objectives]
    texts += [m.description for m in snap.modules]
    if any(len(t) > limits.text_chars for t in texts):
        yield too_long("text", limits.text_chars)
