"""Rules on the mix of learning types (Laurillard) over the whole course."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import LEARNING_TYPES, label
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue


def minutes_by_type(snap: DesignSnapshot) -> Counter[str]:
    minutes: Counter[str] = Counter()
    for placed in snap.placed():
        minutes[placed.nugget.learning_type] += placed.duration_minutes
    return minutes


@rule(
    "balance.dominant_type",
    severity="warning",
    category="methods",
    title_de="Eine Lernform überwiegt",
    title_en="One learning type dominates",
    params=(
        Param(
            "max_share_percent",
            60.0,
            "Höchster Zeitanteil einer Lernform in Prozent",
            "Largest share of time of one learning type, in percent",
        ),
    ),
)
def dominant_type(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    minutes = minutes_by_type(snap)
    total = sum(minutes.values())
    if not total:
        return
    kind, top = minutes.most_common(1)[0]
    share = 100.0 * top / total
    limit = params["max_share_percent"]
    if share > limit:
        yield Issue(
            "design",
            "",
            f"Die Lernform {label('learning_type', kind, 'de')} nimmt {share:.0f} % der Zeit "
            f"ein (Grenze {limit:g} %). Ersetzen Sie einen Teil durch andere Lernformen, z. B. "
            "Übung, Diskussion oder Zusammenarbeit.",
            f"The learning type {label('learning_type', kind, 'en')} takes {share:.0f} % of "
            f"the time (limit {limit:g} %). Replace part of it with other learning types, "
            "e.g. practice, discussion or collaboration.",
        )


@rule(
    "balance.few_types",
    severity="warning",
    category="methods",
    title_de="Zu wenige Lernformen",
    title_en="Too few learning types",
    params=(Param("min_types", 3, "Mindestzahl der Lernformen", "Least number of learning types"),),
)
def few_types(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    minutes = minutes_by_type(snap)
    used = [kind for kind in LEARNING_TYPES if minutes[kind]]
    if not used or len(used) >= params["min_types"]:
        return
    de = ", ".join(label("learning_type", k, "de") for k in used)
    en = ", ".join(label("learning_type", k, "en") for k in used)
    yield Issue(
        "design",
        "",
        f"Der Kurs nutzt nur {len(used)} Lernform(en) ({de}); empfohlen sind mindestens "
        f"{params['min_types']}. Abwechslung hält die Aufmerksamkeit: ergänzen Sie z. B. eine "
        "Recherche, eine Übung oder eine Diskussion.",
        f"The course uses only {len(used)} learning type(s) ({en}); at least "
        f"{params['min_types']} are recommended. Variety holds attention: add e.g. an "
        "inquiry, a practice task or a discussion.",
    )


@rule(
    "balance.no_exchange",
    severity="warning",
    category="interaction",
    title_de="Kein Austausch in einem längeren Kurs",
    title_en="No exchange in a longer course",
    params=(
        Param(
            "min_course_minutes",
            480,
            "Ab dieser Gesamtdauer in Minuten (mehr als ein Tag)",
            "From this total duration in minutes on (more than a day)",
        ),
        Param(
            "exchange_types",
            ("discussion", "collaboration"),
            "Lernformen, die als Austausch zählen",
            "Learning types that count as exchange",
            LEARNING_TYPES,
        ),
    ),
)
def no_exchange(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    minutes = minutes_by_type(snap)
    total = sum(minutes.values())
    if total <= params["min_course_minutes"]:
        return
    if any(minutes[kind] for kind in params["exchange_types"]):
        return
    de = ", ".join(label("learning_type", k, "de") for k in params["exchange_types"])
    en = ", ".join(label("learning_type", k, "en") for k in params["exchange_types"])
    yield Issue(
        "design",
        "",
        f"Der Kurs dauert {total} Minuten, enthält aber keinen Austausch ({de}). Planen Sie "
        "z. B. ein Forum, eine Gruppenarbeit oder ein kollegiales Feedback ein.",
        f"The course takes {total} minutes but has no exchange ({en}). Plan e.g. a forum, "
        "group work or peer feedback.",
    )


RULES = (dominant_type, few_types, no_exchange)
