"""files.xml and the file bytes under files/<first two hex digits>/<sha1>.

files.xml needs each file's sha1 and size before the archive holds its bytes, and the
design only knows sha256. So every asset is read once, in chunks, into one temporary
spool file while its sha1 and size are computed; the archive then copies the bytes
from the spool. Memory stays the same whatever the size of the files.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from designer.core.assets import AssetSource
from designer.core.snapshot import Asset
from designer.export.moodle.plan import FileEntry, Plan
from designer.export.moodle.xml import Element, fields, group, root, to_bytes

CHUNK = 64 * 1024
EMPTY_SHA1 = hashlib.sha1(b"").hexdigest()
# Design licences (SPDX-like) → the short names of Moodle's licence list.
LICENSES = {
    "cc-by-4.0": "cc-4.0",
    "cc-by-sa-4.0": "cc-sa-4.0",
    "cc-by-nd-4.0": "cc-nd-4.0",
    "cc-by-nc-4.0": "cc-nc-4.0",
    "cc-by-nc-sa-4.0": "cc-nc-sa-4.0",
    "cc-by-nc-nd-4.0": "cc-nc-nd-4.0",
    "cc0-1.0": "public",
    "public-domain": "public",
    "all-rights-reserved": "allrightsreserved",
}


@dataclass(frozen=True)
class Spooled:
    """Where an asset's bytes sit in the spool, with their sha1 and size."""

    offset: int
    size: int
    sha1: str

    @property
    def path(self) -> str:
        return f"files/{self.sha1[:2]}/{self.sha1}"


@contextmanager
def open_spool(source: AssetSource) -> Iterator[Spool]:
    with tempfile.TemporaryFile() as file:
        yield Spool(source, file)


class Spool:
    """One temporary file holding the bytes of every asset of the backup."""

    def __init__(self, source: AssetSource, file: BinaryIO):
        self.source = source
        self.file = file
        self.by_key: dict[str, Spooled] = {}

    def add(self, asset: Asset) -> Spooled:
        """Copy the asset's bytes in (once per asset); raises MissingAsset."""
        if asset.key in self.by_key:
            return self.by_key[asset.key]
        digest = hashlib.sha1()
        offset = self.file.seek(0, 2)
        size = 0
        with self.source.open(asset) as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                self.file.write(chunk)
                size += len(chunk)
        spooled = Spooled(offset, size, digest.hexdigest())
        self.by_key[asset.key] = spooled
        return spooled

    def reader(self, spooled: Spooled) -> BinaryIO:
        """The spool positioned at the file's first byte (read `size` bytes from it)."""
        self.file.seek(spooled.offset)
        return self.file

    def unique(self) -> list[Spooled]:
        """One entry per distinct content, in the order they were added."""
        seen: dict[str, Spooled] = {}
        for spooled in self.by_key.values():
            seen.setdefault(spooled.sha1, spooled)
        return list(seen.values())


def spool_assets(plan: Plan, spool: Spool) -> None:
    for entry in plan.files:
        if entry.asset is not None:
            spool.add(entry.asset)


def files_xml(plan: Plan, spool: Spool) -> bytes:
    doc = root("files")
    for entry in plan.files:
        _file(plan, doc, entry, spool)
    return to_bytes(doc)


def _file(plan: Plan, doc: Element, entry: FileEntry, spool: Spool) -> None:
    asset = entry.asset
    spooled = spool.add(asset) if asset else None
    fields(
        group(doc, "file", id=entry.id),
        [
            ("contenthash", spooled.sha1 if spooled else EMPTY_SHA1),
            ("contextid", entry.contextid),
            ("component", entry.component),
            ("filearea", entry.filearea),
            ("itemid", entry.itemid),
            ("filepath", "/"),
            ("filename", entry.filename),
            ("userid", None),
            ("filesize", spooled.size if spooled else 0),
            ("mimetype", asset.mimetype if asset else None),
            ("status", 0),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("source", asset.filename if asset else None),
            ("author", (asset.attribution or None) if asset else None),
            ("license", LICENSES.get(asset.license.casefold()) if asset else None),
            ("sortorder", entry.sortorder),
            ("repositorytype", None),
            ("repositoryid", None),
            ("reference", None),
        ],
    )
