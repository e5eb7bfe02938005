"""Every export format, listed once: the table the CLI, the export page and the API look
formats up in. The format packages import only the data types of `registry`, so this
list is the one module that knows them all (adding a format means adding it here)."""

from __future__ import annotations

from designer.export import docx, jsonfmt, moodle, scorm, xlsx
from designer.export.registry import ExportFormat

_FORMATS: dict[str, ExportFormat] = {
    f.key: f
    for f in (
        *jsonfmt.FORMATS,
        *scorm.FORMATS,
        *moodle.FORMATS,
        docx.FORMAT,
        xlsx.FORMAT,
    )
}


class UnknownFormat(KeyError):
    pass


def formats() -> dict[str, ExportFormat]:
    """Format key → format, in the order the export page shows them."""
    return dict(_FORMATS)


def get_format(key: str) -> ExportFormat:
    try:
        return _FORMATS[key]
    except KeyError:
        raise UnknownFormat(
            f"unknown export format {key!r} (known: {', '.join(_FORMATS)})"
        ) from None
