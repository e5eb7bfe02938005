"""Package assembly: registration, options, safe names, missing files, streaming."""

from __future__ import annotations

import io
import tracemalloc
from typing import BinaryIO

import pytest

from designer.core.assets import DirectoryAssets, MissingAsset
from designer.core.snapshot import Asset, DesignSnapshot, Module, Nugget, Placement
from designer.export.formats import get_format
from designer.export.options import InvalidOptions
from designer.export.registry import ExportContext
from designer.export.scorm.names import NameRegistry, slug
from designer.export.scorm.options import Settings, read_settings
from designer.export.scorm.validate import validate_package
from tests.scorm.helpers import VERSIONS, example, open_zip


class MemoryAssets:
    """Asset bytes by file name; anything else is missing."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files

    def open(self, asset: Asset) -> BinaryIO:
        if asset.filename not in self.files:
            raise MissingAsset(asset)
        return io.BytesIO(self.files[asset.filename])


class GeneratedStream(io.RawIOBase):
    """`size` bytes made on the fly, never held in memory at once."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"k" * n
        self.left -= n
        return n


class GeneratedAssets:
    def __init__(self, size: int):
        self.size = size

    def open(self, asset: Asset) -> BinaryIO:
        return GeneratedStream(self.size)


class CountingSink(io.RawIOBase):
    """A write-only, non-seekable output that keeps nothing but a byte count."""

    def __init__(self):
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.count += len(data)
        return len(data)


def design_with_assets(*assets: Asset, content_html: str = "") -> DesignSnapshot:
    nugget = Nugget(
        key="N1",
        title="Seite",
        content_html=content_html,
        assets=tuple(a.key for a in assets),
    )
    module = Module(key="M1", title="Modul", placements=(Placement("N1"),))
    return DesignSnapshot(title="Kurs", modules=(module,), nuggets=(nugget,), assets=assets)


def write(snap: DesignSnapshot, version: str, assets, out=None, **options: str):
    out = io.BytesIO() if out is None else out
    fmt = get_format(version)
    fmt.write(snap, out, ExportContext(assets, fmt.read_options(options)))
    return out


@pytest.mark.parametrize("version", VERSIONS)
def test_formats_are_registered_with_their_options(version):
    fmt = get_format(version)
    assert (fmt.extension, fmt.mimetype) == ("zip", "application/zip")
    options = {o.name: o for o in fmt.options}
    assert options["content_modes"].multiple
    assert options["content_modes"].default == "self_paced_online"
    assert options["packaging"].default == "single"
    packaging = options["packaging"]
    assert "Moodle 4.5" in packaging.help_de and "Moodle 4.5" in packaging.help_en
    assert "mastery_score" not in options  # the pass mark is the design's


def test_options_are_read_and_checked():
    fmt = get_format("scorm12")
    assert read_settings(fmt.read_options({})) == Settings(frozenset({"self_paced_online"}), True)
    settings = read_settings(
        fmt.read_options({"content_modes": "on_site, live_online", "packaging": "per_nugget"})
    )
    assert settings == Settings(frozenset({"on_site", "live_online"}), False)
    with pytest.raises(InvalidOptions) as refused:
        fmt.read_options(
            {"packaging": "zip", "content_modes": "on_site,moon", "zip": "1", "mastery_score": "60"}
        )
    assert [(p.name, p.code, p.value) for p in refused.value.problems] == [
        ("zip", "unknown_option", "1"),
        ("mastery_score", "unknown_option", "60"),
        ("content_modes", "unknown", "moon"),
        ("packaging", "unknown", "zip"),
    ]


def test_safe_names():
    assert slug("Übersicht: Größe & Maße.png") == "Uebersicht-Groesse-Masse.png"
    assert slug("../..") == "file"
    names = NameRegistry()
    assert names.claim("a/b/../Bild.PNG") == "Bild.png"
    assert names.claim("bild.png") == "bild-2.png"
    assert names.claim("..\\..\\secret") == "secret"
    assert names.claim(".htaccess") == "file.htaccess"
    assert names.claim("日本語.txt") == "file.txt"


@pytest.mark.parametrize("version", VERSIONS)
def test_unsafe_file_names_are_made_safe(version):
    assets = (
        Asset("A1", "Ärger Übersicht.PNG", "image/png", alt_text="Übersicht"),
        Asset("A2", "ärger übersicht.png", "image/png"),
        Asset("A3", "..\\..\\boot.ini", "text/plain"),
        Asset("A4", "<script>.pdf", "application/pdf"),
    )
    files = {a.filename: f"bytes of {a.key}".encode() for a in assets}
    snap = design_with_assets(*assets, content_html='<img src="%C3%84rger%20%C3%9Cbersicht.PNG">')
    package = write(snap, version, MemoryAssets(files), packaging="per_nugget").getvalue()

    assert validate_package(io.BytesIO(package)) == []
    names = [n for n in open_zip(package).namelist() if n.startswith("files/")]
    assert names == [
        "files/Aerger-Uebersicht.png",
        "files/aerger-uebersicht-2.png",
        "files/boot.ini",
        "files/script.pdf",
    ]
    assert all(n.isascii() and ".." not in n for n in open_zip(package).namelist())
    page = open_zip(package).read("01-Seite.html").decode()
    assert '<img src="files/Aerger-Uebersicht.png" alt="Übersicht">' in page
    assert open_zip(package).read("files/boot.ini") == b"bytes of A3"


@pytest.mark.parametrize("version", VERSIONS)
def test_missing_asset_is_named_and_nothing_is_written(version, tmp_path):
    out = io.BytesIO()
    with pytest.raises(MissingAsset, match="persona.png"):
        write(example(), version, DirectoryAssets(tmp_path), out)
    assert out.getvalue() == b""


@pytest.mark.parametrize("version", VERSIONS)
def test_asset_unused_by_exported_pages_is_not_needed(version):
    snap = design_with_assets(Asset("A1", "plan.pdf", "application/pdf"))
    snap = DesignSnapshot(title=snap.title, modules=(), nuggets=snap.nuggets, assets=snap.assets)
    package = write(snap, version, MemoryAssets({})).getvalue()
    assert not [n for n in open_zip(package).namelist() if n.startswith("files/")]


def test_large_asset_is_streamed_not_held_in_memory():
    size = 48 * 1024 * 1024
    snap = design_with_assets(Asset("A1", "film.mp4", "video/mp4"))
    sink = CountingSink()
    tracemalloc.start()
    try:
        write(snap, "scorm2004", GeneratedAssets(size), sink)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sink.count > 0
    assert peak < size / 8
