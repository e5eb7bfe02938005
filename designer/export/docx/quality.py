"""The quality report as a Word document.

The automatic checks and the sign-offs come from outside the snapshot: the quality
engine and the reviews. The exporter receives them as a `QualityData` object (the
shape below is all this document reads). Without it the report says plainly that no
check data was supplied; it never invents results. Key figures computed from the
snapshot itself (workload, objective coverage) are always there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from docx.document import Document

from designer.core.analytics import analyse
from designer.core.snapshot import DesignSnapshot
from designer.export.docx.facts import course_facts, workload_sentence
from designer.export.docx.layout import (
    date_text,
    new_document,
    share_widths,
    table,
    title_page,
    usable_width,
)
from designer.export.docx.texts import t


class Finding(Protocol):
    """One result of an automatic rule."""

    @property
    def rule_title(self) -> str: ...  # the rule as people name it, in the design's language
    @property
    def severity(self) -> str: ...  # "error" | "warning" | "hint"
    @property
    def message(self) -> str: ...  # in the design's language
    @property
    def target(self) -> str: ...  # what it concerns (module or nugget title), may be ""


class Review(Protocol):
    """One sign-off (or request for changes) of a reviewer."""

    @property
    def reviewer(self) -> str: ...
    @property
    def decision(self) -> str: ...  # "approved" | "changes_requested"
    @property
    def signed_at(self) -> str: ...  # ISO date or date-time
    @property
    def version(self) -> Version | None: ...  # the version signed off
    @property
    def comment(self) -> str: ...


class Version(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def stored_on(self) -> str: ...  # ISO date


class QualityData(Protocol):
    """What the quality report prints besides the snapshot (`ExportContext.quality`)."""

    @property
    def findings(self) -> Sequence[Finding]: ...
    @property
    def reviews(self) -> Sequence[Review]: ...
    @property
    def version(self) -> Version | None: ...  # the latest stored version
    @property
    def changed_since(self) -> bool: ...  # changed after that version


def build(snap: DesignSnapshot, quality: QualityData | None) -> Document:
    doc = new_document(snap, "quality")
    title_page(doc, snap, "quality", course_facts(snap))
    width = usable_width(doc.sections[0])
    lang = snap.language
    doc.add_heading(t("version", lang), level=1)
    doc.add_paragraph(_state(quality, lang))
    _figures(doc, snap, width)
    _automatic(doc, lang, quality, width)
    _reviews(doc, lang, quality, width)
    return doc


def _state(quality: QualityData | None, lang: str) -> str:
    """ "Fassung 7 vom 30.11.2026", and whether the design changed since."""
    if quality is None or quality.version is None:
        return t("no_version", lang)
    text = _version(quality.version, lang)
    return t("changed_since", lang, version=text) if quality.changed_since else text


def _version(version: Version | None, lang: str) -> str:
    if version is None:
        return "—"
    return t("version_of", lang, n=version.number, date=date_text(version.stored_on, lang))


def _figures(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    stats = analyse(snap)
    doc.add_heading(t("figures", lang), level=1)
    doc.add_paragraph(workload_sentence(stats, lang))
    doc.add_heading(t("coverage", lang), level=2)
    if not stats.alignment:
        doc.add_paragraph(t("no_objectives", lang))
        return
    titles = {n.key: n.title for n in snap.nuggets}
    rows = [
        [
            a.text,
            "\n".join(titles[k] for k in a.nuggets) or t("none", lang),
            "\n".join(titles[k] for k in a.assessed_by) or t("none", lang),
        ]
        for a in stats.alignment
    ]
    headers = [t(k, lang) for k in ("objective", "covered_by", "assessed_by")]
    table(doc, headers, rows, share_widths(width, (4, 2.6, 2.6)))


def _automatic(doc: Document, lang: str, quality: QualityData | None, width: int) -> None:
    doc.add_heading(t("automatic", lang), level=1)
    if quality is None:
        doc.add_paragraph(t("no_quality_data", lang))
        return
    if not quality.findings:
        doc.add_paragraph(t("no_findings", lang))
        return
    rows = [
        [_severity(f.severity, lang), f.message, f.target, f.rule_title] for f in quality.findings
    ]
    headers = [t(k, lang) for k in ("severity", "finding", "concerns", "rule")]
    table(doc, headers, rows, share_widths(width, (1.2, 4.4, 2, 1.6)))


def _severity(value: str, lang: str) -> str:
    value = "info" if value == "hint" else value
    return t(value, lang) if value in ("error", "warning", "info") else value


def _reviews(doc: Document, lang: str, quality: QualityData | None, width: int) -> None:
    doc.add_heading(t("sign_offs", lang), level=1)
    if quality is None or not quality.reviews:
        doc.add_paragraph(t("no_reviews", lang))
        return
    rows = [
        [
            r.reviewer,
            t(r.decision, lang) if r.decision in ("approved", "changes_requested") else r.decision,
            _signed_at(r.signed_at, lang),
            _version(r.version, lang),
            r.comment,
        ]
        for r in quality.reviews
    ]
    headers = [t(k, lang) for k in ("reviewer", "decision", "signed_at", "version", "comment")]
    table(doc, headers, rows, share_widths(width, (2, 1.6, 1.6, 1.8, 3)))


def _signed_at(iso: str, lang: str) -> str:
    """ "30.11.2026 14:05" from an ISO date or date-time."""
    day, _, clock = iso.partition("T")
    return f"{date_text(day, lang)} {clock[:5]}".strip()
