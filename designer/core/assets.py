"""Where exporters get asset bytes from, without knowing about the database."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from designer.core.snapshot import Asset


class MissingAsset(LookupError):
    """An asset the design names whose bytes are not there; the message names the file."""

    def __init__(self, asset: Asset):
        super().__init__(f"asset file missing: {asset.filename}")
        self.asset = asset


def bundle_member(asset: Asset) -> str:
    """Where an asset's bytes lie in a `.kurswerk` bundle: under its key, so that two
    files of the same name stay apart. Older bundles kept `files/<filename>`."""
    return f"files/{asset.key}/{asset.filename}"


class AssetSource(Protocol):
    def open(self, asset: Asset) -> BinaryIO:
        """Open the asset's bytes; raise MissingAsset when they are not there."""
        ...


class ByteStore(Protocol):
    """What StoreAssets needs of a content-addressed store (the app's FileStore)."""

    def exists(self, sha256: str) -> bool: ...

    def open(self, sha256: str) -> BinaryIO: ...


class StoreAssets:
    """Assets from the content-addressed file store (by sha256)."""

    def __init__(self, store: ByteStore):
        self.store = store

    def open(self, asset: Asset) -> BinaryIO:
        if not asset.sha256 or not self.store.exists(asset.sha256):
            raise MissingAsset(asset)
        return self.store.open(asset.sha256)


class DirectoryAssets:
    """Assets from a folder, by file name (an unpacked bundle, test fixtures)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def open(self, asset: Asset) -> BinaryIO:
        path = self.folder / asset.filename
        if asset.filename != path.name or not path.is_file():
            raise MissingAsset(asset)
        return path.open("rb")


class NoAssets:
    """For designs without files."""

    def open(self, asset: Asset) -> BinaryIO:
        raise MissingAsset(asset)
