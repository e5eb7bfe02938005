"""The design tokens (static/css/tokens.css): colours that carry text reach WCAG AA.

The ratios are computed from the token file itself, so a colour changed there is checked."""

from __future__ import annotations

import re

import pytest

from tests.paths import ROOT

TOKENS = ROOT / "static" / "css" / "tokens.css"
LEARNING_TYPES = (
    "acquisition",
    "inquiry",
    "practice",
    "production",
    "discussion",
    "collaboration",
)
TEXT = 4.5  # WCAG 2.1 AA, normal text
NON_TEXT = 3.0  # WCAG 2.1 AA, focus indicators and other graphics


def tokens() -> dict[str, str]:
    css = TOKENS.read_text(encoding="utf-8")
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_every_learning_type_has_a_colour():
    colours = tokens()
    assert {f"lt-{name}" for name in LEARNING_TYPES} <= colours.keys()
    assert len({colours[f"lt-{name}"] for name in LEARNING_TYPES}) == 6


@pytest.mark.parametrize("name", LEARNING_TYPES)
def test_learning_type_colours_carry_text(name):
    colours = tokens()
    colour = colours[f"lt-{name}"]
    assert contrast("#ffffff", colour) >= TEXT, "white text on the colour"
    assert contrast(colour, colours["card"]) >= TEXT, "the colour as text on a card"
    assert contrast(colour, colours["bg"]) >= TEXT, "the colour as text on the page"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("ink", "card"),
        ("ink", "bg"),
        ("muted", "card"),
        ("muted", "bg"),
        ("accent", "card"),
        ("accent", "bg"),
        ("accent-ink", "accent"),
        ("accent", "accent-soft"),
        ("header-ink", "header"),
        ("danger", "card"),
        ("ok", "card"),
        ("warn", "card"),
        ("warn", "warn-soft"),
    ],
)
def test_text_colours_reach_aa(text, surface):
    colours = tokens()
    assert contrast(colours[text], colours[surface]) >= TEXT


@pytest.mark.parametrize("surface", ["card", "bg", "header"])
def test_focus_ring_is_visible_on_every_surface(surface):
    colours = tokens()
    assert contrast(colours["focus"], colours[surface]) >= NON_TEXT


def test_a_failing_colour_would_be_caught():
    """The check fires: the old inquiry orange (#E08A1E) fails with white text."""
    assert contrast("#ffffff", "#e08a1e") < TEXT
