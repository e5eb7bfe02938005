"""Upload type checks read the bytes: the extension alone never decides."""

from __future__ import annotations

import io
import zipfile

import pytest

from designer.storage.uploads import (
    DOCX,
    GIF,
    JPEG,
    MP4,
    PDF,
    PNG,
    PPTX,
    TXT,
    WEBP,
    XLSX,
    accepted_kind,
)


def _ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<x/>")
    return buffer.getvalue()


def _zip_only() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.png", b"\x89PNG\r\n\x1a\n....", PNG),
        ("a.JPG", b"\xff\xd8\xff\xe0....", JPEG),
        ("a.gif", b"GIF89a....", GIF),
        ("a.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 ", WEBP),
        ("a.pdf", b"%PDF-1.7\n", PDF),
        ("a.mp4", b"\x00\x00\x00\x18ftypmp42", MP4),
        ("a.docx", _ooxml("word"), DOCX),
        ("a.xlsx", _ooxml("xl"), XLSX),
        ("a.pptx", _ooxml("ppt"), PPTX),
        ("a.txt", "Überschrift\nText".encode(), TXT),
        ("a.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        ("a.txt", b"\xef\xbb\xbf  <?xml version='1.0'?><svg/>", None),
        ("a.txt", b"<!DOCTYPE html><html></html>", None),
        ("a.txt", b"\x00\x01binary", None),
        ("a.txt", b"\xff\xfe\xfa latin-1 garbage \xe4\xf6", None),
        ("a.docx", _zip_only(), None),
        ("a.docx", _ooxml("xl"), None),  # a spreadsheet named .docx
        ("a.pdf", b"\x89PNG\r\n\x1a\n....", None),  # a picture named .pdf
        ("a", b"%PDF-1.7\n", None),  # no extension
    ],
)
def test_accepted_kind(tmp_path, name, content, kind):
    path = tmp_path / "upload"
    path.write_bytes(content)
    assert accepted_kind(path, name) is kind
