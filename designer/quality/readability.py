"""Readability scores of plain text: Flesch reading ease (English) and its German
adaptation by Amstad (1978). Both run from 0 (very hard) to 100 (very easy); 60–70 is
plain language, below 30 reads like academic prose.

Syllables are estimated from vowel groups, as readability tools usually do; the score
is a hint for authors, not a measurement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)")
_VOWELS = {"de": re.compile(r"[aeiouyäöü]+"), "en": re.compile(r"[aeiouy]+")}


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words


def syllables(word: str, lang: str) -> int:
    lower = word.casefold()
    count = len(_VOWELS["en" if lang == "en" else "de"].findall(lower))
    if lang == "en" and lower.endswith("e") and not lower.endswith(("le", "ee")) and count > 1:
        count -= 1  # silent final e: "make", "course"
    return max(count, 1)


def text_stats(blocks: list[str], lang: str) -> TextStats:
    """Counts over text blocks; each block ends at least one sentence."""
    words = sentences = syllable_count = 0
    for block in blocks:
        block_words = _WORD.findall(block)
        if not block_words:
            continue
        words += len(block_words)
        syllable_count += sum(syllables(w, lang) for w in block_words)
        ends = len(_SENTENCE_END.findall(block))
        unfinished = block.rstrip()[-1] not in ".!?;:"
        sentences += ends + (1 if unfinished else 0)
    return TextStats(words, sentences, syllable_count)


def reading_ease(stats: TextStats, lang: str) -> float:
    """Flesch reading ease for English, Amstad's German version otherwise."""
    if lang == "en":
        return 206.835 - 1.015 * stats.words_per_sentence - 84.6 * stats.syllables_per_word
    return 180.0 - stats.words_per_sentence - 58.5 * stats.syllables_per_word
