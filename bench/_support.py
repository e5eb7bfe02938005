"""Shared pieces of the benchmarks: a generated design of N nuggets, a query counter,
a PostgreSQL on loopback, and a machine description for the results table.

Not a test module: pytest never collects bench/ (testpaths = tests)."""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from designer.core import snapshot as s  # noqa: E402

EXAMPLE = ROOT / "designer" / "seed" / "blended-course.json"
SIZES = (10, 50, 200, 500)


def machine() -> str:
    memory = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout.split("\n")[1]
    load = os.getloadavg()[0]
    return (
        f"{platform.node()}: nproc {os.cpu_count()}, memory (free -g) {memory.split()[1]} GiB, "
        f"Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"load average {load:.1f} at the end"
    )


def generated_design(nuggets: int, asset_files: list[Path] | None = None) -> dict:
    """The example course grown to `nuggets` nuggets in modules of ten, every nugget placed
    once; asset files (if any) are spread over the nuggets."""
    example = json.loads(EXAMPLE.read_text())["design"]
    template = example["nuggets"]
    design = copy.deepcopy(example)
    design["title"] = f"Benchmark {nuggets}"
    design["nuggets"], design["modules"], design["assets"] = [], [], []
    for i, path in enumerate(asset_files or []):
        design["assets"].append(
            {"key": f"A{i}", "filename": path.name, "mimetype": "application/octet-stream"}
        )
    for i in range(nuggets):
        nugget = copy.deepcopy(template[i % len(template)])
        nugget["key"], nugget["title"] = f"N{i}", f"{nugget['title']} {i}"
        nugget.pop("assets", None)
        if asset_files:
            nugget["assets"] = [f"A{i % len(asset_files)}"] if i < len(asset_files) else []
        design["nuggets"].append(nugget)
        if i % 10 == 0:
            design["modules"].append(
                {"key": f"M{i // 10}", "title": f"Modul {i // 10 + 1}", "placements": []}
            )
        objectives = [example["objectives"][i % len(example["objectives"])]["key"]]
        design["modules"][-1]["placements"].append({"nugget": f"N{i}", "objectives": objectives})
    return {"format": s.FORMAT_NAME, "format_version": s.FORMAT_VERSION, "design": design}


def import_generated(app, workspace, nuggets: int, asset_dir: Path | None = None):
    """Import a generated design into `workspace` (inside an app context); returns it."""
    from designer.core.assets import DirectoryAssets, NoAssets
    from designer.extensions import db
    from designer.importers.base import Imported
    from designer.services.importing import import_design

    files = sorted(asset_dir.iterdir()) if asset_dir else []
    snap = s.from_dict(generated_design(nuggets, files))
    assets = DirectoryAssets(asset_dir) if asset_dir else NoAssets()
    design = import_design(None, workspace, Imported(snap, assets), app.extensions["file_store"])
    db.session.commit()
    return design


class QueryCounter:
    """Counts SQL statements on an engine while active."""

    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def _count(self, *args) -> None:
        self.count += 1

    def __enter__(self) -> QueryCounter:
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._count)


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def table(headers: list[str], rows: list[list[object]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: list[object]) -> str:
        return "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), rule] + [line(r) for r in rows])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """BENCH_DATABASE_URL, or a throw-away PostgreSQL cluster on 127.0.0.1 (as .ci/run)."""
    if os.environ.get("BENCH_DATABASE_URL"):
        yield os.environ["BENCH_DATABASE_URL"]
        return
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not bins:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    pgbin, port = bins[-1], free_port()
    folder = Path(tempfile.mkdtemp(prefix="kurswerk-bench-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")

    def run(*cmd: str) -> None:
        subprocess.run([*as_postgres, *cmd], check=True, capture_output=True)

    run(str(pgbin / "initdb"), "-D", str(folder), "-A", "trust", "-U", "postgres")
    options = f"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200"
    log = f"{folder}/log"
    run(str(pgbin / "pg_ctl"), "-D", str(folder), "-o", options, "-w", "-l", log, "start")
    try:
        run(str(pgbin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "bench")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/bench"
    finally:
        run(str(pgbin / "pg_ctl"), "-D", str(folder), "-m", "fast", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def bench_app(data_dir: Path, database_url: str | None = None):
    """An app on a migrated database in `data_dir` (SQLite unless a URL is given); CSRF
    is off so that the in-process client can log in with a plain form post."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    from flask_migrate import upgrade

    from designer import create_app, resource_dir

    app = create_app({"SECRET_KEY": "bench", "DATA_DIR": str(data_dir), "WTF_CSRF_ENABLED": False})
    with app.app_context():
        upgrade(directory=str(resource_dir("migrations")), revision="heads")
    return app


def database_run(description: str | None, run: Callable[[str | None, int], str]) -> str:
    """The table of `run(database_url, repeat)` for the command line's `--repeat` and
    `--postgres` (a throw-away cluster; without it, SQLite)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    args = parser.parse_args()
    if not args.postgres:
        return run(None, args.repeat)
    with postgres() as url:
        return run(url, args.repeat)
