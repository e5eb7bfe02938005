"""Evaluating a checklist against a snapshot: what the reviewer sees before signing off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from designer.core.learner_results import NO_RESULTS, LearnerResults
from designer.core.snapshot import DesignSnapshot
from designer.quality.criteria import AutomaticCriterion, Checklist, ManualCriterion
from designer.quality.definitions import category_label
from designer.quality.engine import default_criteria, run
from designer.quality.findings import SEVERITIES, Finding


@dataclass(frozen=True)
class CriterionResult:
    criterion: AutomaticCriterion
    findings: tuple[Finding, ...]

    @property
    def met(self) -> bool:
        return not self.findings

    @property
    def severity(self) -> str:
        """The criterion's severity, or a stricter one another checklist gave its findings."""
        return min((f.severity for f in self.findings), default=self.criterion.severity, key=_rank)

    @property
    def blocking(self) -> bool:
        return any(f.blocking for f in self.findings) or bool(self.criterion.blocking)

    def to_dict(self, lang: str) -> dict[str, Any]:
        c = self.criterion
        return {
            "key": c.key,
            "kind": c.kind,
            "category": c.category,
            "category_label": category_label(c.category, lang),
            "title": c.title(lang),
            "rule": c.rule,
            "severity": self.severity,
            "blocking": self.blocking,
            "met": self.met,
            "findings": [f.to_dict(lang) for f in self.findings],
        }


def _manual_dict(criterion: ManualCriterion, lang: str) -> dict[str, Any]:
    return {
        "key": criterion.key,
        "kind": criterion.kind,
        "category": criterion.category,
        "category_label": category_label(criterion.category, lang),
        "question": criterion.title(lang),
        "help": criterion.help(lang),
    }


@dataclass(frozen=True)
class ChecklistResult:
    checklist: Checklist
    automatic: tuple[CriterionResult, ...]
    manual: tuple[ManualCriterion, ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.automatic for f in result.findings]

    @property
    def blocking_findings(self) -> list[Finding]:
        """Findings that stand in the way of approval."""
        return [f for f in self.findings if f.blocking]

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "checklist": {"key": self.checklist.key, "name": self.checklist.name(lang)},
            "automatic": [r.to_dict(lang) for r in self.automatic],
            "manual": [_manual_dict(c, lang) for c in self.manual],
            "blocking": len(self.blocking_findings),
        }


def evaluate(
    snap: DesignSnapshot, checklist: Checklist, results: LearnerResults = NO_RESULTS
) -> ChecklistResult:
    """Runs the automatic criteria; the manual ones are listed for the reviewer."""
    return ChecklistResult(
        checklist=checklist,
        automatic=tuple(
            CriterionResult(c, tuple(run(snap, c, results))) for c in checklist.automatic
        ),
        manual=checklist.manual,
    )


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def _identity(finding: Finding) -> tuple[str, str, str, str]:
    return (finding.rule, finding.target_kind, finding.target_key, finding.message_en)


def _strictest(findings: Iterable[Finding]) -> dict[tuple[str, str, str, str], Finding]:
    """One finding per identity, with the strictest severity and blocking any gave it."""
    judged: dict[tuple[str, str, str, str], Finding] = {}
    for finding in findings:
        seen = judged.get(_identity(finding))
        if seen is None:
            judged[_identity(finding)] = finding
            continue
        severity = min(seen.severity, finding.severity, key=_rank)
        judged[_identity(finding)] = replace(
            seen, severity=severity, blocking=seen.blocking or finding.blocking
        )
    return judged


def evaluate_all(
    snap: DesignSnapshot, checklists: Sequence[Checklist], results: LearnerResults = NO_RESULTS
) -> list[ChecklistResult]:
    """Each checklist's results with one severity per finding: where several checklists
    judge the same finding, the strictest judgement holds in all of them, so a finding
    never shows as an error in one place and as a warning in another."""
    evaluated = [evaluate(snap, checklist, results) for checklist in checklists]
    judged = _strictest(f for result in evaluated for f in result.findings)

    def rejudged(result: CriterionResult) -> CriterionResult:
        return replace(result, findings=tuple(judged[_identity(f)] for f in result.findings))

    return [replace(r, automatic=tuple(rejudged(a) for a in r.automatic)) for r in evaluated]


def distinct_findings(results: Iterable[ChecklistResult]) -> list[Finding]:
    """The findings of several checklists, each once, errors first."""
    judged = _strictest(f for result in results for f in result.findings)
    return sorted(judged.values(), key=lambda f: _rank(f.severity))


def applicable_findings(
    snap: DesignSnapshot, checklists: Sequence[Checklist], results: LearnerResults = NO_RESULTS
) -> list[Finding]:
    """Every rule's findings as the given checklists judge them, errors first. A rule no
    checklist uses still reports, as a hint that blocks nothing: the checklists decide
    what is an error, here as in the review."""
    findings = distinct_findings(evaluate_all(snap, checklists, results))
    covered = {c.rule for checklist in checklists for c in checklist.automatic}
    for criterion in default_criteria():
        if criterion.rule not in covered:
            findings.extend(
                replace(f, severity="hint", blocking=False) for f in run(snap, criterion, results)
            )
    return findings
