"""Safe file names inside a package: ASCII, no path parts, unique within one package."""

from __future__ import annotations

import re
import unicodedata

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 60


def slug(text: str, fallback: str = "file") -> str:
    """ASCII letters, digits, dot, dash and underscore only; never empty, never hidden."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    cleaned = _UNSAFE.sub("-", ascii_text).strip(".-_")
    return cleaned or fallback


class NameRegistry:
    """Hands out unique, safe file names; the same wish twice gets `-2`, `-3` …"""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wish: str, fallback: str = "file") -> str:
        base = wish.replace("\\", "/").rsplit("/", 1)[-1]
        stem, dot, ext = base.rpartition(".")
        if not dot:
            stem, ext = base, ""
        stem = slug(stem, fallback)[:_MAX_STEM].rstrip(".-_") or fallback
        ext = slug(ext, "")[:10].lower()
        suffix = f".{ext}" if ext else ""
        name, n = stem + suffix, 1
        while name.lower() in self._taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        self._taken.add(name.lower())
        return name
