"""Rules on accessibility: alternative texts, captions, readable text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.readability import reading_ease, text_stats
from designer.quality.text import html_blocks, html_images, quote


@rule(
    "accessibility.image_alt",
    severity="error",
    category="accessibility",
    title_de="Bild ohne Alternativtext",
    title_en="Image without alternative text",
)
def image_alt(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Image assets need an alt text. In a nugget's HTML every <img> needs an alt
    attribute; `alt=""` is allowed, it marks a decorative image (WCAG 1.1.1)."""
    for asset in snap.assets:
        if asset.mimetype.startswith("image/") and not asset.alt_text.strip():
            yield Issue(
                "asset",
                asset.key,
                f"Das Bild {quote(asset.filename, 'de')} hat keinen Alternativtext. "
                "Beschreiben Sie in einem Satz, was das Bild zeigt, damit Screenreader es "
                "vorlesen können.",
                f"The image {quote(asset.filename, 'en')} has no alternative text. Describe in "
                "one sentence what it shows so that screen readers can read it out.",
            )
    for nugget in snap.nuggets:
        for image in html_images(nugget.content_html):
            if image.get("alt") is None:
                source = image.get("src") or "?"
                yield Issue(
                    "nugget",
                    nugget.key,
                    f"Im Nugget {quote(nugget.title, 'de')} hat das Bild "
                    f"{quote(source, 'de')} keinen Alternativtext. Ergänzen Sie ihn (bei reinem "
                    "Schmuck: leerer Alternativtext).",
                    f"In the nugget {quote(nugget.title, 'en')} the image {quote(source, 'en')} "
                    "has no alternative text. Add one (for pure decoration: an empty one).",
                )


@rule(
    "accessibility.video_captions",
    severity="warning",
    category="accessibility",
    title_de="Video ohne Untertitel oder Transkript",
    title_en="Video without captions or transcript",
)
def video_captions(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for nugget in snap.nuggets:
        if nugget.has_video and not nugget.captions_available:
            yield Issue(
                "nugget",
                nugget.key,
                f"Das Video im Nugget {quote(nugget.title, 'de')} hat weder Untertitel noch "
                "Transkript. Ergänzen Sie eines davon, damit Gehörlose und Lernende ohne Ton "
                "folgen können.",
                f"The video in the nugget {quote(nugget.title, 'en')} has neither captions nor "
                "a transcript. Add one so that deaf learners and learners without sound can "
                "follow.",
            )


@rule(
    "accessibility.readability",
    severity="hint",
    category="accessibility",
    title_de="Schwer lesbarer Text",
    title_en="Text that is hard to read",
    params=(
        Param(
            "min_score",
            40.0,
            "Niedrigster Lesbarkeitsindex (Flesch bzw. Amstad, 0–100)",
            "Lowest reading-ease score (Flesch or Amstad, 0–100)",
        ),
        Param(
            "min_words",
            100,
            "Nur Texte ab dieser Zahl von Wörtern prüfen",
            "Check only texts of at least this many words",
        ),
    ),
)
def readability(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Scores each nugget's text in the design's language: Amstad for German, Flesch for
    English. Short texts are skipped: the scores mean little for a few sentences."""
    lang = snap.language
    formula = "Flesch" if lang == "en" else "Amstad"
    for nugget in snap.nuggets:
        stats = text_stats(html_blocks(nugget.content_html), lang)
        if stats.words < params["min_words"]:
            continue
        score = reading_ease(stats, lang)
        if score >= params["min_score"]:
            continue
        yield Issue(
            "nugget",
            nugget.key,
            f"Der Text von {quote(nugget.title, 'de')} ist schwer lesbar (Lesbarkeitsindex "
            f"nach {formula} {score:.0f}, Ziel mindestens {params['min_score']:g}; im Schnitt "
            f"{stats.words_per_sentence:.0f} Wörter je Satz). Kürzere Sätze und einfachere "
            "Wörter helfen.",
            f"The text of {quote(nugget.title, 'en')} is hard to read ({formula} reading "
            f"ease {score:.0f}, target at least {params['min_score']:g}; on average "
            f"{stats.words_per_sentence:.0f} words per sentence). Shorter sentences and "
            "simpler words help.",
        )


RULES = (image_alt, video_captions, readability)
