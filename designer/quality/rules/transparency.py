"""Rules on what learners must be told before they sign up."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import GROBKONZEPT_INT_FIELDS, GROBKONZEPT_TEXT_FIELDS, DesignSnapshot
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue

_FIELD_LABELS = {
    "target_group": ("die Zielgruppe", "the target group"),
    "initial_situation": ("die Ausgangslage", "the initial situation"),
    "prerequisites": ("die Voraussetzungen", "the prerequisites"),
    "planned_workload_minutes": ("der geplante Aufwand", "the planned workload"),
    "participants_min": ("die Mindestzahl der Teilnehmenden", "the minimum of participants"),
    "participants_max": ("die Höchstzahl der Teilnehmenden", "the maximum of participants"),
    "format_summary": ("das Format", "the format"),
    "didactic_approach": ("der didaktische Ansatz", "the didactic approach"),
    "assessment_concept": ("der Plan der Leistungsnachweise", "the assessment concept"),
    "framework_conditions": ("die Rahmenbedingungen", "the framework conditions"),
    "evaluation_plan": ("die Evaluation", "the evaluation plan"),
    "offer_description": ("die Angebotsbeschreibung", "the offer description"),
}
# The pass mark always has a value (80 % unless set), so it is never missing.
FIELDS = tuple(n for n in (*GROBKONZEPT_TEXT_FIELDS, *GROBKONZEPT_INT_FIELDS) if n in _FIELD_LABELS)


@rule(
    "transparency.learner_info",
    severity="error",
    category="transparency",
    title_de="Zielgruppe, Voraussetzungen oder Aufwand nicht beschrieben",
    title_en="Target group, prerequisites or workload not described",
    params=(
        Param(
            "fields",
            ("target_group", "prerequisites", "planned_workload_minutes"),
            "Felder des Grobkonzepts, die ausgefüllt sein müssen",
            "Grobkonzept fields that must be filled in",
            FIELDS,
        ),
    ),
)
def learner_info(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for name in params["fields"]:
        value = getattr(snap.grobkonzept, name)
        if value is None or (isinstance(value, str) and not value.strip()) or value == 0:
            de, en = _FIELD_LABELS[name]
            yield Issue(
                "design",
                name,
                f"Im Grobkonzept fehlt {de}. Lernende müssen vor der Anmeldung wissen, für wen "
                "der Kurs gedacht ist, was sie mitbringen müssen und wie viel Zeit er kostet.",
                f"The Grobkonzept does not state {en}. Learners must know before they sign "
                "up whom the course is for, what they need to bring and how much time it takes.",
            )


RULES = (learner_info,)
