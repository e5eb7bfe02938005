"""Findings about what a template left for the authors to fill in.

A nugget a template made, or a Grobkonzept field it left open, is not yet anyone's
mistake: as long as nobody has worked on it, what the rules say about it is a to-do
("Noch zu füllen"), not a fault. The finding keeps its severity and whether it blocks
approval, so a design with open blocking to-dos still cannot be approved.
"""

from __future__ import annotations

from designer.core.snapshot import DesignSnapshot
from designer.quality.findings import Finding


def is_to_fill(finding: Finding, snap: DesignSnapshot) -> bool:
    """True when the finding concerns a placeholder nugget or a Grobkonzept field the
    template left open."""
    if finding.target_kind == "nugget":
        try:
            return snap.nugget(finding.target_key).placeholder
        except KeyError:
            return False
    return finding.target_kind == "design" and finding.target_key in snap.placeholder_fields
