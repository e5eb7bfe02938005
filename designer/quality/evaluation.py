"""Evaluating a checklist against a snapshot: what the reviewer sees before signing off."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.core.snapshot import DesignSnapshot
from designer.quality.criteria import AutomaticCriterion, Checklist, ManualCriterion
from designer.quality.definitions import category_label
from designer.quality.engine import run
from designer.quality.findings import Finding


@dataclass(frozen=True)
class CriterionResult:
    criterion: AutomaticCriterion
    findings: tuple[Finding, ...]

    @property
    def met(self) -> bool:
        return not self.findings

    def to_dict(self, lang: str) -> dict[str, Any]:
        c = self.criterion
        return {
            "key": c.key,
            "kind": c.kind,
            "category": c.category,
            "category_label": category_label(c.category, lang),
            "title": c.title(lang),
            "rule": c.rule,
            "severity": c.severity,
            "blocking": c.blocking,
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


def evaluate(snap: DesignSnapshot, checklist: Checklist) -> ChecklistResult:
    """Runs the automatic criteria; the manual ones are listed for the reviewer."""
    return ChecklistResult(
        checklist=checklist,
        automatic=tuple(CriterionResult(c, tuple(run(snap, c))) for c in checklist.automatic),
        manual=checklist.manual,
    )
