"""`designer backup` and `designer restore`: a round trip is lossless (every design's
snapshot, every file), and a damaged, newer or misdirected archive is refused with a
message and nothing written. Runs on SQLite and, with KURSWERK_TEST_DATABASE_URL, on
PostgreSQL (pg_dump and psql)."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tarfile
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, text

from designer import create_app
from designer.cli import main
from designer.extensions import db
from designer.models import Design
from designer.queries.read_model import snapshot
from designer.services import designs
from tests.conftest import PG_URL


def state(data_dir: Path) -> tuple[dict, dict]:
    """Every design's snapshot and every stored file's digest, read by a new app."""
    app = create_app({"SECRET_KEY": "x", "DATA_DIR": str(data_dir)})
    with app.app_context():
        rows = db.session.scalars(select(Design).order_by(Design.id))
        snapshots = {d.id: (d.deleted_at, snapshot(d)) for d in rows}
        db.session.remove()
        db.engine.dispose()
    store = data_dir / "files"
    files = {
        p.relative_to(store).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in store.glob("??/*")
    }
    return snapshots, files


@pytest.fixture
def cli(monkeypatch):
    """run(data_dir, *args) → output of `designer *args` for that instance. It runs in a
    thread of its own: the command then makes its own app, as from a shell, instead of
    using the test's app context."""
    runner = CliRunner()

    def run(data_dir: Path, *args: str, code: int = 0) -> str:
        monkeypatch.setenv("DESIGNER_DATA_DIR", str(data_dir))
        results = []
        thread = threading.Thread(
            target=lambda: results.append(runner.invoke(main, list(args), catch_exceptions=False))
        )
        thread.start()
        thread.join()
        assert results[0].exit_code == code, results[0].output
        return results[0].output

    return run


@pytest.fixture
def empty_instance(tmp_path):
    """empty_instance("name") → the data folder of a new, empty instance (on PostgreSQL the
    test database emptied: the suite has only one)."""

    def make(name: str) -> Path:
        if PG_URL:
            db.session.remove()
            with db.engine.begin() as connection:
                db.metadata.drop_all(connection)
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        return tmp_path / name

    yield make
    if PG_URL:  # the schema as the rest of the suite expects it
        db.session.remove()
        with db.engine.begin() as connection:
            db.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
            db.metadata.create_all(connection)


@pytest.fixture
def source(app, workspace, example_design, make_user):
    """The instance to back up: the example course, a second design and a trashed one."""
    owner = make_user("zweite@example.org", workspace=workspace, role="designer")
    designs.create_design(owner, workspace, "Zweiter Kurs")
    trashed = designs.create_design(owner, workspace, "Verworfen")
    db.session.commit()
    designs.delete_design(owner, trashed)
    db.session.commit()
    return Path(app.config["DATA_DIR"])


def test_round_trip_is_lossless(app, source, cli, tmp_path, empty_instance):
    before = state(source)
    assert len(before[0]) == 3 and len(before[1]) == 2
    archive = tmp_path / "kurswerk.tar"
    assert "backup written" in cli(source, "backup", str(archive))

    # Changes after the backup are not in it.
    design = db.session.scalars(select(Design).order_by(Design.id)).first()
    design.title = "Nach der Sicherung geändert"
    db.session.commit()
    assert state(source) != before

    restored = empty_instance("restored")
    cli(restored, "restore", str(archive))
    assert state(restored) == before

    out = cli(restored, "restore", str(archive), code=2)
    assert "not empty" in out


def _rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of the archive with `change(name, data) -> data` applied to every member."""
    with tarfile.open(archive) as old, tarfile.open(target, "w") as new:
        for member in old.getmembers():
            data = change(member.name, old.extractfile(member).read())
            member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    return target


def _assert_empty(data_dir: Path) -> None:
    assert not list((data_dir / "files").glob("??/*"))
    app = create_app({"SECRET_KEY": "x", "DATA_DIR": str(data_dir)})
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
        if "designs" in tables:
            assert db.session.scalar(select(db.func.count(Design.id))) == 0
        db.session.remove()
        db.engine.dispose()


def _manifest_change(**changes):
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), **changes}).encode()

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: d[:-1] + bytes([d[-1] ^ 1]) if n.startswith("files/") else d, "damaged"),
        (lambda n, d: d + b"-- extra" if n.startswith("database") else d, "damaged"),
        (_manifest_change(format_version=99), "newer Kurswerk"),
        (_manifest_change(schema_revision="9999_future"), "newer Kurswerk"),
        (lambda n, d: b"{" if n == "manifest.json" else d, "not a Kurswerk backup"),
    ],
    ids=["file", "database", "format", "schema", "manifest"],
)
def test_damaged_or_newer_archive_is_refused_and_nothing_written(
    app, source, cli, tmp_path, empty_instance, change, message
):
    archive = tmp_path / "kurswerk.tar"
    cli(source, "backup", str(archive))
    bad = _rewrite(archive, tmp_path / "bad.tar", change)
    target = empty_instance("target")
    out = cli(target, "restore", str(bad), code=2)
    assert message in out
    _assert_empty(target)


def test_truncated_archive_is_refused(app, source, cli, tmp_path, empty_instance):
    archive = tmp_path / "kurswerk.tar"
    cli(source, "backup", str(archive))
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[:2000])
    target = empty_instance("target")
    assert "error:" in cli(target, "restore", str(cut), code=2)
    _assert_empty(target)


def test_manifest_names_versions_and_checksums(app, source, cli, tmp_path):
    archive = tmp_path / "kurswerk.tar"
    cli(source, "backup", str(archive))
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
        for entry in manifest["files"]:
            digest = hashlib.sha256(tar.extractfile(entry["path"]).read()).hexdigest()
            assert digest == entry["sha256"] == entry["path"].rsplit("/", 1)[-1]
    assert manifest["format"] == "kurswerk-backup"
    assert set(manifest["versions"]) >= {"kurswerk", "python", "sqlalchemy", "database"}
    assert manifest["database"]["dialect"] == ("postgresql" if PG_URL else "sqlite")
    assert names == {"manifest.json", manifest["database"]["path"]} | {
        f["path"] for f in manifest["files"]
    }


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's locking")
def test_backup_while_another_connection_writes(app, source, cli, tmp_path, empty_instance):
    """The app keeps running: an open write transaction neither blocks the backup nor
    gets into it half-done."""
    before = state(source)
    writer = sqlite3.connect(db.engine.url.database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE designs SET title = 'halb geschrieben'")
    try:
        cli(source, "backup", str(tmp_path / "live.tar"))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    restored = empty_instance("restored")
    cli(restored, "restore", str(tmp_path / "live.tar"))
    assert state(restored) == before
