"""A test LMS: the package and scorm-again served from 127.0.0.1, driven by Playwright."""

from __future__ import annotations

import functools
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.scorm.helpers import launch_hrefs, mastery_by_title, open_zip

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "vendor"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        pass


@contextmanager
def serve(package: bytes, root: Path) -> Iterator[str]:
    """Unpack `package` under root/pkg, add the harness and scorm-again; yield the base URL."""
    with open_zip(package) as zf:
        _extract(zf, root / "pkg")
    shutil.copy(HERE / "harness.html", root / "harness.html")
    shutil.copytree(VENDOR, root / "vendor")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _extract(zf: zipfile.ZipFile, target: Path) -> None:
    for info in zf.infolist():
        path = (target / info.filename).resolve()
        assert path.is_relative_to(target.resolve()), info.filename
        zf.extract(info, target)


@dataclass
class Session:
    """What the LMS saw of one SCO session."""

    calls: list[dict[str, Any]]
    results: list[dict[str, Any]]
    values: dict[str, str] = field(default_factory=dict)

    def names(self, *names: str) -> list[str]:
        return [c["name"] for c in self.calls if c["name"] in names]


class TestLms:
    """Launches SCOs of one package in the harness page."""

    __test__ = False

    def __init__(self, page: Any, base_url: str, package: bytes, version: str):
        self.page = page
        self.base_url = base_url
        self.hrefs = launch_hrefs(package)
        self.mastery = mastery_by_title(package)
        self.version = "12" if version == "scorm12" else "2004"
        self.finish = "LMSFinish" if self.version == "12" else "Terminate"

    def launch(self, title: str, resume: dict[str, str] | None = None) -> Any:
        """Open the SCO of the item titled `title`; return the frame to act in.

        Like an LMS, the harness hands the item's pass mark from the manifest to the SCO.
        """
        data = {}
        if title in self.mastery:
            element = (
                "cmi.student_data.mastery_score"
                if self.version == "12"
                else "cmi.scaled_passing_score"
            )
            data[element] = self.mastery[title]
        data.update(resume or {})
        query = {"version": self.version, "sco": f"pkg/{self.hrefs[title]}"}
        if data:
            query["resume"] = json.dumps(data)
        self.page.goto(f"{self.base_url}/harness.html?{urlencode(query)}")
        self.page.wait_for_function("window.calls && window.calls.length > 0")
        return self.page.frame_locator("#sco")

    def state(self) -> Session:
        data = self.page.evaluate(
            "({calls: window.calls, results: window.results, values: window.values})"
        )
        return Session(data["calls"], data["results"], data["values"])

    @property
    def api(self) -> str:
        return "window.API" if self.version == "12" else "window.API_1484_11"

    def cmi(self) -> dict[str, Any]:
        """The runtime's data model as it stands (read back from scorm-again's API object)."""
        return self.page.evaluate(f"JSON.parse(JSON.stringify({self.api}.renderCMIToJSONObject()))")

    def stored(self) -> dict[str, str]:
        """The data model flattened, as an LMS stores it between two visits."""
        return self.page.evaluate(f"{self.api}.getFlattenedCMI()")

    def leave(self) -> Session:
        """Navigate the SCO away (as an LMS does) and wait until it finished its session."""
        self.page.evaluate("document.getElementById('sco').src = 'about:blank'")
        self.page.wait_for_function(f"window.calls.some(c => c.name === '{self.finish}')")
        return self.state()
