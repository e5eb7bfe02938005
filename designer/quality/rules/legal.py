"""Rules on rights and responsibility for content: licences, sources, AI output."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot, Nugget
from designer.core.vocab import ACTIVITY_KINDS
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import html_text, quote


def _link_only(nugget: Nugget, params: Mapping[str, Any]) -> bool:
    """A nugget that only points to content elsewhere copies nothing: naming the source
    is enough, the licence belongs to the linked site."""
    return (
        nugget.activity_kind in params["link_kinds"]
        and not html_text(nugget.content_html)
        and not nugget.assets
    )


def _issue(kind: str, key: str, what_de: str, what_en: str, lic: str, source: str) -> Issue:
    if not lic and not source:
        return Issue(
            kind,
            key,
            f"{what_de} hat weder eine Lizenz noch eine Quellenangabe. Tragen Sie ein, unter "
            "welcher Lizenz der Inhalt steht (z. B. CC BY 4.0) und von wem er stammt.",
            f"{what_en} has neither a licence nor an attribution. State its licence (e.g. "
            "CC BY 4.0) and where it comes from.",
        )
    if not lic:
        return Issue(
            kind,
            key,
            f"{what_de} hat keine Lizenz. Tragen Sie ein, unter welcher Lizenz der Inhalt "
            "genutzt werden darf (z. B. CC BY 4.0 oder „alle Rechte vorbehalten“).",
            f"{what_en} has no licence. State the licence under which it may be used (e.g. "
            "CC BY 4.0 or “all rights reserved”).",
        )
    return Issue(
        kind,
        key,
        f"{what_de} hat keine Quellenangabe. Nennen Sie Urheber*in oder Quelle, wie es die "
        "Lizenz verlangt.",
        f"{what_en} has no attribution. Name the author or source as the licence requires.",
    )


@rule(
    "legal.license",
    severity="warning",
    category="legal",
    title_de="Lizenz oder Quellenangabe fehlt",
    title_en="Licence or attribution missing",
    params=(
        Param(
            "link_kinds",
            ("url",),
            "Aktivitätsarten, bei denen ohne eigenen Inhalt die Quellenangabe genügt",
            "Activity kinds for which, without content of their own, an attribution suffices",
            ACTIVITY_KINDS,
        ),
    ),
)
def license_missing(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for nugget in snap.nuggets:
        lic, source = nugget.license.strip(), nugget.attribution.strip()
        if (lic and source) or (source and _link_only(nugget, params)):
            continue
        yield _issue(
            "nugget",
            nugget.key,
            f"Das Nugget {quote(nugget.title, 'de')}",
            f"The nugget {quote(nugget.title, 'en')}",
            lic,
            source,
        )
    for asset in snap.assets:
        lic, source = asset.license.strip(), asset.attribution.strip()
        if lic and source:
            continue
        yield _issue(
            "asset",
            asset.key,
            f"Die Datei {quote(asset.filename, 'de')}",
            f"The file {quote(asset.filename, 'en')}",
            lic,
            source,
        )


@rule(
    "legal.ai_unchecked",
    severity="error",
    category="content",
    title_de="KI-generierter Inhalt ungeprüft",
    title_en="AI-generated content not checked",
)
def ai_unchecked(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for nugget in snap.nuggets:
        if nugget.ai_generated and not nugget.ai_checked:
            yield Issue(
                "nugget",
                nugget.key,
                f"Das Nugget {quote(nugget.title, 'de')} ist als KI-generiert markiert und "
                "noch von niemandem geprüft. Lassen Sie es fachlich prüfen und markieren Sie "
                "es dann als geprüft.",
                f"The nugget {quote(nugget.title, 'en')} is marked as AI-generated and nobody "
                "has checked it yet. Have an expert check it, then mark it as checked.",
            )


RULES = (license_missing, ai_unchecked)
