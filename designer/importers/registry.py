"""The one registry of import formats, chosen by file extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from designer.importers.base import Imported, ImportRefused

Reader = Callable[[Path], Imported]


def _readers() -> dict[str, Reader]:
    from designer.importers import kurswerk, plans

    return {
        ".json": kurswerk.read_json_file,
        ".kurswerk": kurswerk.read_bundle,
        ".zip": kurswerk.read_bundle,
        ".xlsx": plans.read_plan,
        ".docx": plans.read_plan,
    }


def extensions() -> list[str]:
    return sorted(_readers())


def read(path: str | Path) -> Imported:
    path = Path(path)
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise ImportRefused(
            [f"{path.name}: cannot import this kind of file (known: {', '.join(extensions())})"]
        )
    if not path.is_file():
        raise ImportRefused([f"{path}: no such file"])
    return reader(path)
