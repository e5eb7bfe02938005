"""Checks an Office file (.xlsx, .docx) before a parser sees it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from designer.importers.base import ImportRefused
from designer.importers.safezip import check_zip

# openpyxl and python-docx hold the whole unpacked document in memory.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024


def check_office_file(path: Path, kind: str, required_member: str) -> None:
    """Refuse anything that is not a sane Office zip holding `required_member`.

    `kind` names the expected document in messages ("an Excel workbook (.xlsx)").
    """
    if not zipfile.is_zipfile(path):
        raise ImportRefused([f"{path.name}: not {kind} (the file is not a zip archive)"])
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, path.name)
            names = set(zf.namelist())
            unpacked = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile:
        raise ImportRefused([f"{path.name}: not {kind} (damaged zip archive)"]) from None
    if required_member not in names:
        raise ImportRefused([f"{path.name}: not {kind} ({required_member} is missing)"])
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRefused(
            [f"{path.name}: unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MiB"]
        )
