"""Export options: each format declares its options once, and one parser turns the
strings that the export page, the API and the command line send into typed values.

A value arrives as a string; several values of a multiple-choice option arrive as one
comma-separated string. The parser fills in defaults and reports every problem at once
(`InvalidOptions`), so all three ways in refuse the same input with the same error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ExportOption:
    """An option the user may set for a format (a select or checkboxes in the browser,
    `--option name=value` on the command line). `choices` are (value, label de, label en);
    `type` turns a chosen value into what the writer reads (a multiple-choice option
    gives a frozenset of them); `help_de`/`help_en` is a sentence shown beside it."""

    name: str
    label_de: str
    label_en: str
    choices: tuple[tuple[str, str, str], ...]
    default: str
    multiple: bool = False
    type: Callable[[str], Any] = str
    help_de: str = ""
    help_en: str = ""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _, _ in self.choices)


@dataclass(frozen=True)
class OptionProblem:
    """`code` is "unknown_option" (the format has no option `name`; `allowed` lists the
    ones it has) or "unknown" (`value` is not among the `allowed` choices)."""

    name: str
    code: str
    value: str
    allowed: tuple[str, ...]


class InvalidOptions(ValueError):
    def __init__(self, problems: Sequence[OptionProblem]):
        super().__init__("; ".join(f"option {p.name}: {p.code} {p.value!r}" for p in problems))
        self.problems = tuple(problems)


def parse_options(declared: Sequence[ExportOption], given: Mapping[str, str]) -> dict[str, Any]:
    """Every declared option's typed value (the default where none is given).

    Raises InvalidOptions naming each unknown option and each value that is not a choice.
    """
    known = tuple(option.name for option in declared)
    problems = [
        OptionProblem(name, "unknown_option", given[name], known)
        for name in given
        if name not in known
    ]
    parsed = {}
    for option in declared:
        values = _split(option, given.get(option.name, option.default))
        wrong = [v for v in values if v not in option.values]
        if wrong:
            problems.append(OptionProblem(option.name, "unknown", ",".join(wrong), option.values))
        elif option.multiple:
            parsed[option.name] = frozenset(option.type(v) for v in values)
        else:
            parsed[option.name] = option.type(values[0])
    if problems:
        raise InvalidOptions(problems)
    return parsed


def _split(option: ExportOption, raw: str) -> list[str]:
    if option.multiple:
        return [v.strip() for v in raw.split(",") if v.strip()]
    return [raw]
