"""Three-way merge of one record's fields, for saves that lost the race on lock_version.

`base` is what the person's form was loaded with, `mine` what they submitted, `theirs`
what someone else saved meanwhile. A field only one side changed takes that side's value;
a field both changed to different values is a conflict and keeps `mine` (shown to the
person beside `theirs`, so nothing typed is lost and nothing saved is overwritten unseen).
"""

from __future__ import annotations

from typing import Any


def three_way(
    mine: dict[str, Any], base: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for name, value in mine.items():
        before = base.get(name)
        other = theirs.get(name, before)
        if value == before:
            merged[name] = other
        elif other in (before, value):
            merged[name] = value
        else:
            merged[name] = value
            conflicts.append(name)
    return merged, conflicts
