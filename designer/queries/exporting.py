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
from designer.export.formats import get_format
from designer.export.registry import ExportContext, ExportFormat
from designer.models import Design
from designer.queries.quality import quality_record
from designer.queries.read_model import snapshot


def download_name(design: Design, fmt: ExportFormat) -> str:
    ascii_title = unicodedata.normalize("NFKD", design.title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-")[:60] or f"design-{design.id}"
    return f"{stem}.{fmt.extension}"


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
    return fmt, lambda out: fmt.write(snap, out, ctx)
