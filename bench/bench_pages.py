"""Server time (median of N requests through the WSGI app, no network) and SQL queries of
the design's main page and its snapshot at 10, 50, 200 and 500 nuggets, with /login of the
same app as the floor.

    python bench/bench_pages.py [--repeat 20] [--postgres]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from _support import (
    SIZES,
    QueryCounter,
    bench_app,
    database_run,
    import_generated,
    machine,
    median_ms,
)
from _support import table as render

PASSWORD = "benchmark password"


def design_page_rule(app) -> tuple[str, str]:
    """The canvas page when the canvas blueprint exists, else the design overview."""
    for rule in app.url_map.iter_rules():
        canvas = rule.endpoint.startswith("canvas.") and rule.arguments == {"design_id"}
        if canvas and "GET" in rule.methods:
            return rule.endpoint, rule.rule
    return "designs.overview", "/designs/<int:design_id>"


def run(database_url: str | None, repeat: int) -> str:
    from designer.extensions import db
    from designer.queries.read_model import snapshot
    from designer.services import accounts, workspaces

    folder = Path(tempfile.mkdtemp(prefix="kurswerk-bench-pages-"))
    app = bench_app(folder, database_url)
    rows = []
    with app.app_context():
        user = accounts.register(
            "bench@example.org", "Bench", PASSWORD, hash_method=app.config["PASSWORD_HASH_METHOD"]
        )
        workspace = workspaces.create_workspace(user, "Bench")
        db.session.commit()
        endpoint, rule = design_page_rule(app)
        client = app.test_client()
        client.post("/login", data={"email": user.email, "password": PASSWORD})
        floor_ms = median_ms(lambda: client.get("/login"), repeat)
        with QueryCounter(db.engine) as floor_q:
            client.get("/login")
        for size in SIZES:
            design = import_generated(app, workspace, size)
            url = rule.replace("<int:design_id>", str(design.id))
            api_url = f"/api/v1/designs/{design.id}"
            assert client.get(url).status_code == 200, url
            assert client.get(api_url).status_code == 200
            with QueryCounter(db.engine) as page_q:
                client.get(url)
            with QueryCounter(db.engine) as api_q:
                client.get(api_url)
            with QueryCounter(db.engine) as snap_q:
                snapshot(design)
            rows.append(
                [
                    size,
                    f"{median_ms(lambda u=url: client.get(u), repeat):.1f}",
                    page_q.count,
                    f"{median_ms(lambda d=design: snapshot(d), repeat):.1f}",
                    snap_q.count,
                    f"{median_ms(lambda u=api_url: client.get(u), repeat):.1f}",
                    api_q.count,
                    f"{floor_ms:.1f}",
                    floor_q.count,
                ]
            )
        db.session.remove()
        db.engine.dispose()
    headers = [
        "nuggets",
        f"{endpoint} ms",
        "queries",
        "snapshot() ms",
        "queries",
        "GET /api/v1/designs/<id> ms",
        "queries",
        "/login ms (floor)",
        "queries",
    ]
    db_name = "PostgreSQL" if database_url else "SQLite"
    return f"{db_name}, median of {repeat}; {machine()}\n\n" + render(headers, rows)


def main() -> None:
    print(database_run(__doc__, run))


if __name__ == "__main__":
    main()
