"""What the export page, the API and the command line say about export options they
refuse: one text per problem, in German or English from the catalogue."""

from __future__ import annotations

from flask_babel import gettext as _

from designer.export.options import InvalidOptions, OptionProblem


def problem_text(problem: OptionProblem) -> str:
    allowed = ", ".join(problem.allowed)
    if problem.code == "unknown_option" and allowed:
        return _(
            "This format has no option %(name)s (its options: %(allowed)s).",
            name=problem.name,
            allowed=allowed,
        )
    if problem.code == "unknown_option":
        return _("This format has no options (%(name)s was given).", name=problem.name)
    return _(
        "Option %(name)s: “%(value)s” is not allowed (choose from: %(allowed)s).",
        name=problem.name,
        value=problem.value,
        allowed=allowed,
    )


def problem_texts(exc: InvalidOptions) -> dict[str, str]:
    """Option name → the text saying what is wrong with it."""
    return {p.name: problem_text(p) for p in exc.problems}
