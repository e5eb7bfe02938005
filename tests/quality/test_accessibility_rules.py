from dataclasses import replace

from designer.core.snapshot import Asset
from tests.quality.builders import example, findings, targets, with_nugget


def test_decorative_image_with_empty_alt_is_fine():
    html = '<p>Trenner</p><img src="linie.png" alt=""><IMG SRC="logo.png" ALT="Logo">'
    assert (
        findings(with_nugget(example(), "N4", content_html=html), "accessibility.image_alt") == []
    )


def test_image_without_alt_attribute_names_its_source():
    html = '<p>Schaubild</p><img src="samr.png" title="SAMR">'
    found = findings(with_nugget(example(), "N4", content_html=html), "accessibility.image_alt")
    assert targets(found) == [("nugget", "N4")]
    assert "„samr.png“" in found[0].message_de


def test_only_image_assets_need_alt_text():
    snap = example()
    pdf = Asset("A3", "handout.pdf", "application/pdf", license="CC0", attribution="Team")
    svg = Asset("A4", "plan.svg", "image/svg+xml", alt_text="  ", license="CC0", attribution="x")
    snap = replace(snap, assets=(*snap.assets, pdf, svg))
    assert targets(findings(snap, "accessibility.image_alt")) == [("asset", "A4")]


HARD_ENGLISH = (
    "Organisational implementation of interdisciplinary qualification initiatives "
    "necessitates continuous consideration of heterogeneous administrative circumstances, "
    "infrastructural preconditions and individual educational biographies of participating "
    "employees, particularly regarding technological transformation. "
)
PLAIN_ENGLISH = "We meet on Monday. You bring a task from your job. We work on it in pairs. "


def test_readability_uses_flesch_for_english_designs():
    snap = replace(
        with_nugget(example(), "N4", content_html=f"<p>{HARD_ENGLISH * 5}</p>"), language="en"
    )
    found = findings(snap, "accessibility.readability")
    assert targets(found) == [("nugget", "N4")]
    assert "Flesch reading ease" in found[0].message_en
    plain = with_nugget(snap, "N4", content_html=f"<p>{PLAIN_ENGLISH * 10}</p>")
    assert findings(plain, "accessibility.readability") == []


def test_readability_skips_short_texts_and_threshold_is_a_parameter():
    hard = with_nugget(example(), "N4", content_html=f"<p>{HARD_ENGLISH}</p>")
    assert findings(hard, "accessibility.readability") == []
    assert findings(hard, "accessibility.readability", min_words=10)
    simple = "<p>Wir treffen uns am Montag. Sie bringen eine Aufgabe mit. Wir üben zu zweit.</p>"
    easy = with_nugget(example(), "N4", content_html=simple * 10)
    assert findings(easy, "accessibility.readability") == []
    assert findings(easy, "accessibility.readability", min_score=100.0)
