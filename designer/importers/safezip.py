"""Checks an archive before anything in it is read: unsafe paths, zip bombs, sizes."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import PurePosixPath

from designer.importers.base import ImportRefused

MAX_MEMBERS = 5000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # small members may compress very well without harm
# What opening or reading a damaged member raises: bad header or CRC, broken deflate
# stream, cut-off data, an unknown compression method, encryption (RuntimeError).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def unsafe_reason(name: str) -> str | None:
    """Why a member name is unsafe to extract, or None."""
    if not name or "\\" in name or "\x00" in name:
        return "contains a backslash or NUL byte"
    path = PurePosixPath(name)
    if path.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return "is an absolute path"
    if ".." in path.parts:
        return "leaves the archive folder (..)"
    return None


def check_zip(zf: zipfile.ZipFile, label: str) -> None:
    infos = zf.infolist()
    problems = []
    if len(infos) > MAX_MEMBERS:
        problems.append(f"{label}: more than {MAX_MEMBERS} files")
    total = 0
    for info in infos:
        reason = unsafe_reason(info.filename)
        if reason:
            problems.append(f"{label}: unsafe path {info.filename!r} {reason}")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            problems.append(f"{label}: {info.filename!r} expands too much (zip bomb?)")
    if total > MAX_TOTAL_BYTES:
        problems.append(f"{label}: unpacks to more than {MAX_TOTAL_BYTES // 2**20} MiB")
    if problems:
        raise ImportRefused(problems)


def open_checked(path: str, label: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ImportRefused([f"{label}: not a zip archive"]) from None
    try:
        check_zip(zf, label)
    except ImportRefused:
        zf.close()
        raise
    return zf


def read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read one member, refusing to read more than `limit` bytes whatever the header says."""
    try:
        with zf.open(name) as fh:
            data = fh.read(limit + 1)
    except DAMAGED as exc:
        raise ImportRefused([f"{name}: damaged in the archive ({exc})"]) from None
    if len(data) > limit:
        raise ImportRefused([f"{name}: larger than {limit // 2**20} MiB"])
    return data
