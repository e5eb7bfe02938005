import pytest

from designer.importers.plan_table import (
    FIELD_LABELS,
    FIELDS,
    SYNONYMS,
    guess_field,
    parse_clock,
    parse_date,
    parse_duration,
    parse_int_range,
    parse_period,
    parse_range,
    parse_term,
)


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        (30, 30),
        (12.5, 12),
        ("45", 45),
        ("30 min", 30),
        ("30 Min.", 30),
        ("20 Minuten", 20),
        ("90'", 90),
        ("90’", 90),
        ("1,5 h", 90),
        ("1.5 Std.", 90),
        ("2 Stunden", 120),
        ("1 h 30 min", 90),
        ("1:30 h", 90),
        ("0:45", 45),
        ("09:00–09:30", 30),
        ("9.00-9.30", 30),
        ("10:15 - 10:30 Uhr", 15),
        ("23:30–00:15", 45),
        ("", None),
        ("nach Bedarf", None),
    ],
)
def test_durations(value, minutes):
    assert parse_duration(value) == minutes


def test_ranges_and_clocks():
    assert parse_range("09:00–09:30\n30 min") == (540, 570)
    assert parse_range("9.00 bis 10.15") == (540, 615)
    assert parse_range("30 min") is None
    assert parse_clock("9.30 Uhr") == 570
    assert parse_clock("25:00") is None


@pytest.mark.parametrize(
    ("vocabulary", "value", "expected"),
    [
        ("social_form", "Einzelarbeit", "individual"),
        ("social_form", "GA", "group"),
        ("social_form", "EA/PA", "individual"),
        ("social_form", "Plenum", "plenary"),
        ("social_form", "Pair work", "pair"),
        ("social_form", "Stuhlkreis", None),
        ("delivery_mode", "Präsenz", "on_site"),
        ("delivery_mode", "online", "self_paced_online"),
        ("delivery_mode", "Live online", "live_online"),
        ("delivery_mode", "Webinar", "live_online"),
        ("delivery_mode", "at_workplace", "at_workplace"),
        ("learning_type", "Übung", "practice"),
        ("learning_type", "Collaboration", "collaboration"),
        ("activity_kind", "Live-Termin", "live_session"),
        ("bloom_level", "Analysieren", "analyze"),
        ("language", "Englisch", "en"),
    ],
)
def test_terms(vocabulary, value, expected):
    assert parse_term(vocabulary, value) == expected


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Zeit", "time"),
        ("Zeit (min)", "duration"),
        ("Dauer in Minuten", "duration"),
        ("Inhalt / Aktivität", "summary"),
        ("Thema", "title"),
        ("Phase", "module"),
        ("Phase / Nugget", "title"),
        ("Medien / Material", "media"),
        ("Lernziel(e)", "objectives"),
        ("Sozialform:", "social_form"),
        ("Didaktischer Kommentar", "rationale"),
        ("Social form", "social_form"),
        ("Learning objective", "objectives"),
        ("Betrag in €", None),
        ("", None),
    ],
)
def test_header_synonyms(header, field):
    assert guess_field(header) == field


def test_dates_and_ranges():
    assert parse_date("01.02.2027") == "2027-02-01"
    assert parse_date("1.2.27") == "2027-02-01"
    assert parse_date("31.02.2027") is None
    assert parse_period("01.02.2027 – 26.03.2027") == ("2027-02-01", "2027-03-26")
    assert parse_int_range("8 bis 16") == (8, 16)
    assert parse_int_range("16–8") is None


def test_every_field_has_synonyms_and_a_label_for_the_mapping_page():
    assert set(FIELDS) == set(SYNONYMS)
    for name in FIELDS:
        de, en = FIELD_LABELS[name]
        assert guess_field(de) == name and guess_field(en) == name
