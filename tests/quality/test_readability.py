import pytest

from designer.quality.readability import reading_ease, syllables, text_stats
from designer.quality.text import html_blocks


@pytest.mark.parametrize(
    ("word", "lang", "count"),
    [
        ("Haus", "de", 1),
        ("Lernplattform", "de", 3),
        ("Qualifizierungsmaßnahmen", "de", 8),
        ("Übung", "de", 2),
        ("course", "en", 1),
        ("table", "en", 2),
        ("organisation", "en", 5),
        ("a", "en", 1),
        ("rhythm", "en", 1),
    ],
)
def test_syllable_estimate(word, lang, count):
    assert syllables(word, lang) == count


def test_blocks_end_sentences_and_markup_is_ignored():
    blocks = html_blocks(
        "<h2>Wer lernt bei uns</h2><p>Viele. Alle <b>gern</b>!</p><ul><li>Eins</li></ul>"
    )
    assert blocks == ["Wer lernt bei uns", "Viele. Alle gern!", "Eins"]
    stats = text_stats(blocks, "de")
    assert (stats.words, stats.sentences) == (8, 4)


def test_german_reading_ease_follows_amstad():
    # 6 words, 1 sentence, 9 syllables: 180 - 6 - 58.5 * 1.5
    stats = text_stats(["Wir lernen heute mit dem Tablet."], "de")
    assert (stats.words, stats.sentences, stats.syllables) == (6, 1, 9)
    assert reading_ease(stats, "de") == pytest.approx(86.25)


def test_english_reading_ease_follows_flesch():
    # 5 words, 1 sentence, 5 syllables: 206.835 - 1.015 * 5 - 84.6 * 1
    stats = text_stats(["We meet on the job."], "en")
    assert reading_ease(stats, "en") == pytest.approx(117.16)
