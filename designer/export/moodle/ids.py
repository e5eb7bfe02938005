"""Id and context id allocation for one backup.

A backup carries the ids of the site it came from; restore maps every one of them to a
new id. They only have to be unique per kind and consistent across files (a file's
contextid must be its activity's contextid, a section's sequence must name the course
module ids of its activities). Context id 1 is the system context, as in every Moodle.
"""

from __future__ import annotations

from collections import defaultdict

SYSTEM_CONTEXT_ID = 1


class Ids:
    """One counter per kind of record, starting at 1 (contexts after the system one)."""

    def __init__(self) -> None:
        self._last: dict[str, int] = defaultdict(int)
        self._last["context"] = SYSTEM_CONTEXT_ID

    def next(self, kind: str) -> int:
        self._last[kind] += 1
        return self._last[kind]
