"""The app's own scratch space, `DATA_DIR/tmp`: exports on their way to the browser and
uploads on their way into an import. Nothing there outlives its request.

Exports use anonymous files (unlinked at once: a killed worker leaves nothing behind).
Imports need a named file; their folders are removed when the request ends, and folders
that a killed worker left are removed when the next app starts. Several workers (on
several hosts) share the data directory, so only entries older than STALE_SECONDS go:
no request takes that long.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

STALE_SECONDS = 6 * 60 * 60


class Scratch:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self) -> Path:
        """The scratch folder (created when missing)."""
        self.root.mkdir(parents=True, exist_ok=True)
        return self.root

    def file(self) -> BinaryIO:
        """A read-write file without a name; its space is freed when it is closed."""
        return tempfile.TemporaryFile(dir=self.path())

    def folder(self, prefix: str) -> tempfile.TemporaryDirectory[str]:
        """A folder that goes away when the `with` block ends, error or not."""
        return tempfile.TemporaryDirectory(prefix=prefix, dir=self.path())

    def clean(self) -> int:
        """Remove what killed processes left; returns how many entries went."""
        return clean(self.root)


def clean(folder: Path, pattern: str = "*", max_age: float = STALE_SECONDS) -> int:
    """Remove the entries of `folder` matching `pattern` that are older than `max_age`
    seconds; returns how many went."""
    if not folder.is_dir():
        return 0
    limit = time.time() - max_age
    removed = 0
    for entry in folder.glob(pattern):
        try:
            if entry.lstat().st_mtime >= limit:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except FileNotFoundError:
            continue  # another worker cleaned it first
        removed += 1
    return removed
