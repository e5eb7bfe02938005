"""What a quality check reports: findings with a bilingual message and a target.

A rule yields `Issue`s (what is wrong, where, in German and English); the engine turns
them into `Finding`s by adding the rule id, the severity and whether the finding blocks
approval, both of which a checklist criterion may set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

SEVERITIES: Final = ("error", "warning", "hint")

# What a finding points at. For "design", the key names the Grobkonzept field concerned
# (e.g. "planned_workload_minutes") or is "" for the design as a whole; for the other
# kinds it is the key of the objective, module, nugget or asset in the snapshot.
TARGET_KINDS: Final = ("design", "objective", "module", "nugget", "asset")


@dataclass(frozen=True)
class Issue:
    """One problem a rule found, before a checklist gives it a severity."""

    target_kind: str
    target_key: str
    message_de: str
    message_en: str


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message_de: str
    message_en: str
    target_kind: str
    target_key: str
    blocking: bool = False

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_de

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message(lang),
            "target": {"kind": self.target_kind, "key": self.target_key},
            "blocking": self.blocking,
        }


def findings_json(findings: Iterable[Finding], lang: str, indent: int | None = 2) -> str:
    """The JSON that `designer check --json` prints: a list of finding objects."""
    return json.dumps([f.to_dict(lang) for f in findings], ensure_ascii=False, indent=indent)


def has_blocking(findings: Iterable[Finding]) -> bool:
    """True when any finding blocks approval (the CLI exits non-zero then)."""
    return any(f.blocking for f in findings)
