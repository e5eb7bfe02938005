"""Uploaded plans waiting for the user to confirm their column mapping.

Each upload gets its own folder `<root>/<token>/` holding the file under its (safe) name
and, once the user has chosen, `choice.json` (column mapping, title, language). The app
keeps nothing in memory between requests: every step opens the folder again by its
token. Who may use a token is decided by the caller (the web session binds it to a user).

Folders untouched for a day are removed when the next upload arrives. A confirmation
claims its folder first (a rename, which only one request can win), so a double click
cannot create the design twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from designer.storage.filestore import CHUNK, FileTooLarge

MAX_AGE_SECONDS = 24 * 60 * 60
CHOICE_FILE = "choice.json"
CLAIMED = ".claimed"
NAME_LENGTH = 120
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
_FOLDER = re.compile(rf"{_TOKEN.pattern}(?:{re.escape(CLAIMED)})?")


def safe_name(filename: str, suffix: str) -> str:
    """A file name for the staging folder that keeps what the user sees (umlauts too):
    no folders, no leading dots, only letters, digits, spaces, dots, dashes and
    underscores, and ending in `suffix`."""
    base = re.split(r"[/\\]", filename)[-1]
    base = re.sub(r"[^\w .-]", "", base).strip().lstrip(".")
    if base.lower().endswith(suffix):
        base = base[: -len(suffix)]
    base = base.strip()[:NAME_LENGTH] or "plan"
    return base + suffix


@dataclass(frozen=True)
class PlanChoice:
    """What the user decided on the mapping page: column index → field (None: ignored)."""

    mapping: dict[int, str | None]
    title: str
    language: str
    delivery_mode: str = ""  # for rows that name none; "" keeps the importer's default

    def to_json(self) -> str:
        mapping = {str(index): name for index, name in sorted(self.mapping.items())}
        data = {"mapping": mapping, "title": self.title, "language": self.language}
        if self.delivery_mode:
            data["delivery_mode"] = self.delivery_mode
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PlanChoice:
        data = json.loads(text)
        mapping = {int(index): name or None for index, name in data["mapping"].items()}
        mode = str(data.get("delivery_mode", ""))
        return cls(mapping, str(data["title"]), str(data["language"]), mode)

    def digest(self) -> str:
        """Names this exact choice, so a confirmation can prove it saw the latest preview."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Staged:
    token: str
    folder: Path

    @property
    def path(self) -> Path:
        """The uploaded file."""
        return _uploads(self.folder)[0]

    def choice(self) -> PlanChoice | None:
        file = self.folder / CHOICE_FILE
        return PlanChoice.from_json(file.read_text("utf-8")) if file.is_file() else None

    def save_choice(self, choice: PlanChoice) -> None:
        """Written aside and renamed, so a reader never sees half a file."""
        tmp = self.folder / f".{CHOICE_FILE}.{secrets.token_hex(4)}"
        tmp.write_text(choice.to_json(), "utf-8")
        os.replace(tmp, self.folder / CHOICE_FILE)


class Staging:
    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    def put(self, stream: BinaryIO, filename: str, max_bytes: int) -> Staged:
        """Store an upload in a new folder; larger than `max_bytes` raises FileTooLarge
        and leaves nothing behind. `filename` must be a safe base name."""
        if filename != Path(filename).name or filename.startswith(".") or filename == CHOICE_FILE:
            raise ValueError(f"not a safe file name: {filename!r}")
        self.sweep()
        token = secrets.token_urlsafe(24)
        folder = self.root / token
        folder.mkdir(parents=True, mode=0o700)
        size = 0
        try:
            with (folder / filename).open("xb") as out:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge(f"file is larger than {max_bytes} bytes")
                    out.write(chunk)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return Staged(token, folder)

    def get(self, token: str) -> Staged | None:
        if not _TOKEN.fullmatch(token):
            return None
        folder = self.root / token
        if not folder.is_dir() or not _uploads(folder):
            return None
        return Staged(token, folder)

    def claim(self, token: str) -> Staged | None:
        """Take the upload for a confirmation; None when another request took it first."""
        if not _TOKEN.fullmatch(token):
            return None
        claimed = self.root / f"{token}{CLAIMED}"
        try:
            os.rename(self.root / token, claimed)
        except OSError:
            return None
        return Staged(token, claimed)

    def release(self, claimed: Staged) -> None:
        """Give a claimed upload back (the confirmation failed)."""
        os.rename(claimed.folder, self.root / claimed.token)

    def discard(self, token: str) -> None:
        if _TOKEN.fullmatch(token):
            shutil.rmtree(self.root / token, ignore_errors=True)
            shutil.rmtree(self.root / f"{token}{CLAIMED}", ignore_errors=True)

    def sweep(self, now: float | None = None) -> list[str]:
        """Remove the folders not touched for a day; returns their tokens."""
        if not self.root.is_dir():
            return []
        limit = (time.time() if now is None else now) - MAX_AGE_SECONDS
        removed = []
        for folder in self.root.iterdir():
            # Saving a choice renames a file into the folder, which updates its time.
            if _FOLDER.fullmatch(folder.name) and folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder.name.removesuffix(CLAIMED))
        return removed


def _uploads(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if not p.name.startswith(".") and p.name != CHOICE_FILE]
