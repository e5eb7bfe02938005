"""The app's own scratch space, `DATA_DIR/tmp`: exports on their way to the browser and
uploads on their way into an import. Nothing there outlives its request.

Exports use anonymous files (unlinked at once: a killed worker leaves nothing behind).
Imports need a named file; their folders are removed when the request ends, and folders
that a killed worker left are removed when the next app starts. Several workers (on
several hosts) share the data directory, so only folders older than STALE_SECONDS go:
no request takes that long.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from flask import current_app

STALE_SECONDS = 6 * 60 * 60


def root() -> Path:
    """The scratch folder of the running app (created when missing)."""
    folder = Path(current_app.config["DATA_DIR"]) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clean_at_start(data_dir: Path, file_store: Path) -> int:
    """Remove the scratch files and half-stored uploads that killed workers left."""
    return clean(data_dir / "tmp") + clean(file_store, ".upload-*")


def anonymous_file() -> BinaryIO:
    """A read-write file without a name; its space is freed when it is closed."""
    return tempfile.TemporaryFile(dir=root())


def folder(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A folder that goes away when the `with` block ends, error or not."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=root())


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
