"""Run an export of a stored design into a file (streamed, never all in memory)."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import BinaryIO

from flask import current_app

from designer.core.assets import StoreAssets
from designer.core.characters import without_control
from designer.export.formats import formats, get_format
from designer.export.registry import ExportContext, ExportFormat
from designer.models import Design
from designer.queries.quality import quality_record
from designer.queries.read_model import snapshot

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _file_word(text: str) -> str:
    """Text as a safe part of a file name: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text.encode("ascii", "ignore").decode()).strip("-")


def download_name(
    design: Design, fmt: ExportFormat, options: Mapping[str, str] | None = None
) -> str:
    """The design's title, then what tells this download from the design's others: the
    document a Word export holds, the format where formats share an extension (SCORM
    1.2 and 2004)."""
    parts = [_file_word(design.title)[:60] or f"design-{design.id}"]
    for option in fmt.options:
        if option.name == "document":
            chosen = (options or {}).get(option.name, option.default)
            parts += [
                _file_word(c[1 if design.language == "de" else 2])
                for c in option.choices
                if c[0] == chosen
            ]
    if sum(1 for f in formats().values() if f.extension == fmt.extension) > 1:
        parts.append(_file_word(fmt.label))
    return f"{'-'.join(parts)}.{fmt.extension}"


def export_to_file(
    design: Design, format_key: str, target: Path, options: Mapping[str, str] | None = None
) -> ExportFormat:
    """Write the export next to `target` first and move it into place only when complete.

    `options` are the strings the user sent; raises InvalidOptions before anything is written.
    """
    fmt, write = _prepare(design, format_key, options)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-")
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return fmt


def export_to_stream(
    design: Design, format_key: str, options: Mapping[str, str] | None = None
) -> tuple[BinaryIO, int, ExportFormat]:
    """The export in an anonymous scratch file, rewound, with its size: the file has no
    name, so nothing stays on disk once the response closes it (or the worker dies).
    Raises InvalidOptions before anything is written."""
    fmt, write = _prepare(design, format_key, options)
    out = current_app.extensions["file_store"].scratch.file()
    try:
        write(out)
        size = out.tell()
        out.seek(0)
    except BaseException:
        out.close()
        raise
    return out, size, fmt


def _prepare(
    design: Design, format_key: str, options: Mapping[str, str] | None
) -> tuple[ExportFormat, Callable[[BinaryIO], None]]:
    """The format and a function that writes the export (options already checked)."""
    fmt = get_format(format_key)
    parsed = fmt.read_options(options or {})
    snap = snapshot(design)
    ctx = ExportContext(
        assets=StoreAssets(current_app.extensions["file_store"]),
        options=parsed,
        quality=quality_record(design, snap) if fmt.reads_quality else None,
    )
    # XML cannot hold control characters; a text stored before they were refused at the
    # edge must not make an export fail.
    snap, ctx = without_control(snap), without_control(ctx)
    return fmt, lambda out: fmt.write(snap, out, ctx)
