"""Word exports: one format `docx` whose option `document` picks the document kind.

One module per document kind (grobkonzept, feinkonzept, quality, offer); `layout`
holds the page setup, header/footer and tables they share, `texts` every printed text.
"""

from __future__ import annotations

from typing import BinaryIO

from docx.document import Document

from designer.core.snapshot import DesignSnapshot
from designer.export.docx import feinkonzept, grobkonzept, offer, quality
from designer.export.registry import ExportContext, ExportFormat, ExportOption

DOCUMENT_OPTION = ExportOption(
    name="document",
    label_de="Dokument",
    label_en="Document",
    choices=(
        ("grobkonzept", "Grobkonzept", "Course outline (Grobkonzept)"),
        ("feinkonzept", "Feinkonzept mit Verlaufsplan", "Detailed plan with Verlaufsplan"),
        ("quality", "Qualitätsbericht", "Quality report"),
        ("offer", "Angebot (eine Seite)", "Course offer (one page)"),
    ),
    default="feinkonzept",
)


def build(snap: DesignSnapshot, ctx: ExportContext) -> Document:
    """The Word document the option `document` asks for."""
    kind = ctx.options.get("document", DOCUMENT_OPTION.default)
    if kind == "grobkonzept":
        return grobkonzept.build(snap)
    if kind == "quality":
        return quality.build(snap, ctx.quality)
    if kind == "offer":
        return offer.build(snap)
    if kind == "feinkonzept":
        return feinkonzept.build(snap)
    known = ", ".join(value for value, _, _ in DOCUMENT_OPTION.choices)
    raise ValueError(f"unknown Word document {kind!r} (known: {known})")


def write_docx(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    build(snap, ctx).save(out)


FORMAT = ExportFormat(
    "docx",
    "Word",
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    write_docx,
    options=(DOCUMENT_OPTION,),
    reads_quality=True,
)
