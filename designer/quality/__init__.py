"""Quality checks of a design: automatic rules, checklists and their evaluation.

Everything here is a pure function of a `DesignSnapshot`. The public API:

- `check(snap, criteria=None) -> list[Finding]`: run every rule (or the given
  `AutomaticCriterion`s); `findings_json(findings, lang)` and `has_blocking(findings)`
  serve `designer check`.
- `RULES` / `get_rule(id)`: the rule catalogue; `Rule.to_dict(lang)` describes a rule
  and its parameters for the checklist editor.
- `builtin_checklists()`, `get_builtin(key)`, `copy_checklist(...)`,
  `checklist_to_dict` / `checklist_from_dict` (raises `ChecklistError`).
- `evaluate(snap, checklist) -> ChecklistResult`; `evaluate_all` and
  `applicable_findings` give each finding one severity under several checklists.
"""

from designer.quality.checklists import (
    ChecklistError,
    UnknownChecklist,
    builtin_checklists,
    copy_checklist,
    get_builtin,
)
from designer.quality.checklists import from_dict as checklist_from_dict
from designer.quality.checklists import to_dict as checklist_to_dict
from designer.quality.criteria import AutomaticCriterion, Checklist, ManualCriterion
from designer.quality.definitions import CATEGORIES, ConfigError, category_label
from designer.quality.engine import check
from designer.quality.evaluation import (
    ChecklistResult,
    CriterionResult,
    applicable_findings,
    distinct_findings,
    evaluate,
    evaluate_all,
)
from designer.quality.findings import SEVERITIES, Finding, findings_json, has_blocking
from designer.quality.rules import RULES, get_rule

__all__ = [
    "CATEGORIES",
    "RULES",
    "SEVERITIES",
    "AutomaticCriterion",
    "Checklist",
    "ChecklistError",
    "ChecklistResult",
    "ConfigError",
    "CriterionResult",
    "Finding",
    "ManualCriterion",
    "UnknownChecklist",
    "applicable_findings",
    "builtin_checklists",
    "category_label",
    "check",
    "checklist_from_dict",
    "checklist_to_dict",
    "copy_checklist",
    "distinct_findings",
    "evaluate",
    "evaluate_all",
    "findings_json",
    "get_builtin",
    "get_rule",
    "has_blocking",
]
