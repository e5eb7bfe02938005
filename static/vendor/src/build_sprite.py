"""Build static/vendor/lucide-sprite.svg: the Lucide icons Kurswerk uses, as one SVG sprite.

Recipe (from the repository root):

    cd /tmp && npm pack lucide-static@0.468.0 && tar xzf lucide-static-0.468.0.tgz
    python static/vendor/src/build_sprite.py /tmp/package/icons

Each icon becomes `<symbol id="NAME" viewBox="0 0 24 24">` with the icon's shapes; the
stroke and fill come from the `.icon` class in static/css/app.css. Add a name to ICONS and
run the recipe again to add an icon; update the checksum in static/vendor/README.md.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

VERSION = "0.468.0"
ICONS = [
    "activity",
    "arrow-left",
    "arrow-right",
    "bell",
    "book-open",
    "calendar",
    "chart-pie",
    "check",
    "chevron-down",
    "chevron-right",
    "circle-alert",
    "clipboard-check",
    "clock",
    "copy",
    "download",
    "ellipsis",
    "external-link",
    "eye",
    "file-plus",
    "file-text",
    "file-up",
    "folder",
    "graduation-cap",
    "grip-vertical",
    "history",
    "house",
    "image",
    "inbox",
    "info",
    "key-round",
    "languages",
    "laptop",
    "layout-dashboard",
    "library",
    "link",
    "list-checks",
    "log-out",
    "menu",
    "message-square",
    "monitor",
    "pencil",
    "plus",
    "presentation",
    "search",
    "settings",
    "share-2",
    "shield-check",
    "table",
    "target",
    "trash-2",
    "triangle-alert",
    "upload",
    "user",
    "users",
    "video",
    "x",
]

OUT = Path(__file__).resolve().parents[1] / "lucide-sprite.svg"


def symbol(folder: Path, name: str) -> str:
    text = (folder / f"{name}.svg").read_text(encoding="utf-8")
    shapes = re.search(r"<svg[^>]*>(.*)</svg>", text, re.S).group(1)
    inner = " ".join(line.strip() for line in shapes.strip().splitlines())
    return f'<symbol id="{name}" viewBox="0 0 24 24">{inner}</symbol>'


def main(folder: str) -> None:
    symbols = "\n".join(symbol(Path(folder), name) for name in sorted(ICONS))
    OUT.write_text(
        f"<!-- Lucide icons v{VERSION}, ISC licence (see lucide.LICENSE); built by "
        "static/vendor/src/build_sprite.py -->\n"
        f'<svg xmlns="http://www.w3.org/2000/svg">\n{symbols}\n</svg>\n',
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1])
