"""Running automatic rules over a snapshot (and, for the rules that read them, the
design's learner results; without them a rule sees `NO_RESULTS` and stays quiet)."""

from __future__ import annotations

from collections.abc import Iterable

from designer.core.learner_results import NO_RESULTS, LearnerResults
from designer.core.snapshot import DesignSnapshot
from designer.quality.criteria import AutomaticCriterion
from designer.quality.findings import Finding
from designer.quality.rules import RULES, get_rule


def run(
    snap: DesignSnapshot, criterion: AutomaticCriterion, results: LearnerResults = NO_RESULTS
) -> list[Finding]:
    """The findings of one criterion: its rule with its parameters and severity."""
    rule = get_rule(criterion.rule)
    return [
        Finding(
            rule=rule.id,
            severity=criterion.severity,
            message_de=issue.message_de,
            message_en=issue.message_en,
            target_kind=issue.target_kind,
            target_key=issue.target_key,
            blocking=bool(criterion.blocking),
        )
        for issue in rule.issues(snap, criterion.params, results)
    ]


def default_criteria() -> list[AutomaticCriterion]:
    """Every rule with its defaults; errors block approval."""
    return [AutomaticCriterion(rule_id) for rule_id in RULES]


def check(
    snap: DesignSnapshot,
    criteria: Iterable[AutomaticCriterion] | None = None,
    results: LearnerResults = NO_RESULTS,
) -> list[Finding]:
    """All findings, criterion by criterion; without criteria every rule runs with its
    defaults."""
    chosen = default_criteria() if criteria is None else criteria
    return [finding for criterion in chosen for finding in run(snap, criterion, results)]
