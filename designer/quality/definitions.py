"""How an automatic rule is defined: its id, default severity, parameters and check.

A rule's check is a pure function `(snapshot, params) -> Iterable[Issue]`; `params` holds
every parameter of the rule, defaults filled in and overrides validated by `Rule.resolve`.
A rule declared with `reads_results=True` also receives what learners did with the
delivered design: its check is `(snapshot, params, results) -> Iterable[Issue]`, with
`results` a `LearnerResults` (empty when the caller has none).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from designer.core.learner_results import NO_RESULTS, LearnerResults
from designer.core.snapshot import DesignSnapshot
from designer.quality.findings import SEVERITIES, Issue

# Categories group the criteria of a checklist (and the rules in the rule catalogue).
CATEGORIES: Final[dict[str, tuple[str, str]]] = {
    "objectives": ("Lernziele", "Learning objectives"),
    "transparency": ("Information für Lernende", "Information for learners"),
    "workload": ("Arbeitsaufwand", "Workload"),
    "methods": ("Lernformen und Methoden", "Learning types and methods"),
    "interaction": ("Interaktion und Betreuung", "Interaction and support"),
    "media": ("Medien", "Media"),
    "activities": ("Aktivitäten", "Activities"),
    "content": ("Inhalt", "Content"),
    "accessibility": ("Barrierefreiheit", "Accessibility"),
    "ergonomics": ("Ergonomie", "Ergonomics"),
    "legal": ("Urheberrecht und Lizenzen", "Copyright and licences"),
    "privacy": ("Datenschutz", "Data protection"),
    "organisation": ("Organisation", "Organisation"),
    "evaluation": ("Evaluation", "Evaluation"),
}


class ConfigError(ValueError):
    """A rule setting that cannot be used (unknown parameter, wrong type, bad severity)."""


def category_label(category: str, lang: str) -> str:
    de, en = CATEGORIES[category]
    return en if lang == "en" else de


def check_severity(severity: Any) -> str:
    if severity not in SEVERITIES:
        raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    return severity


@dataclass(frozen=True)
class Param:
    """A parameter of a rule. Its kind follows from the default: a whole number (int), a
    number (float) or a list of words (tuple of str, optionally limited to `choices`)."""

    name: str
    default: int | float | tuple[str, ...]
    label_de: str
    label_en: str
    choices: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        if isinstance(self.default, int):
            return "int"
        if isinstance(self.default, float):
            return "number"
        return "words"

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_de

    def coerce(self, value: Any) -> int | float | tuple[str, ...]:
        """The value in canonical form (lists become tuples); ConfigError when unusable."""
        kind = self.kind
        if kind in ("int", "number"):
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if not number or not math.isfinite(value) or value < 0:
                raise ConfigError(f"parameter {self.name!r} must be a number ≥ 0, not {value!r}")
            if kind == "int" and value != int(value):
                raise ConfigError(f"parameter {self.name!r} must be a whole number, not {value!r}")
            return int(value) if kind == "int" else float(value)
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise ConfigError(f"parameter {self.name!r} must be a list of non-empty texts")
        unknown = [v for v in value if self.choices and v not in self.choices]
        if unknown:
            raise ConfigError(
                f"parameter {self.name!r}: unknown value(s) {', '.join(map(repr, unknown))} "
                f"(allowed: {', '.join(self.choices)})"
            )
        return tuple(value)

    def to_dict(self, lang: str) -> dict[str, Any]:
        default = list(self.default) if isinstance(self.default, tuple) else self.default
        return {
            "name": self.name,
            "kind": self.kind,
            "default": default,
            "label": self.label(lang),
            "choices": list(self.choices),
        }


Check = Callable[[DesignSnapshot, Mapping[str, Any]], Iterable[Issue]]
ResultsCheck = Callable[[DesignSnapshot, Mapping[str, Any], LearnerResults], Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    category: str
    title_de: str
    title_en: str
    params: tuple[Param, ...]
    check: Check | ResultsCheck
    reads_results: bool = False

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_de

    def resolve(self, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every parameter's value: the defaults with `overrides` validated and applied."""
        known = {p.name: p for p in self.params}
        values: dict[str, Any] = {p.name: p.default for p in self.params}
        for name, value in (overrides or {}).items():
            if name not in known:
                allowed = ", ".join(known) or "none"
                raise ConfigError(
                    f"rule {self.id!r} has no parameter {name!r} (parameters: {allowed})"
                )
            values[name] = known[name].coerce(value)
        return values

    def issues(
        self,
        snap: DesignSnapshot,
        overrides: Mapping[str, Any] | None = None,
        results: LearnerResults = NO_RESULTS,
    ) -> list[Issue]:
        """The rule's issues; only a rule that reads results is given `results`."""
        params = self.resolve(overrides)
        if self.reads_results:
            return list(self.check(snap, params, results))
        return list(self.check(snap, params))

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The rule as the checklist editor shows it."""
        return {
            "id": self.id,
            "title": self.title(lang),
            "severity": self.severity,
            "category": self.category,
            "params": [p.to_dict(lang) for p in self.params],
        }


def rule(
    rule_id: str,
    *,
    severity: str,
    category: str,
    title_de: str,
    title_en: str,
    params: tuple[Param, ...] = (),
    reads_results: bool = False,
) -> Callable[[Check | ResultsCheck], Rule]:
    """Decorator: turns a check function into a `Rule` with its id and defaults; with
    `reads_results` the check also receives the design's `LearnerResults`."""
    check_severity(severity)
    if category not in CATEGORIES:
        raise ConfigError(f"rule {rule_id!r}: unknown category {category!r}")

    def wrap(check: Check | ResultsCheck) -> Rule:
        return Rule(rule_id, severity, category, title_de, title_en, params, check, reads_results)

    return wrap
