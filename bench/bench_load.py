"""A load run on loopback: gunicorn with 4 workers on PostgreSQL, 50 simulated users for
60 seconds. Most poll (the design's event feed when it exists, else its overview page, every
2 s as the browser does), some read the snapshot through the API, some edit through the API
with lock_version: half increment one shared nugget's duration (read, write, on 409 re-read
and retry), half set their own placement's duration override. At the end the server state
is compared with what the clients believe they wrote: lost updates must be 0.

    python bench/bench_load.py [--seconds 60] [--users 50] [--think 1.0] [--nuggets 50]

It starts its own PostgreSQL on 127.0.0.1 (or uses BENCH_DATABASE_URL) and gunicorn from
the `bench` extra. Client and server share this machine's cores.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _support import ROOT, bench_app, free_port, import_generated, machine, postgres
from _support import table as render

PASSWORD = "benchmark password"
WORKERS = 4


@dataclass
class Setup:
    design_id: int
    slug: str
    counter_nugget: int
    placements: list[int]
    read_token: str
    edit_tokens: list[str]
    poll_path: str


@dataclass
class Results:
    samples: list[tuple[str, int, float]] = field(default_factory=list)
    failures: Counter = field(default_factory=Counter)
    increments: int = 0
    written: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, role: str, status: int, seconds: float) -> None:
        with self.lock:
            self.samples.append((role, status, seconds))


class Client:
    """One keep-alive HTTP connection with timing."""

    def __init__(self, port: int, results: Results, role: str, headers: dict[str, str]):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.results, self.role, self.headers = results, role, headers

    def request(self, method: str, path: str, body: dict | None = None):
        headers = dict(self.headers)
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.results.failures[f"{self.role}: {type(exc).__name__}"] += 1
            self.conn.close()
            return 599, b""
        self.results.add(self.role, response.status, time.perf_counter() - start)
        return response.status, data


def seed(folder: Path, url: str, nuggets: int) -> Setup:
    from designer.extensions import db
    from designer.services import accounts, tokens, workspaces

    app = bench_app(folder, url)
    with app.app_context():
        hash_method = app.config["PASSWORD_HASH_METHOD"]
        owner = accounts.register("owner@example.org", "Owner", PASSWORD, hash_method=hash_method)
        workspace = workspaces.create_workspace(owner, "Last")
        db.session.commit()
        design = import_generated(app, workspace, nuggets)
        from designer.models import Nugget, Placement

        placements = [p.id for p in db.session.query(Placement).filter_by(design_id=design.id)]
        counter = db.session.query(Nugget).filter_by(workspace_id=workspace.id).first().id
        _row, read_token = tokens.create_token(owner, "readers", "read")
        edit_tokens = []
        for i in range(16):
            editor = accounts.register(
                f"editor{i}@example.org", f"Editor {i}", PASSWORD, hash_method=hash_method
            )
            workspaces.enrol(workspace, editor, "designer")
            edit_tokens.append(tokens.create_token(editor, "editing", "write")[1])
        db.session.commit()
        poll_path = f"/designs/{design.id}"
        for rule in app.url_map.iter_rules():
            if rule.rule.endswith("/events") and "design_id" in rule.arguments:
                poll_path = rule.rule.replace("<int:design_id>", str(design.id)) + "?after=0"
        setup = Setup(
            design.id, workspace.slug, counter, placements, read_token, edit_tokens, poll_path
        )
        db.session.remove()
        db.engine.dispose()
    return setup


def start_gunicorn(folder: Path, url: str, port: int) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=url, DESIGNER_DATA_DIR=str(folder), SECRET_KEY="bench")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}"]
        + ["--chdir", str(ROOT), "--log-level", "warning", "designer:create_app()"],
        env=env,
    )
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/login")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def session_cookie(port: int) -> str:
    """Log the owner in through the form (CSRF on, as in production)."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/login")
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    form = f"email=owner%40example.org&password={PASSWORD.replace(' ', '+')}&csrf_token={token}"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    conn.request("POST", "/login", body=form, headers=headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 302, response.status
    return response.getheader("Set-Cookie").split(";")[0]


def poll_role(setup: Setup) -> str:
    return "poll events" if "/events" in setup.poll_path else "poll overview page"


def poller(client: Client, setup: Setup, stop: float, think: float) -> None:
    """Polls like the browser: the event feed from the last id it saw, or the page."""
    path = setup.poll_path
    while time.time() < stop:
        status, data = client.request("GET", path)
        if "after=" in path and status == 200:
            last = json.loads(data).get("last_id")
            if isinstance(last, int):
                path = re.sub(r"after=\d+", f"after={last}", path)
        time.sleep(2.0 * think)


def reader(client: Client, setup: Setup, stop: float, think: float) -> None:
    while time.time() < stop:
        client.request("GET", f"/api/v1/designs/{setup.design_id}")
        time.sleep(1.0 * think)


def counter_editor(client: Client, setup: Setup, results: Results, stop: float, think: float):
    """Read-modify-write of one shared value: every success must show in the total."""
    path = f"/api/v1/workspaces/{setup.slug}/nuggets/{setup.counter_nugget}"
    while time.time() < stop:
        status, data = client.request("GET", path)
        if status != 200:
            continue
        nugget = json.loads(data)
        body = {
            "lock_version": nugget["lock_version"],
            "duration_minutes": nugget["duration_minutes"] + 1,
        }
        status, _ = client.request("PATCH", path, body)
        if status == 200:
            with results.lock:
                results.increments += 1
        time.sleep(0.2 * think)


def placement_editor(
    client: Client, setup: Setup, placement_id: int, results: Results, stop: float, think: float
):
    """Sets its own placement's override to 1, 2, 3 …; remembers the last value it wrote."""
    listing = f"/api/v1/designs/{setup.design_id}/placements"
    path = f"{listing}/{placement_id}"
    value, lock_version = 1, None
    while time.time() < stop:
        if lock_version is None:
            status, data = client.request("GET", listing)
            if status != 200:
                continue
            lock_version = next(p for p in json.loads(data) if p["id"] == placement_id)[
                "lock_version"
            ]
        status, data = client.request(
            "PATCH", path, {"lock_version": lock_version, "duration_override": value}
        )
        if status == 200:
            lock_version = json.loads(data)["lock_version"]
            with results.lock:
                results.written[placement_id] = value
            value += 1
            time.sleep(0.2 * think)
        else:
            lock_version = None


def sequential(port: int, setup: Setup, cookie: str, repeat: int = 30) -> str:
    """One client, one request at a time, before the load: the service time without
    queueing, to read the load table against."""
    read = {"Authorization": f"Bearer {setup.read_token}"}
    targets = [
        ("GET /login (floor)", "/login", {}),
        (f"GET {setup.poll_path.split('?')[0]} (poll target)", setup.poll_path, {"Cookie": cookie}),
        ("GET /api/v1/designs/<id>", f"/api/v1/designs/{setup.design_id}", read),
        (
            "GET …/nuggets/<id>",
            f"/api/v1/workspaces/{setup.slug}/nuggets/{setup.counter_nugget}",
            read,
        ),
    ]
    rows = []
    for label, path, headers in targets:
        client = Client(port, Results(), label, headers)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.request("GET", path)
            times.append((time.perf_counter() - start) * 1000)
        rows.append([label, f"{statistics.median(times):.1f}", f"{min(times):.1f}"])
    return render(["request, one client", "median ms", "min ms"], rows)


def verify(port: int, setup: Setup, results: Results, initial_counter: int) -> int:
    """Lost updates: writes the clients saw succeed that the server does not hold."""
    client = Client(port, Results(), "verify", {"Authorization": f"Bearer {setup.read_token}"})
    path = f"/api/v1/workspaces/{setup.slug}/nuggets/{setup.counter_nugget}"
    counter = json.loads(client.request("GET", path)[1])["duration_minutes"]
    lost = initial_counter + results.increments - counter
    status, data = client.request("GET", f"/api/v1/designs/{setup.design_id}/placements")
    server = {p["id"]: p["duration_override"] for p in json.loads(data)}
    lost += sum(1 for pid, value in results.written.items() if server[pid] != value)
    return lost


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def report(results: Results, seconds: float, lost: int, users: dict[str, int]) -> str:
    rows = []
    by_role: dict[str, list[tuple[int, float]]] = {}
    for role, status, latency in results.samples:
        by_role.setdefault(role, []).append((status, latency))
    everything = [(s, t) for _, s, t in results.samples]
    for role, samples in [*sorted(by_role.items()), ("all", everything)]:
        latencies = [t for _, t in samples]
        statuses = Counter(s for s, _ in samples)
        errors = sum(n for s, n in statuses.items() if s >= 500 or s in (400, 401, 403, 404, 422))
        rows.append(
            [
                role,
                users.get(role, sum(users.values())),
                len(samples),
                f"{len(samples) / seconds:.1f}",
                f"{percentile(latencies, 50):.0f}",
                f"{percentile(latencies, 95):.0f}",
                f"{percentile(latencies, 99):.0f}",
                errors + (sum(results.failures.values()) if role == "all" else 0),
                statuses.get(409, 0),
            ]
        )
    headers = ["role", "users", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]
    headers.append("409 (retried)")
    return render(headers, rows) + (
        f"\n\nlost updates: {lost}; successful increments of the shared nugget: "
        f"{results.increments}; placement overrides written: {sum(results.written.values())}"
    )


def run(seconds: int, users: int, think: float, nuggets: int) -> str:
    folder = Path(tempfile.mkdtemp(prefix="kurswerk-bench-load-"))
    with postgres() as url:
        setup = seed(folder, url, nuggets)
        port = free_port()
        server = start_gunicorn(folder, url, port)
        try:
            cookie = session_cookie(port)
            unloaded = sequential(port, setup, cookie)
            results = Results()
            counters, placers = 4, 4
            readers = max(1, users // 7)
            pollers = users - readers - counters - placers
            token_of = lambda i: {"Authorization": f"Bearer {setup.edit_tokens[i]}"}  # noqa: E731
            probe = Client(port, Results(), "probe", token_of(0))
            nugget_path = f"/api/v1/workspaces/{setup.slug}/nuggets/{setup.counter_nugget}"
            initial = json.loads(probe.request("GET", nugget_path)[1])["duration_minutes"]
            stop = time.time() + seconds
            threads = []
            for _ in range(pollers):
                c = Client(port, results, poll_role(setup), {"Cookie": cookie})
                threads.append(threading.Thread(target=poller, args=(c, setup, stop, think)))
            for _ in range(readers):
                reading = {"Authorization": f"Bearer {setup.read_token}"}
                c = Client(port, results, "read snapshot (API)", reading)
                threads.append(threading.Thread(target=reader, args=(c, setup, stop, think)))
            for i in range(counters):
                c = Client(port, results, "edit shared nugget (API)", token_of(i))
                threads.append(
                    threading.Thread(target=counter_editor, args=(c, setup, results, stop, think))
                )
            for i in range(placers):
                own = setup.placements[i * len(setup.placements) // placers]
                c = Client(port, results, "edit own placement (API)", token_of(counters + i))
                threads.append(
                    threading.Thread(
                        target=placement_editor,
                        args=(c, setup, own, results, stop, think),
                    )
                )
            started = time.time()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.time() - started
            lost = verify(port, setup, results, initial)
        finally:
            server.terminate()
            server.wait(timeout=30)
    role_users = {
        poll_role(setup): pollers,
        "read snapshot (API)": readers,
        "edit shared nugget (API)": counters,
        "edit own placement (API)": placers,
    }
    header = (
        f"{users} users, {seconds} s, a design of {nuggets} nuggets, think-time factor {think}, "
        f"gunicorn {WORKERS} workers, "
        f"PostgreSQL; {machine()}\n\n"
    )
    return header + unloaded + "\n\n" + report(results, elapsed, lost, role_users)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="0 = no pauses (stress)")
    parser.add_argument("--nuggets", type=int, default=50, help="size of the design")
    args = parser.parse_args()
    print(run(args.seconds, args.users, args.think, args.nuggets))


if __name__ == "__main__":
    main()
