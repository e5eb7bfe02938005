"""The field kinds: each accepts what is valid and refuses the rest with a code and a
message; the snapshot reader and the services refuse by the same rules."""

from datetime import date

import pytest

from designer.core import fields as f
from designer.core import snapshot as s
from designer.core.texts import translate
from designer.services.designs import _clean_grobkonzept
from designer.services.errors import Invalid
from designer.services.nuggets import clean_nugget_values

ACCEPTED = [
    (f.TEXT, "  Fachkräfte ", "Fachkräfte"),
    (f.TEXT, None, ""),
    (f.TITLE, "x" * 300, "x" * 300),
    (f.LICENSE, "CC BY 4.0", "CC BY 4.0"),
    (f.COUNT, 0, 0),
    (f.COUNT, None, None),
    (f.DURATION, f.MAX_DURATION, f.MAX_DURATION),
    (f.DURATION_OVERRIDE, None, None),
    (f.PASS_MARK, 1, 1),
    (f.PASS_MARK, 100, 100),
    (f.PASS_MARK_OVERRIDE, None, None),
    (f.PASS_MARK_OVERRIDE, 60, 60),
    (f.DATE, "2027-02-01", date(2027, 2, 1)),
    (f.DATE, "", None),
    (f.CLOCK, "09:30", "09:30"),
    (f.CLOCK, "", ""),
    (f.Choice("delivery_mode"), "live_online", "live_online"),
    (f.Choice("delivery_mode", optional=True), "", None),
    (f.URL, " https://example.org/a ", "https://example.org/a"),
    (f.URL, "", ""),
    (f.FLAG, True, True),
    (f.FLAG, None, False),
    (f.TAGS, [" b", "a", "b", ""], ["a", "b"]),
    (f.HTML, "<p>Hallo<script>x</script></p>", "<p>Hallo</p>"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), ACCEPTED)
def test_a_kind_accepts_a_valid_value_and_normalises_it(kind, value, expected):
    assert kind.clean(value) == expected


REFUSED = [
    (f.TEXT, 12, "invalid", "must be text"),
    (f.TITLE, "   ", "required", "must not be empty"),
    (f.TITLE, "x" * 301, "too_long", "at most 300 characters"),
    (f.LICENSE, "x" * 121, "too_long", "at most 120 characters"),
    (f.COUNT, -1, "not_a_number", "whole number ≥ 0"),
    (f.COUNT, "12", "not_a_number", "whole number"),
    (f.COUNT, True, "not_a_number", "whole number"),
    (f.COUNT, "", "not_a_number", "whole number"),
    (f.DURATION, f.MAX_DURATION + 1, "not_a_duration", f"≤ {f.MAX_DURATION}"),
    (f.DURATION, None, "not_a_duration", "whole number"),
    (f.PASS_MARK, 0, "not_a_pass_mark", "whole number ≥ 1 and ≤ 100, not 0"),
    (f.PASS_MARK, 101, "not_a_pass_mark", "≤ 100, not 101"),
    (f.PASS_MARK, "abc", "not_a_pass_mark", "not 'abc'"),
    (f.PASS_MARK, None, "not_a_pass_mark", "not None"),
    (f.PASS_MARK, 80.5, "not_a_pass_mark", "whole number"),
    (f.PASS_MARK_OVERRIDE, 0, "not_a_pass_mark", "≥ 1"),
    (f.DATE, "01.02.2027", "not_a_date", "YYYY-MM-DD"),
    (f.DATE, "20270201", "not_a_date", "YYYY-MM-DD"),
    (f.DATE, "2027-02-30", "not_a_date", "YYYY-MM-DD"),
    (f.CLOCK, "9:30", "not_a_time", "HH:MM"),
    (f.CLOCK, "24:00", "not_a_time", "HH:MM"),
    (f.Choice("delivery_mode"), "lecture", "unknown", "unknown value 'lecture'"),
    (f.Choice("delivery_mode"), None, "unknown", "allowed:"),
    (f.URL, "ftp://example.org", "invalid_url", "https://"),
    (f.URL, "https://", "invalid_url", "web address"),
    (f.FLAG, "yes", "invalid", "true or false"),
    (f.TAGS, ["a", 3], "invalid", "list of texts"),
]


@pytest.mark.parametrize(("kind", "value", "code", "message"), REFUSED)
def test_a_kind_refuses_an_invalid_value_with_code_and_message(kind, value, code, message):
    with pytest.raises(f.Refused) as refused:
        kind.clean(value)
    assert refused.value.code == code
    assert message in refused.value.message


def test_clean_all_collects_every_error_and_refuses_unknown_names():
    clean, errors = f.clean_all({"a": f.COUNT, "b": f.TEXT}, {"a": -1, "b": " ok ", "c": "x"})
    assert clean == {"b": "ok"}
    assert errors == {"a": "not_a_number", "c": "unknown_field"}


