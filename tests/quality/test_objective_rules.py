from dataclasses import replace

from designer.core.snapshot import Placement
from tests.quality.builders import (
    design,
    example,
    findings,
    nugget,
    targets,
    with_nugget,
    with_objective,
)


def test_unlinked_objective_is_not_also_reported_as_unassessed():
    snap = example()
    first = snap.modules[0]
    unlinked = replace(first, placements=tuple(Placement(p.nugget) for p in first.placements))
    m4 = snap.modules[3]
    m4 = replace(m4, placements=(*m4.placements[:2], Placement("N11", ("O2", "O3", "O4"))))
    snap = replace(snap, modules=(unlinked, snap.modules[1], snap.modules[2], m4))
    assert targets(findings(snap, "objective.no_nugget")) == [("objective", "O1")]
    assert findings(snap, "objective.not_assessed") == []


def test_organisational_nuggets_by_kind_tag_or_title():
    label = nugget("L", activity_kind="label", title="Hinweis")
    tagged = nugget("T", title="Ankommen", tags=("welcome",))
    titled = nugget("W", title="Welcome and introductions")
    plain = nugget("P", title="Ankommen im Kurs")
    snap = design({"M1": [(n, ()) for n in (label, tagged, titled, plain)]})
    assert targets(findings(snap, "objective.nugget_unlinked")) == [("nugget", "P")]


def test_organisational_terms_are_a_parameter():
    found = findings(example(), "objective.nugget_unlinked", organisational_terms=["Pause"])
    assert targets(found) == [("nugget", "N1")]
    assert "„Kennenlernen und Erwartungen“" in found[0].message_de
    assert "“Kennenlernen und Erwartungen”" in found[0].message_en


def test_nugget_placed_twice_without_objective_is_reported_once():
    n = nugget("N", title="Vertiefung")
    snap = design({"M1": [(n, ())], "M2": [(n, ())]})
    assert targets(findings(snap, "objective.nugget_unlinked")) == [("nugget", "N")]


def test_vague_verb_matches_whole_words_only():
    snap = with_objective(example(), "O1", text="Die Teilnehmenden erkennen Fehlerbilder.")
    assert findings(snap, "objective.vague_verb") == []
    snap = with_objective(example(), "O1", text="Die Teilnehmenden kennen die Fehlerbilder.")
    found = findings(snap, "objective.vague_verb")
    assert "„kennen“" in found[0].message_de


def test_vague_verb_uses_the_terms_of_the_design_language():
    snap = with_objective(example(), "O1", text="Participants understand SAMR.")
    assert findings(snap, "objective.vague_verb") == []
    english = replace(snap, language="en")
    found = findings(english, "objective.vague_verb")
    assert targets(found) == [("objective", "O1")]
    assert "“understand”" in found[0].message_en
    assert findings(english, "objective.vague_verb", vague_terms_en=["know"]) == []


def test_unassessed_objective_names_the_objective():
    snap = with_nugget(with_nugget(example(), "N9", assessment="none"), "N11", assessment="none")
    found = findings(snap, "objective.not_assessed")
    assert "Kursraum auf der Lernplattform" in found[0].message_de
