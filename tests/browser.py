"""Real Chromium for tests: Debian's /usr/bin/chromium driven by Playwright, no download.

Tests that need it take the `browser` fixture (tests/conftest.py); where Chromium or
Playwright is missing they are skipped with a message that names what to install.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe" / "axe.min.js"

CHROMIUM = os.environ.get("KURSWERK_CHROMIUM", "/usr/bin/chromium")

# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def missing_reason() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: pip install -e '.[test]'"
    return None


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    # Evaluated through the debugging protocol, so the page's CSP does not refuse it.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
