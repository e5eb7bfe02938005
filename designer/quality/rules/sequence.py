"""Rules on the order of nuggets within a module: activation, breaks, feedback."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot, PlacedNugget
from designer.core.vocab import ACTIVITY_KINDS, DELIVERY_MODES
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import join_quoted, marked, quote

LIVE_MODES = ("on_site", "live_online")


def runs(
    placed: list[PlacedNugget], member: Callable[[PlacedNugget], bool]
) -> Iterator[tuple[list[PlacedNugget], PlacedNugget | None]]:
    """Each maximal run of consecutive members, with the placement right after it."""
    run: list[PlacedNugget] = []
    for item in placed:
        if member(item):
            run.append(item)
            continue
        if run:
            yield run, item
        run = []
    if run:
        yield run, None


def _minutes(run: list[PlacedNugget]) -> int:
    return sum(p.duration_minutes for p in run)


@rule(
    "sequence.long_input",
    severity="warning",
    category="methods",
    title_de="Langer Input ohne anschließende Aktivierung",
    title_en="Long input without activation afterwards",
    params=(
        Param(
            "max_minutes",
            20,
            "Längster Input in Minuten ohne Aktivierung danach",
            "Longest input in minutes without activation afterwards",
        ),
        Param(
            "live_modes",
            LIVE_MODES,
            "Durchführungsformen, die als live gelten",
            "Delivery modes that count as live",
            DELIVERY_MODES,
        ),
    ),
)
def long_input(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """A live block of acquisition longer than the limit must be followed directly by a
    live nugget of another learning type in the same module."""
    live = params["live_modes"]

    def is_input(p: PlacedNugget) -> bool:
        return p.delivery_mode in live and p.nugget.learning_type == "acquisition"

    for module in snap.modules:
        placed = snap.module_placed(module)
        for run, after in runs(placed, is_input):
            minutes = _minutes(run)
            if minutes <= params["max_minutes"] or (after and after.delivery_mode in live):
                continue
            last = run[-1].nugget
            titles_de = join_quoted((p.nugget.title for p in run), "de")
            titles_en = join_quoted((p.nugget.title for p in run), "en")
            yield Issue(
                "nugget",
                last.key,
                f"Im Modul {quote(module.title, 'de')} dauert der Input {titles_de} "
                f"{minutes} Minuten, und danach folgt keine aktive Phase. Planen Sie direkt "
                "danach eine Übung, Diskussion oder Gruppenarbeit ein oder teilen Sie den "
                f"Input in Abschnitte von höchstens {params['max_minutes']} Minuten.",
                f"In module {quote(module.title, 'en')} the input {titles_en} takes {minutes} "
                "minutes with no active phase after it. Add practice, discussion or group "
                "work right after it, or split the input into parts of at most "
                f"{params['max_minutes']} minutes.",
            )


@rule(
    "sequence.live_online_break",
    severity="warning",
    category="ergonomics",
    title_de="Lange Live-online-Phase ohne Pause",
    title_en="Long live-online phase without a break",
    params=(
        Param(
            "max_minutes",
            90,
            "Längste Live-online-Zeit in Minuten ohne Pause",
            "Longest live-online time in minutes without a break",
        ),
        Param(
            "break_terms",
            ("Pause", "Bildschirmpause", "Kaffeepause", "Break", "Coffee break"),
            "Wörter in Titel oder Schlagwort, die eine Pause erkennen lassen",
            "Words in the title or a tag that mark a break",
        ),
    ),
)
def live_online_break(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Consecutive live-online nuggets add up until a break nugget (found by its title or
    a tag) or any other delivery mode interrupts them."""

    def is_live_online(p: PlacedNugget) -> bool:
        return p.delivery_mode == "live_online" and not marked(
            p.nugget.title, p.nugget.tags, params["break_terms"]
        )

    for module in snap.modules:
        placed = snap.module_placed(module)
        for run, _after in runs(placed, is_live_online):
            minutes = _minutes(run)
            if minutes <= params["max_minutes"]:
                continue
            first = run[0].nugget
            yield Issue(
                "nugget",
                first.key,
                f"Im Modul {quote(module.title, 'de')} dauert die Live-online-Phase ab "
                f"{quote(first.title, 'de')} {minutes} Minuten ohne Pause. Planen Sie "
                f"spätestens nach {params['max_minutes']} Minuten eine Bildschirmpause ein "
                "(als eigenes Nugget „Pause“).",
                f"In module {quote(module.title, 'en')} the live-online phase from "
                f"{quote(first.title, 'en')} lasts {minutes} minutes without a break. Plan a "
                f"screen break after at most {params['max_minutes']} minutes (as a nugget "
                "“Break”).",
            )


@rule(
    "sequence.self_paced_no_feedback",
    severity="warning",
    category="interaction",
    title_de="Selbstlernphase ohne Interaktion oder Rückmeldung",
    title_en="Self-paced phase without interaction or feedback",
    params=(
        Param(
            "min_minutes",
            30,
            "Ab dieser Länge der Selbstlernphase in Minuten",
            "From this length of the self-paced phase in minutes on",
        ),
        Param(
            "feedback_kinds",
            ("forum", "quiz", "assignment"),
            "Aktivitätsarten, die Interaktion oder Rückmeldung bieten",
            "Activity kinds that offer interaction or feedback",
            ACTIVITY_KINDS,
        ),
    ),
)
def self_paced_no_feedback(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """A module's run of self-paced online nuggets needs one that answers the learner:
    a forum, quiz or assignment, or any nugget with an assessment. Short runs (a reading
    before a live session) are left alone."""

    def self_paced(p: PlacedNugget) -> bool:
        return p.delivery_mode == "self_paced_online"

    def answers(p: PlacedNugget) -> bool:
        return p.nugget.activity_kind in params["feedback_kinds"] or p.nugget.assessment != "none"

    for module in snap.modules:
        placed = snap.module_placed(module)
        for run, _after in runs(placed, self_paced):
            minutes = _minutes(run)
            if minutes < params["min_minutes"] or any(answers(p) for p in run):
                continue
            titles_de = join_quoted((p.nugget.title for p in run), "de")
            titles_en = join_quoted((p.nugget.title for p in run), "en")
            yield Issue(
                "module",
                module.key,
                f"Die Selbstlernphase {titles_de} im Modul {quote(module.title, 'de')} "
                f"({minutes} Minuten) bietet keine Interaktion und keine Rückmeldung. Ergänzen "
                "Sie ein Forum, einen Selbsttest oder eine Aufgabe mit Feedback.",
                f"The self-paced phase {titles_en} in module {quote(module.title, 'en')} "
                f"({minutes} minutes) offers no interaction and no feedback. Add a forum, a "
                "self-test or an assignment with feedback.",
            )


RULES = (long_input, live_online_break, self_paced_no_feedback)
