"""The registry of automatic quality rules, one module per theme.

Every rule has a stable id (stored in checklists and reviews: never rename one), a
default severity, parameters with defaults and a bilingual message naming the element.

objectives
    objective.no_nugget              objective linked to no nugget (error)
    objective.not_assessed           linked objective that no linked nugget assesses (warning)
    objective.nugget_unlinked        nugget linked to no objective, organisational ones
                                     (welcome, break, text block) excepted (warning)
    objective.vague_verb             objective with an unobservable verb such as
                                     verstehen/kennen or understand/know (warning)
    objective.no_bloom               objective without a Bloom level (warning)
transparency
    transparency.learner_info        target group, prerequisites or planned workload
                                     not described (error)
workload
    workload.planned_mismatch        summed workload more than ±15 % off the planned (warning)
    workload.module_share            one module above 50 % of the workload (warning)
balance
    balance.dominant_type            one learning type above 60 % of the time (warning)
    balance.few_types                fewer than three learning types used (warning)
    balance.no_exchange              no discussion or collaboration in a course of more
                                     than 480 minutes (warning)
sequence
    sequence.long_input              live input of more than 20 minutes not followed by
                                     a live activating nugget (warning)
    sequence.live_online_break       more than 90 live-online minutes without a break (warning)
    sequence.self_paced_no_feedback  self-paced online phase of 30+ minutes without forum,
                                     quiz, assignment or assessment (warning)
accessibility
    accessibility.image_alt          image asset or <img> without alternative text (error)
    accessibility.video_captions     video without captions or transcript (warning)
    accessibility.readability        nugget text hard to read, Amstad (de) or Flesch (en)
                                     score below 40 for texts of 100+ words (hint)
legal
    legal.license                    nugget or asset without licence or attribution; for
                                     a plain link the source suffices (warning)
    legal.ai_unchecked               AI-generated content nobody has checked (error)
media
    media.no_rationale               online nugget or one naming media, without a
                                     rationale for the medium (warning)
activities
    activity.quiz_questions          quiz without questions, question without a correct
                                     answer, single choice with several, matching
                                     question without its pairs, short-answer question
                                     without an accepted answer (error)
    activity.url_invalid             link nugget without an http(s) address with a host (error)
    activity.live_session_date       live session without date and time once the design
                                     has a start date (warning)
results (read the design's learner results; quiet below 20 learners)
    results.learners_struggle        quiz question fewer than 20 % answer correctly, or
                                     nugget more than 50 % of its learners leave
                                     unfinished (warning)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from designer.quality.definitions import ConfigError, Rule
from designer.quality.rules import (
    accessibility,
    activities,
    balance,
    legal,
    media,
    objectives,
    results,
    sequence,
    transparency,
    workload,
)

_THEMES = (
    objectives,
    transparency,
    workload,
    balance,
    sequence,
    accessibility,
    legal,
    media,
    activities,
    results,
)

RULES: Final = MappingProxyType({r.id: r for theme in _THEMES for r in theme.RULES})


def get_rule(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except KeyError:
        raise ConfigError(f"unknown rule {rule_id!r}") from None
