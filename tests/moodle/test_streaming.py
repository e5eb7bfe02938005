"""Assets are streamed: read once, in chunks, with memory independent of their size."""

import hashlib
import io
import tarfile
import tempfile
import tracemalloc
from dataclasses import replace

import pytest

from designer.core.assets import DirectoryAssets, MissingAsset
from designer.core.snapshot import Asset
from designer.export.moodle import write_mbz
from designer.export.registry import ExportContext

BIG = 24 * 1024 * 1024
PATTERN = bytes(range(256)) * 64


class GeneratedFile(io.RawIOBase):
    """`size` bytes of a repeating pattern, produced as they are read."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left, len(PATTERN))
        buffer[:n] = PATTERN[:n]
        self.left -= n
        return n


class BigAssets:
    """Every asset is BIG bytes long; counts how often each is opened."""

    def __init__(self):
        self.opened: dict[str, int] = {}

    def open(self, asset: Asset):
        self.opened[asset.filename] = self.opened.get(asset.filename, 0) + 1
        return io.BufferedReader(GeneratedFile(BIG))


def expected_sha1() -> str:
    digest = hashlib.sha1()
    stream = io.BufferedReader(GeneratedFile(BIG))
    while chunk := stream.read(1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


def test_missing_asset_is_named_and_nothing_written(example_snap, tmp_path):
    out = io.BytesIO()
    with pytest.raises(MissingAsset, match="persona.png"):
        write_mbz(example_snap, out, ExportContext(DirectoryAssets(tmp_path)))
    assert out.getvalue() == b""


def test_big_assets_stream_through_with_flat_memory(example_snap):
    snap = replace(example_snap, assets=tuple(replace(a, size=BIG) for a in example_snap.assets))
    assets = BigAssets()
    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        write_mbz(snap, out, ExportContext(assets))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert peak < BIG / 4
        assert assets.opened == {"persona.png": 1, "persona-vorlage.pdf": 1}
        out.seek(0)
        with tarfile.open(fileobj=out, mode="r:gz") as tar:
            sha1 = expected_sha1()
            member = tar.getmember(f"files/{sha1[:2]}/{sha1}")
            assert member.size == BIG
            files_xml = tar.extractfile("files.xml").read().decode()
    assert files_xml.count(f"<contenthash>{sha1}</contenthash>") == 2
    assert files_xml.count(f"<filesize>{BIG}</filesize>") == 2
