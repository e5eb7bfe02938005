"""Import of `design.json` and `.kurswerk` bundles (the interchange format)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from designer.core.assets import DirectoryAssets, MissingAsset
from designer.core.snapshot import Asset, FormatError, from_json
from designer.importers.base import Imported, ImportRefused
from designer.importers.safezip import open_checked, read_member

MAX_JSON_BYTES = 20 * 1024 * 1024


class ZipAssets:
    """Asset bytes read straight from the bundle's `files/` folder."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def open(self, asset: Asset) -> BinaryIO:
        zf = zipfile.ZipFile(self.path)
        try:
            return _ClosingMember(zf, zf.open(f"files/{asset.filename}"))
        except KeyError:
            zf.close()
            raise MissingAsset(asset) from None


class _ClosingMember:
    """A zip member stream that closes its archive with it."""

    def __init__(self, zf: zipfile.ZipFile, fh: BinaryIO):
        self._zf, self._fh = zf, fh

    def read(self, size: int = -1) -> bytes:
        return self._fh.read(size)

    def close(self) -> None:
        self._fh.close()
        self._zf.close()

    def __enter__(self) -> _ClosingMember:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_json_file(path: str | Path) -> Imported:
    """A plain design.json; asset files are looked for in a `files/` folder beside it."""
    path = Path(path)
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ImportRefused([f"{path.name}: larger than {MAX_JSON_BYTES // 2**20} MiB"])
    try:
        snap = from_json(path.read_bytes(), source=path.name)
    except FormatError as exc:
        raise ImportRefused(exc.problems) from None
    files = path.parent / "files"
    missing = [a.filename for a in snap.assets if not (files / a.filename).is_file()]
    if missing:
        raise ImportRefused(
            [
                f"{path.name}: asset file {name} not found in {files} (import the .kurswerk bundle)"
                for name in missing
            ]
        )
    return Imported(snap, DirectoryAssets(files))


def read_bundle(path: str | Path) -> Imported:
    path = Path(path)
    with open_checked(str(path), path.name) as zf:
        names = set(zf.namelist())
        if "design.json" not in names:
            raise ImportRefused([f"{path.name}: no design.json at the root of the bundle"])
        raw = read_member(zf, "design.json", MAX_JSON_BYTES)
    try:
        snap = from_json(raw, source=f"{path.name}/design.json")
    except FormatError as exc:
        raise ImportRefused(exc.problems) from None
    missing = [a.filename for a in snap.assets if f"files/{a.filename}" not in names]
    if missing:
        raise ImportRefused([f"{path.name}: files/{name} is missing" for name in missing])
    return Imported(snap, ZipAssets(path))
