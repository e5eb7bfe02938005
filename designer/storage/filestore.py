"""Content-addressed file store: bytes live on disk under their SHA-256, never in the DB."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from designer.storage import scratch

CHUNK = 1024 * 1024


class FileTooLarge(ValueError):
    """An upload above the configured limit; nothing was stored."""


class FileStore:
    def __init__(self, root: str | os.PathLike[str], scratch_root: Path | None = None):
        """`scratch_root` (default: `tmp` beside the store) holds files on their way in
        or out; see designer.storage.scratch."""
        self.root = Path(root)
        self.scratch = scratch.Scratch(scratch_root or self.root.parent / "tmp")

    def clean_stale(self) -> int:
        """Remove scratch files and half-stored uploads that killed workers left."""
        return self.scratch.clean() + scratch.clean(self.root, ".upload-*")

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        return self.path(sha256).open("rb")

    def usage(self) -> tuple[int, int]:
        """How many stored files there are and how many bytes they hold."""
        files = [p for p in self.root.glob("??/*") if p.is_file()]
        return len(files), sum(p.stat().st_size for p in files)

    def put(self, stream: BinaryIO, max_bytes: int | None = None) -> tuple[str, int]:
        """Store a stream; returns (sha256, size). Streams to a temp file, never all in memory."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as tmp:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise FileTooLarge(f"file is larger than {max_bytes} bytes")
                    digest.update(chunk)
                    tmp.write(chunk)
            sha = digest.hexdigest()
            target = self.path(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp_name)
            else:
                shutil.move(tmp_name, target)
            return sha, size
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        import io

        return self.put(io.BytesIO(data))
