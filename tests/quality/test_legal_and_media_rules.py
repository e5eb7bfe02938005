from dataclasses import replace

import pytest

from tests.quality.builders import example, findings, targets, with_nugget


def test_plain_link_needs_only_its_source():
    assert findings(example(), "legal.license") == []  # N10: link, no licence, source named
    no_source = with_nugget(example(), "N10", attribution="")
    found = findings(no_source, "legal.license")
    assert targets(found) == [("nugget", "N10")]
    assert "weder eine Lizenz noch eine Quellenangabe" in found[0].message_de


def test_link_with_own_text_needs_a_licence():
    snap = with_nugget(example(), "N10", content_html="<p>Lesen Sie Kapitel 3.</p>")
    assert targets(findings(snap, "legal.license")) == [("nugget", "N10")]


def test_link_exemption_is_a_parameter():
    found = findings(example(), "legal.license", link_kinds=[])
    assert targets(found) == [("nugget", "N10")]
    assert "keine Lizenz" in found[0].message_de


@pytest.mark.parametrize(
    ("changes", "words"),
    [({"license": ""}, "keine Lizenz"), ({"attribution": ""}, "keine Quellenangabe")],
)
def test_asset_licence_and_attribution(changes, words):
    snap = example()
    snap = replace(snap, assets=(replace(snap.assets[0], **changes), snap.assets[1]))
    found = findings(snap, "legal.license")
    assert targets(found) == [("asset", "A1")]
    assert words in found[0].message_de and "„persona.png“" in found[0].message_de


def test_rationale_needed_for_media_even_on_site():
    assert findings(with_nugget(example(), "N11", rationale=""), "media.no_rationale")
    quiet = with_nugget(example(), "N11", rationale="", media="")
    assert findings(quiet, "media.no_rationale") == []
    assert (
        findings(with_nugget(example(), "N3", rationale="", media=""), "media.no_rationale") == []
    )
