"""The .mbz container: a gzip-compressed POSIX ustar tar, streamed.

Moodle's own tar reader (tgz_extractor) knows only ustar headers, so names must be
ASCII and at most what ustar can hold; entries carry no `./` prefix. Directory entries
come before the files in them, as in the archives Moodle writes.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

FILE_MODE = 0o644
DIR_MODE = 0o755


@contextmanager
def open_archive(out: BinaryIO, mtime: int) -> Iterator[Archive]:
    with tarfile.open(fileobj=out, mode="w|gz", format=tarfile.USTAR_FORMAT) as tar:
        yield Archive(tar, mtime)


class Archive:
    def __init__(self, tar: tarfile.TarFile, mtime: int):
        self.tar = tar
        self.mtime = mtime
        self.dirs: set[str] = set()

    def add_bytes(self, name: str, data: bytes) -> None:
        self.add_stream(name, len(data), io.BytesIO(data))

    def add_stream(self, name: str, size: int, source: BinaryIO) -> None:
        """Copy `size` bytes from `source` (tarfile copies in blocks)."""
        self._parents(name)
        self.tar.addfile(self._info(name, tarfile.REGTYPE, FILE_MODE, size), source)

    def _parents(self, name: str) -> None:
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            if folder not in self.dirs:
                self.dirs.add(folder)
                self.tar.addfile(self._info(folder, tarfile.DIRTYPE, DIR_MODE, 0))

    def _info(self, name: str, kind: bytes, mode: int, size: int) -> tarfile.TarInfo:
        if not name.isascii() or name.startswith(("/", "./")):
            raise ValueError(f"not a plain ASCII archive path: {name!r}")
        info = tarfile.TarInfo(name)
        info.type = kind
        info.mode = mode
        info.size = size
        info.mtime = self.mtime
        return info
