"""Didactic templates, Bloom verbs, the Verlaufsplan and the wizard steps, without an app."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from designer.core import bloom, didactic_templates
from designer.core.snapshot import Module, Schedule, from_json, to_json
from designer.core.verlaufsplan import verlaufsplan
from designer.core.vocab import BLOOM_LEVELS, VOCABULARIES
from designer.web import wizard_steps
from tests.paths import EXAMPLE_JSON


@pytest.mark.parametrize("template", didactic_templates.TEMPLATES, ids=lambda t: t.key)
@pytest.mark.parametrize("language", ["de", "en"])
def test_templates_are_complete_valid_designs(template, language):
    snap = didactic_templates.template_snapshot(template, language, "Titel")
    assert from_json(to_json(snap)) == snap  # passes the interchange format's checks
    assert didactic_templates.pick(template.name, language)
    assert didactic_templates.pick(template.description, language)
    for nugget in snap.nuggets:
        assert nugget.title and nugget.method and nugget.author_note
        assert nugget.duration_minutes > 0
        assert nugget.learning_type in VOCABULARIES["learning_type"]
        assert nugget.delivery_mode in VOCABULARIES["delivery_mode"]
        assert nugget.social_form in VOCABULARIES["social_form"]
    for module in snap.modules:
        assert module.title and module.description and module.placements


# How an instruction to the author begins (German formal address, English imperative).
AUTHOR_INSTRUCTION = re.compile(
    r"(Legen|Beschreiben|Notieren|Formulieren|Geben|Nennen|Stellen|Sammeln|Wählen|Fassen|"
    r"Gruppieren|Bitten|Fragen) Sie\b|^(Add|Ask|Describe|Note|Write|Give|Name|Choose|Decide|"
    r"Summarise|Formulate)\b"
)


@pytest.mark.parametrize("template", didactic_templates.TEMPLATES, ids=lambda t: t.key)
@pytest.mark.parametrize("language", ["de", "en"])
def test_template_instructions_are_notes_for_authors_not_learner_content(template, language):
    snap = didactic_templates.template_snapshot(template, language, "Titel")
    for nugget in snap.nuggets:
        # A placeholder has no learner content yet; its instructions are for the author.
        assert nugget.summary == nugget.content_html == "" and nugget.questions == ()
        assert nugget.author_note
    assert not snap.nuggets or any(AUTHOR_INSTRUCTION.search(n.author_note) for n in snap.nuggets)
    # Module descriptions reach learners (Moodle section summaries): no instructions there.
    for module in snap.modules:
        assert not AUTHOR_INSTRUCTION.search(module.description), module.description


def test_the_example_instruction_sits_in_the_note():
    de = didactic_templates.template_snapshot(didactic_templates.BLENDED, "de", "x")
    quiz = next(n for n in de.nuggets if n.title == "Übung mit Rückmeldung")
    assert quiz.author_note.startswith("Legen Sie fünf Fragen an, deren Feedback erklärt")
    assert "Legen Sie" not in json.dumps([n.summary for n in de.nuggets], ensure_ascii=False)


def test_the_six_required_templates():
    keys = [t.key for t in didactic_templates.TEMPLATES]
    assert keys == ["blank", "blended", "live_online", "seminar", "flipped", "workshop_series"]
    assert didactic_templates.template_snapshot(didactic_templates.BLANK, "de", "x").nuggets == ()


def test_templates_differ_between_languages():
    de = didactic_templates.template_snapshot(didactic_templates.BLENDED, "de", "x")
    en = didactic_templates.template_snapshot(didactic_templates.BLENDED, "en", "x")
    assert de.modules[0].title == "Auftakt live online"
    assert en.modules[0].title == "Live online kick-off"
    assert [n.learning_type for n in de.nuggets] == [n.learning_type for n in en.nuggets]


def test_blended_mixes_online_live_and_workplace():
    snap = didactic_templates.template_snapshot(didactic_templates.BLENDED, "de", "x")
    modes = {p.delivery_mode for p in snap.placed()}
    assert {"self_paced_online", "live_online", "at_workplace"} <= modes


def test_live_online_inputs_are_short_and_followed_by_interaction():
    snap = didactic_templates.template_snapshot(didactic_templates.LIVE_ONLINE, "en", "x")
    for module in snap.modules:
        placed = snap.module_placed(module)
        for here, following in zip(placed, placed[1:], strict=False):
            if here.nugget.learning_type == "acquisition":
                assert here.duration_minutes <= 10
                assert following.nugget.learning_type != "acquisition"


def test_workshop_series_starts_with_a_world_cafe():
    snap = didactic_templates.template_snapshot(didactic_templates.WORKSHOP_SERIES, "de", "x")
    kick_off = snap.module_placed(snap.modules[0])
    assert any(p.nugget.method == "World Café" for p in kick_off)
    assert snap.module_placed(snap.modules[1])[0].delivery_mode == "live_online"


def test_unknown_template():
    with pytest.raises(KeyError):
        didactic_templates.get_template("nope")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Teilnehmenden verstehen das SAMR-Modell.", ["verstehen"]),
        ("Die TN lernen kennen, wie Foren funktionieren.", ["lernen kennen"]),
        ("Die TN kennenlernen Methoden", ["kennenlernen"]),
        ("Participants will know the basics and understand SAMR.", ["understand", "know"]),
        ("Participants learn about personas.", ["learn about"]),
        ("Participants are familiar with Moodle.", ["are familiar with"]),
        ("Die Teilnehmenden erläutern das SAMR-Modell.", []),
        ("Participants explain the knowledge gap.", []),  # "knowledge" is not "know"
        ("Die TN erkennen Muster.", []),  # "erkennen" is not "kennen"
    ],
)
def test_vague_verbs(text, found):
    assert bloom.vague_verbs(text) == found


def test_every_bloom_level_has_verbs_in_both_languages():
    assert set(bloom.VERBS) == set(BLOOM_LEVELS)
    for level in BLOOM_LEVELS:
        assert len(bloom.verbs_for(level, "de")) >= 3
        assert len(bloom.verbs_for(level, "en")) >= 3
        for verb in bloom.verbs_for(level, "de") + bloom.verbs_for(level, "en"):
            assert not bloom.vague_verbs(verb), verb
    data = bloom.client_data()
    assert "verstehen" in data["vague"]["de"] and "know" in data["vague"]["en"]


def test_verlaufsplan_elapsed_and_clock_times():
    snap = from_json(Path(EXAMPLE_JSON).read_bytes())
    plans = verlaufsplan(snap)
    first = plans[0]
    assert [(r.start, r.end) for r in first.rows] == [
        ("0:00", "0:30"),
        ("0:30", "0:50"),
        ("0:50", "1:50"),
    ]
    assert first.minutes == 110 and first.elapsed
    last = plans[-1].rows[-1]
    assert (last.start, last.end, last.clock, last.date) == ("09:00", "16:00", True, "2027-03-26")


def test_verlaufsplan_of_a_scheduled_module():
    snap = from_json(Path(EXAMPLE_JSON).read_bytes())
    module = replace(snap.modules[0], schedule=Schedule(date="2027-02-01", start="13:45"))
    plan = verlaufsplan(replace(snap, modules=(module,)))[0]
    assert [(r.start, r.end) for r in plan.rows] == [
        ("13:45", "14:15"),
        ("14:15", "14:35"),
        ("14:35", "15:35"),
    ]
    assert not plan.elapsed


def test_verlaufsplan_of_an_empty_module():
    snap = from_json(Path(EXAMPLE_JSON).read_bytes())
    empty = Module(key="M9", title="Leer", placements=())
    assert verlaufsplan(replace(snap, modules=(empty,)))[0].rows == ()


def test_wizard_resumes_at_first_incomplete_step():
    full = {name: "x" for name in wizard_steps.ALL_FIELDS}
    full["planned_workload_minutes"] = 600
    assert wizard_steps.first_incomplete({}, 0).key == "audience"
    assert wizard_steps.first_incomplete(full, 0).key == "objectives"
    assert wizard_steps.first_incomplete(full, 2).key == "audience"  # all done: start over
    assert wizard_steps.first_incomplete({**full, "evaluation_plan": ""}, 1).key == "assessment"
    assert [s.key for s in wizard_steps.STEPS] == [
        "audience",
        "prerequisites",
        "objectives",
        "frame",
        "assessment",
        "offer",
    ]
    assert set(wizard_steps.ALL_FIELDS) == set(wizard_steps.FIELD_HELP)


def test_german_catalogue_is_complete():
    from babel.messages.pofile import read_po

    from designer import PACKAGE_DIR

    path = PACKAGE_DIR / "translations" / "de" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalogue = read_po(fh)
    messages = [m for m in catalogue if m.id]
    assert len(messages) > 50
    assert all(m.string and not m.fuzzy for m in messages)
    assert (path.with_suffix(".mo")).stat().st_size > 0