def test_order_rules_fire_and_stay_quiet():
    wrong = {
        "start_date": date(2027, 3, 1),
        "end_date": date(2027, 2, 1),
        "participants_min": 12,
        "participants_max": 8,
    }
    assert f.grobkonzept_order_problems(wrong) == {
        "end_date": "before_start",
        "participants_max": "below_min",
    }
    right = {**wrong, "end_date": date(2027, 3, 1), "participants_max": 12}
    assert f.grobkonzept_order_problems(right) == {}


def test_every_grobkonzept_field_has_a_kind_and_a_translated_label():
    names = (*f.GROBKONZEPT_TEXT_FIELDS, *f.GROBKONZEPT_INT_FIELDS, *f.GROBKONZEPT_DATE_FIELDS)
    assert set(f.GROBKONZEPT) == set(names)
    assert translate(f.GROBKONZEPT["target_group"].label, "de") == "Zielgruppe"
    assert translate(f.GROBKONZEPT["target_group"].label, "en") == "Target group"
    untranslated = [x.label for x in f.GROBKONZEPT.values() if translate(x.label, "de") == x.label]
    assert untranslated == ["Format"]  # the same word in German


# ----------------------------------------------------- the callers use the same rules


def _document(nugget: dict) -> dict:
    return {
        "format": s.FORMAT_NAME,
        "format_version": s.FORMAT_VERSION,
        "design": {"title": "Kurs", "nuggets": [{"key": "N1", "title": "Eins", **nugget}]},
    }


@pytest.mark.parametrize(
    ("nugget", "service_error", "reader_problem"),
    [
        ({"url": "ftp://example.org"}, "invalid_url", "nuggets[0].url: must be a web address"),
        ({"title": "x" * 301}, "too_long", "nuggets[0].title: must be at most 300"),
        ({"duration_minutes": f.MAX_DURATION + 1}, "not_a_duration", "duration_minutes"),
        ({"license": "x" * 121}, "too_long", "nuggets[0].license: must be at most 120"),
    ],
)
def test_reader_and_service_refuse_the_same_nugget_values(nugget, service_error, reader_problem):
    with pytest.raises(s.FormatError) as problems:
        s.from_dict(_document(nugget))
    assert any(reader_problem in p for p in problems.value.problems)
    name = next(iter(nugget))
    with pytest.raises(Invalid) as invalid:
        clean_nugget_values({"title": "Eins", **nugget})
    assert invalid.value.errors == {name: service_error}


def test_reader_and_service_accept_the_same_valid_nugget():
    values = {"url": "https://example.org", "duration_minutes": 45, "license": "CC BY 4.0"}
    snap = s.from_dict(_document(values))
    assert (snap.nuggets[0].url, snap.nuggets[0].duration_minutes) == ("https://example.org", 45)
    assert clean_nugget_values({"title": "Eins", **values})["duration_minutes"] == 45


def test_grobkonzept_service_refuses_what_the_reader_refuses():
    doc = _document({})
    doc["design"]["grobkonzept"] = {"start_date": "20270201", "participants_min": -1}
    with pytest.raises(s.FormatError) as problems:
        s.from_dict(doc)
    assert len(problems.value.problems) == 2
    with pytest.raises(Invalid) as invalid:
        _clean_grobkonzept({"start_date": "20270201", "participants_min": -1})
    assert invalid.value.errors == {"start_date": "not_a_date", "participants_min": "not_a_number"}
    clean = _clean_grobkonzept({"start_date": "2027-02-01", "participants_min": 8, "title": " K "})
    assert clean == {"start_date": date(2027, 2, 1), "participants_min": 8, "title": "K"}


@pytest.mark.parametrize("value", [0, 101, "abc"])
def test_reader_and_services_refuse_the_same_pass_marks(value):
    doc = _document({"pass_mark_percent": value})
    doc["design"]["grobkonzept"] = {"pass_mark_percent": value}
    with pytest.raises(s.FormatError) as problems:
        s.from_dict(doc)
    paths = sorted(p.split(": ")[1] for p in problems.value.problems)
    assert paths == ["design.grobkonzept.pass_mark_percent", "design.nuggets[0].pass_mark_percent"]
    with pytest.raises(Invalid) as invalid:
        _clean_grobkonzept({"pass_mark_percent": value})
    assert invalid.value.errors == {"pass_mark_percent": "not_a_pass_mark"}
    with pytest.raises(Invalid) as invalid:
        clean_nugget_values({"title": "Eins", "pass_mark_percent": value})
    assert invalid.value.errors == {"pass_mark_percent": "not_a_pass_mark"}


def test_a_quiz_without_its_own_pass_mark_takes_the_design_one():
    doc = _document({"pass_mark_percent": 60})
    doc["design"]["nuggets"].append({"key": "N2", "title": "Zwei"})
    doc["design"]["grobkonzept"] = {"pass_mark_percent": 70}
    snap = s.from_dict(doc)
    assert [snap.pass_mark(n) for n in snap.nuggets] == [60, 70]
    assert clean_nugget_values({"title": "Eins", "pass_mark_percent": None}) == {
        "title": "Eins",
        "pass_mark_percent": None,
    }
