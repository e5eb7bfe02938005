"""The studio's requests at 10, 200 and 500 nuggets, beside /login of the same app in the
same run: server time (median of N requests through the WSGI app, no network) and SQL
statements of the studio page, a card move, opening the inspector and saving a field in it.

    python bench/bench_studio.py [--repeat 20] [--postgres]

Goals (issue 13): the page at 200 nuggets at most 10 times /login; the move, the inspector
and the save answer with fragments in a time that does not grow with the design (500
nuggets at most 1.5 times 10 nuggets) and in the same number of statements.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from _support import QueryCounter, bench_app, database_run, import_generated, machine
from _support import table as render

PASSWORD = "benchmark password"
SIZES = (10, 200, 500)


class FormValues(HTMLParser):
    """The values a browser would send for the first <form> of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self.done = False
        self._select: str | None = None
        self._options: list[str] = []
        self._chosen: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.done:
            return
        if tag == "option" and self._select is not None:
            self._options.append(a.get("value", ""))
            if "selected" in a:
                self._chosen = a.get("value", "")
            return
        name = a.get("name")
        if not name:
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.values.append((name, a.get("value", "")))
        elif tag == "select":
            self._select, self._options, self._chosen = name, [], None
        elif tag == "textarea":
            self._textarea, self._text = name, ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            chosen = self._chosen if self._chosen is not None else (self._options or [""])[0]
            self.values.append((self._select, chosen))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.values.append((self._textarea, self._text.lstrip("\n")))
            self._textarea = None
        elif tag == "form":
            self.done = True


def form_values(html: str) -> dict[str, list[str]]:
    parser = FormValues()
    parser.feed(html)
    found: dict[str, list[str]] = {}
    for name, value in parser.values:
        found.setdefault(name, []).append(value)
    return found


def timed(
    prepare: Callable[[], object], action: Callable[[object], object], repeat: int
) -> tuple[float, float]:
    """Median milliseconds of `action(prepare())`, timing the action only: wall-clock
    time and the CPU time of this process (steady on a machine shared with other work)."""
    wall, cpu = [], []
    for _ in range(repeat):
        given = prepare()
        start, start_cpu = time.perf_counter(), time.process_time()
        action(given)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def counted(engine, action: Callable[[], object]) -> int:
    with QueryCounter(engine) as counter:
        action()
    return counter.count


class Studio:
    """The requests of one design's studio, each ready to be sent again and again."""

    HTMX = {"HX-Request": "true"}

    def __init__(self, client, design) -> None:
        from sqlalchemy import select

        from designer.extensions import db
        from designer.models import Placement

        self.client, self.turn = client, 0
        first = db.session.scalars(
            select(Placement)
            .where(Placement.design_id == design.id)
            .order_by(Placement.module_id, Placement.position)
        ).first()
        self.placement_id, self.module_id = first.id, first.module_id
        self.page = f"/designs/{design.id}/canvas"
        self.move_url = f"/designs/{design.id}/canvas/placements/{first.id}/move"
        self.inspector = f"/designs/{design.id}/canvas/placements/{first.id}/inspector"

    def move_values(self) -> dict:
        """The first card to position 0 or 1 of its module, with its current version."""
        from designer.extensions import db
        from designer.models import Placement

        db.session.expire_all()
        self.turn += 1
        version = db.session.get(Placement, self.placement_id).lock_version
        return {"module_id": self.module_id, "position": self.turn % 2, "lock_version": version}

    def save_values(self) -> dict:
        """The inspector's form as loaded, with this design's duration changed."""
        html = self.client.get(self.inspector, headers=self.HTMX).get_data(as_text=True)
        values = form_values(html)
        self.turn += 1
        values["duration_override"] = [str(10 + self.turn % 2)]
        return values

    def post(self, url: str, data: dict) -> None:
        response = self.client.post(url, data=data, headers=self.HTMX)
        assert response.status_code == 200, (url, response.status_code)

    def requests(self) -> dict[str, tuple[Callable[[], object], Callable[[object], object]]]:
        """name -> (prepare, send)"""
        return {
            "page": (lambda: None, lambda _: self.client.get(self.page)),
            "move": (self.move_values, lambda data: self.post(self.move_url, data)),
            "open": (lambda: None, lambda _: self.client.get(self.inspector, headers=self.HTMX)),
            "save": (self.save_values, lambda data: self.post(self.inspector, data)),
        }


def run(database_url: str | None, repeat: int) -> str:
    from designer.extensions import db
    from designer.services import accounts, workspaces

    folder = Path(tempfile.mkdtemp(prefix="kurswerk-bench-studio-"))
    app = bench_app(folder, database_url)
    times: dict[int, dict[str, tuple[float, float]]] = {}
    queries: dict[int, dict[str, int]] = {}
    with app.app_context():
        user = accounts.register(
            "bench@example.org", "Bench", PASSWORD, hash_method=app.config["PASSWORD_HASH_METHOD"]
        )
        workspace = workspaces.create_workspace(user, "Bench")
        db.session.commit()
        client = app.test_client()
        client.post("/login", data={"email": user.email, "password": PASSWORD})
        login = (lambda: None, lambda _: client.get("/login"))
        for size in SIZES:
            studio = Studio(client, import_generated(app, workspace, size))
            named = {"login": login, **studio.requests()}
            times[size] = {name: timed(*pair, repeat) for name, pair in named.items()}
            queries[size] = {}
            for name, (prepare, send) in studio.requests().items():
                given = prepare()
                db.session.expire_all()
                queries[size][name] = counted(db.engine, lambda s=send, g=given: s(g))
        db.session.remove()
        db.engine.dispose()
    db_name = "PostgreSQL" if database_url else "SQLite"
    parts = [f"{db_name}, median of {repeat}; {machine()}"]
    for label, which in (("wall-clock", 0), ("CPU time of the process", 1)):
        parts.append(f"{label}, ms:\n\n" + render(*_time_table(times, which)))
        parts.append(_growth(times, which))
    counts = [[size, *(queries[size][name] for name in NAMES)] for size in SIZES]
    parts.append("SQL statements:\n\n" + render(["nuggets", *NAMES.values()], counts))
    return "\n\n".join(parts)


NAMES = {"page": "studio page", "move": "card move", "open": "inspector open", "save": "field save"}


def _time_table(times: dict, which: int) -> tuple[list[str], list[list[object]]]:
    headers = ["nuggets", "studio page", "÷ /login", "card move", "inspector open", "field save"]
    rows = []
    for size in SIZES:
        t = {name: pair[which] for name, pair in times[size].items()}
        rows.append(
            [
                size,
                f"{t['page']:.1f}",
                f"{t['page'] / t['login']:.1f}×",
                f"{t['move']:.1f}",
                f"{t['open']:.1f}",
                f"{t['save']:.1f}",
            ]
        )
    headers.append("/login")
    for row, size in zip(rows, SIZES, strict=True):
        row.append(f"{times[size]['login'][which]:.1f}")
    return headers, rows


def _growth(times: dict, which: int) -> str:
    small, big = times[SIZES[0]], times[SIZES[-1]]
    return f"{SIZES[-1]} vs {SIZES[0]} nuggets: " + ", ".join(
        f"{NAMES[name]} {big[name][which] / small[name][which]:.2f}×"
        for name in ("move", "open", "save")
    )


def main() -> None:
    print(database_run(__doc__, run))


if __name__ == "__main__":
    main()
