"""Which uploaded files are accepted: the type is read from the bytes, not the name.

A file is taken when its content is one of the allowed kinds AND its extension belongs to
that kind; the stored MIME type is the sniffed one, never what the browser claimed. SVG is
refused (it can carry scripts), as is anything unrecognised. `spool` copies an upload
aside, within a size limit, before it is checked.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from designer.storage.filestore import CHUNK

SNIFF_BYTES = 4096


@dataclass(frozen=True)
class FileKind:
    mimetype: str
    extensions: tuple[str, ...]


PNG = FileKind("image/png", (".png",))
JPEG = FileKind("image/jpeg", (".jpg", ".jpeg"))
GIF = FileKind("image/gif", (".gif",))
WEBP = FileKind("image/webp", (".webp",))
PDF = FileKind("application/pdf", (".pdf",))
MP4 = FileKind("video/mp4", (".mp4", ".m4v"))
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
XLSX = FileKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
PPTX = FileKind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",)
)
TXT = FileKind("text/plain", (".txt",))

# The folder inside an Office Open XML package that tells its kind.
_OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
# Text that a browser would treat as markup is not plain text.
_MARKUP_STARTS = (b"<svg", b"<?xml", b"<!doctype", b"<html", b"<script")


def _binary_kind(head: bytes) -> FileKind | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if head[4:8] == b"ftyp":
        return MP4
    return None


def _ooxml_kind(path: Path) -> FileKind | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, kind in _OOXML_PARTS.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


def _text_kind(head: bytes) -> FileKind | None:
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off at the end of the sample is still UTF-8.
        if exc.start < len(head) - 3:
            return None
        text = head[: exc.start].decode("utf-8")
    start = text.lstrip("\ufeff \t\r\n").encode()[:16].lower()
    if any(start.startswith(marker) for marker in _MARKUP_STARTS):
        return None
    return TXT


def sniff(path: Path) -> FileKind | None:
    """The kind of the file at `path` from its bytes, or None when it is not allowed."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if head.startswith(b"PK\x03\x04"):
        return _ooxml_kind(path)
    return _binary_kind(head) or _text_kind(head)


def accepted_kind(path: Path, filename: str) -> FileKind | None:
    """The kind of an upload when its content is allowed and its name agrees with it."""
    kind = sniff(path)
    if kind is None or Path(filename).suffix.lower() not in kind.extensions:
        return None
    return kind


def allowed_extensions() -> list[str]:
    kinds = (PNG, JPEG, GIF, WEBP, PDF, MP4, DOCX, XLSX, PPTX, TXT)
    return [ext for kind in kinds for ext in kind.extensions]


def spool(stream: BinaryIO, folder: Path, max_bytes: int) -> Path | None:
    """Copy an upload into `folder` before anything reads it; None when it is larger than
    `max_bytes` (the copy stops there)."""
    path = folder / "upload"
    size = 0
    with path.open("wb") as out:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                return None
            out.write(chunk)
    return path
