"""Checklists: the built-in ones, and plain data for a workspace's stored copy.

A workspace copy is kept as JSON (`to_dict`) and read back with `from_dict`, which
validates every criterion: an unknown rule, an unknown parameter, a value of the wrong
kind or a bad severity is named with its place, all problems at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from designer.quality.builtin import BUILTIN
from designer.quality.criteria import AutomaticCriterion, Checklist, Criterion, ManualCriterion
from designer.quality.definitions import ConfigError


class ChecklistError(ValueError):
    """A checklist document that cannot be used; `problems` names each one with its path."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


class UnknownChecklist(KeyError):
    pass


def builtin_checklists() -> tuple[Checklist, ...]:
    return BUILTIN


def get_builtin(key: str) -> Checklist:
    for checklist in BUILTIN:
        if checklist.key == key:
            return checklist
    raise UnknownChecklist(key)


def copy_checklist(checklist: Checklist, key: str, name_de: str, name_en: str) -> Checklist:
    """An editable copy under a new key and name (what "copy to my workspace" makes)."""
    return replace(checklist, key=key, name_de=name_de, name_en=name_en, builtin=False)


# --------------------------------------------------------------------------- to data


def to_dict(checklist: Checklist) -> dict[str, Any]:
    return {
        "key": checklist.key,
        "name": {"de": checklist.name_de, "en": checklist.name_en},
        "description": {"de": checklist.description_de, "en": checklist.description_en},
        "criteria": [_criterion_dict(c) for c in checklist.criteria],
    }


def _criterion_dict(criterion: Criterion) -> dict[str, Any]:
    if isinstance(criterion, ManualCriterion):
        return {
            "key": criterion.key,
            "kind": criterion.kind,
            "category": criterion.category,
            "question": {"de": criterion.question_de, "en": criterion.question_en},
            "help": {"de": criterion.help_de, "en": criterion.help_en},
        }
    return {
        "key": criterion.key,
        "kind": criterion.kind,
        "category": criterion.category,
        "rule": criterion.rule,
        "severity": criterion.severity,
        "blocking": criterion.blocking,
        "params": {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in criterion.params.items()
        },
    }


# --------------------------------------------------------------------------- from data


def from_dict(data: Any) -> Checklist:
    """A checklist from its stored form; never a built-in one (those live in code)."""
    if not isinstance(data, dict):
        raise ChecklistError(["(checklist): must be an object"])
    problems: list[str] = []
    texts = {}
    for field in ("name", "description"):
        try:
            texts[field] = _pair(data, field)
        except ConfigError as exc:
            problems.append(str(exc))
    raw = data.get("criteria", [])
    if not isinstance(raw, list):
        problems.append("criteria: must be a list")
        raw = []
    criteria = []
    for i, item in enumerate(raw):
        try:
            criteria.append(_criterion(item))
        except ConfigError as exc:
            problems.append(f"criteria[{i}]: {exc}")
    key = data.get("key")
    if not isinstance(key, str):
        problems.append("key: must be text")
    if problems:
        raise ChecklistError(problems)
    try:
        return Checklist(
            key=key,
            name_de=texts["name"][0],
            name_en=texts["name"][1],
            criteria=tuple(criteria),
            description_de=texts["description"][0],
            description_en=texts["description"][1],
        )
    except ConfigError as exc:
        raise ChecklistError([str(exc)]) from None


def _pair(data: dict[str, Any], field: str) -> tuple[str, str]:
    """A {"de": …, "en": …} text pair; missing means empty."""
    value = data.get(field, {})
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang, ""), str) for lang in ("de", "en")
    ):
        raise ConfigError(f"{field}: must be an object with texts de and en")
    return value.get("de", ""), value.get("en", "")


def _criterion(item: Any) -> Criterion:
    if not isinstance(item, dict):
        raise ConfigError("must be an object")
    kind = item.get("kind")
    key = item.get("key", "")
    category = item.get("category", "")
    if not isinstance(key, str) or not isinstance(category, str):
        raise ConfigError("key and category must be text")
    if kind == "manual":
        return ManualCriterion(key, category, *_pair(item, "question"), *_pair(item, "help"))
    if kind == "automatic":
        rule = item.get("rule")
        severity = item.get("severity", "")
        if not isinstance(rule, str) or not isinstance(severity, str):
            raise ConfigError("rule and severity must be text")
        return AutomaticCriterion(
            rule=rule,
            params=item.get("params", {}),
            severity=severity,
            blocking=item.get("blocking"),
            category=category,
            key=key,
        )
    raise ConfigError(f"kind must be 'automatic' or 'manual', not {kind!r}")
