"""Word exports: one format `docx` whose option `document` picks the document kind.

One module per document kind (grobkonzept, feinkonzept, quality, offer); `layout`
holds the page setup, header/footer and tables they share, `texts` every printed text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from docx.document import Document

from designer.core.snapshot import DesignSnapshot
from designer.export.docx import feinkonzept, grobkonzept, offer, quality
from designer.export.options import ExportOption
from designer.export.registry import ExportContext, ExportFormat

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


_BUILDERS: dict[str, Callable[[DesignSnapshot, ExportContext], Document]] = {
    "grobkonzept": lambda snap, ctx: grobkonzept.build(snap),
    "feinkonzept": lambda snap, ctx: feinkonzept.build(snap),
    "quality": lambda snap, ctx: quality.build(snap, ctx.quality),
    "offer": lambda snap, ctx: offer.build(snap),
}


def build(snap: DesignSnapshot, ctx: ExportContext) -> Document:
    """The Word document the option `document` asks for."""
    return _BUILDERS[ctx.options[DOCUMENT_OPTION.name]](snap, ctx)


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
