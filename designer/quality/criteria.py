"""Criteria of a checklist: an automatic rule with its settings, or a manual question.

Both are validated when they are made, so a criterion that exists can be evaluated;
`dataclasses.replace` re-validates an edited one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from designer.quality.definitions import CATEGORIES, ConfigError, check_severity
from designer.quality.rules import get_rule


def _check_category(category: str) -> None:
    if category not in CATEGORIES:
        raise ConfigError(f"unknown category {category!r} (categories: {', '.join(CATEGORIES)})")


@dataclass(frozen=True)
class AutomaticCriterion:
    """A rule as a checklist uses it. Left empty, `key` becomes the rule id, `category`
    the rule's category and `severity` its default; `blocking` defaults to whether the
    severity is an error. `params` holds the values that override the rule's defaults
    (validated, lists stored as tuples)."""

    rule: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: str = ""
    blocking: bool | None = None
    category: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        rule = get_rule(self.rule)
        if not isinstance(self.params, Mapping):
            raise ConfigError(f"params of {self.rule!r} must be an object")
        resolved = rule.resolve(self.params)
        set_ = object.__setattr__  # completing defaults of a frozen dataclass
        set_(self, "params", {name: resolved[name] for name in self.params})
        set_(self, "severity", check_severity(self.severity or rule.severity))
        if self.blocking is None:
            set_(self, "blocking", self.severity == "error")
        elif not isinstance(self.blocking, bool):
            raise ConfigError(f"blocking must be true or false, not {self.blocking!r}")
        set_(self, "category", self.category or rule.category)
        _check_category(self.category)
        set_(self, "key", self.key or rule.id)

    @property
    def kind(self) -> str:
        return "automatic"

    def resolved_params(self) -> dict[str, Any]:
        return get_rule(self.rule).resolve(self.params)

    def title(self, lang: str) -> str:
        return get_rule(self.rule).title(lang)


@dataclass(frozen=True)
class ManualCriterion:
    """A question the reviewer answers: met, not met or not applicable."""

    key: str
    category: str
    question_de: str
    question_en: str
    help_de: str = ""
    help_en: str = ""

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise ConfigError("a manual criterion needs a key")
        _check_category(self.category)
        if not self.question_de.strip() or not self.question_en.strip():
            raise ConfigError(f"criterion {self.key!r} needs its question in German and English")

    @property
    def kind(self) -> str:
        return "manual"

    def title(self, lang: str) -> str:
        return self.question_en if lang == "en" else self.question_de

    def help(self, lang: str) -> str:
        return self.help_en if lang == "en" else self.help_de


Criterion = AutomaticCriterion | ManualCriterion


@dataclass(frozen=True)
class Checklist:
    """A named set of criteria. Built-in checklists are read-only (`builtin`); a
    workspace edits a copy (see `checklists.copy_checklist`)."""

    key: str
    name_de: str
    name_en: str
    criteria: tuple[Criterion, ...]
    description_de: str = ""
    description_en: str = ""
    builtin: bool = False

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise ConfigError("a checklist needs a key")
        if not self.name_de.strip() or not self.name_en.strip():
            raise ConfigError(f"checklist {self.key!r} needs its name in German and English")
        object.__setattr__(self, "criteria", tuple(self.criteria))
        seen: set[str] = set()
        for criterion in self.criteria:
            if criterion.key in seen:
                raise ConfigError(f"checklist {self.key!r}: duplicate criterion {criterion.key!r}")
            seen.add(criterion.key)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_de

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_de

    @property
    def automatic(self) -> tuple[AutomaticCriterion, ...]:
        return tuple(c for c in self.criteria if isinstance(c, AutomaticCriterion))

    @property
    def manual(self) -> tuple[ManualCriterion, ...]:
        return tuple(c for c in self.criteria if isinstance(c, ManualCriterion))

    def criterion(self, key: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(key)
