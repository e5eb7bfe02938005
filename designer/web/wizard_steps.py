"""The guided Grobkonzept: its steps, and per field a plain-language help and an example.

The examples follow the spirit of the example course (a blended course in which trainers
from small companies build their own digital learning offer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from designer.core import fields


@dataclass(frozen=True)
class FieldHelp:
    label: Any
    help: Any
    example: Any


def _help(name: str, help: Any, example: Any) -> FieldHelp:
    """A Grobkonzept field's help, labelled as everywhere (`designer.core.fields`)."""
    return FieldHelp(_l(fields.GROBKONZEPT[name].label), help, example)


FIELD_HELP: dict[str, FieldHelp] = {
    "target_group": _help(
        "target_group",
        _l("Who is the course for? Describe their job, prior experience and what they bring."),
        _l(
            "Trainers and skilled workers from small companies of a technology cluster who "
            "want to build digital learning offers for their colleagues; little experience "
            "with media didactics."
        ),
    ),
    "initial_situation": _help(
        "initial_situation",
        _l("Why is the course needed now? What happens today, and what should change?"),
        _l(
            "The member companies want to strengthen learning at work. So far trainings are "
            "classroom talks; the content exists as slides."
        ),
    ),
    "prerequisites": _help(
        "prerequisites",
        _l("What must participants know or have before they start: knowledge, equipment, time?"),
        _l("Confident use of office software; a learning project of their own from work."),
    ),
    "planned_workload_minutes": _help(
        "planned_workload_minutes",
        _l("All learning time you plan, including self-study and transfer, in minutes."),
        _l("1200 (20 hours over eight weeks)"),
    ),
    "start_date": _help("start_date", _l("The first day of the course."), "2027-02-01"),
    "end_date": _help("end_date", _l("The last day of the course."), "2027-03-26"),
    "participants_min": _help(
        "participants_min",
        _l("The fewest participants for the course to take place."),
        "8",
    ),
    "participants_max": _help(
        "participants_max",
        _l("The most participants the format handles well."),
        "16",
    ),
    "format_summary": _help(
        "format_summary",
        _l("Sum up the format in one or two sentences: which phases, where and how."),
        _l(
            "Blended learning: virtual kick-off, online self-study, transfer at work, a "
            "closing day on site with presentations."
        ),
    ),
    "didactic_approach": _help(
        "didactic_approach",
        _l("How do people learn in this course? Name the idea behind your choices."),
        _l(
            "Learning by doing on each participant's own project; short inputs, then "
            "straight away practice."
        ),
    ),
    "framework_conditions": _help(
        "framework_conditions",
        _l("What is given or available: platform, rooms, time off work, budget?"),
        _l(
            "The cluster's video conference system and learning platform; two hours a week "
            "off work; a training room for the closing day."
        ),
    ),
    "assessment_concept": _help(
        "assessment_concept",
        _l("How do participants show what they have learnt? Relate it to the objectives."),
        _l("A work sample: a course for their own target group, presented with feedback."),
    ),
    "pass_mark_percent": _help(
        "pass_mark_percent",
        _l(
            "From how many right answers, in percent, a quiz counts as passed. SCORM "
            "packages, the Moodle course and the documents all use it; a quiz nugget may "
            "set its own."
        ),
        "80",
    ),
    "evaluation_plan": _help(
        "evaluation_plan",
        _l("How will you find out whether the course works and what to improve?"),
        _l("A feedback form after each module; a transfer interview after three months."),
    ),
    "offer_description": _help(
        "offer_description",
        _l(
            "The text people read before they enrol: benefit, format and time needed, in "
            "plain words."
        ),
        _l(
            "In eight weeks you build a digital learning offer for your company, from the "
            "target group to the finished course."
        ),
    ),
}

OBJECTIVE_HELP = FieldHelp(
    _l("Learning objective"),
    _l(
        "What can participants do afterwards? Start with an observable verb, "
        "e.g. 'Participants explain …'."
    ),
    _l("Participants analyse the learning needs of their target group with a persona."),
)


def _filled(*names: str) -> Callable[[dict[str, Any], int], bool]:
    return lambda values, _objectives: all(values.get(n) not in (None, "") for n in names)


@dataclass(frozen=True)
class Step:
    key: str
    title: Any
    intro: Any
    fields: tuple[str, ...]
    complete: Callable[[dict[str, Any], int], bool]
    objectives: bool = False


STEPS: tuple[Step, ...] = (
    Step(
        "audience",
        _l("Target group and need"),
        _l("Start with the people: who will learn, and why now?"),
        ("target_group", "initial_situation"),
        _filled("target_group", "initial_situation"),
    ),
    Step(
        "prerequisites",
        _l("Prerequisites"),
        _l("What do participants bring along, and what must they have before they start?"),
        ("prerequisites",),
        _filled("prerequisites"),
    ),
    Step(
        "objectives",
        _l("Learning objectives"),
        _l("Say what participants can do at the end. Two to five objectives are usual."),
        (),
        lambda _values, objectives: objectives > 0,
        objectives=True,
    ),
    Step(
        "frame",
        _l("Format and frame"),
        _l("How much time, when, for how many people, and in which format?"),
        (
            "planned_workload_minutes",
            "start_date",
            "end_date",
            "participants_min",
            "participants_max",
            "format_summary",
            "didactic_approach",
            "framework_conditions",
        ),
        _filled("planned_workload_minutes", "format_summary", "didactic_approach"),
    ),
    Step(
        "assessment",
        _l("Assessment and evaluation"),
        _l("How will participants show their learning, and how will you improve the course?"),
        ("assessment_concept", "pass_mark_percent", "evaluation_plan"),
        _filled("assessment_concept", "evaluation_plan"),
    ),
    Step(
        "offer",
        _l("Offer description"),
        _l("Finally, describe the course for the people who will take it."),
        ("offer_description",),
        _filled("offer_description"),
    ),
)

ALL_FIELDS: tuple[str, ...] = tuple(name for step in STEPS for name in step.fields)


def step_by_key(key: str) -> Step:
    for step in STEPS:
        if step.key == key:
            return step
    raise KeyError(key)


def first_incomplete(values: dict[str, Any], objectives: int) -> Step:
    """Where the wizard resumes: the first step not yet filled in (else the first)."""
    for step in STEPS:
        if not step.complete(values, objectives):
            return step
    return STEPS[0]
