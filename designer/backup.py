"""Instance backup and restore: one tar archive with a consistent copy of the database,
every file of the file store and a manifest (versions and SHA-256 of every member).

The database copy is taken while the app runs: SQLite's online backup API (a snapshot in
one read transaction) or `pg_dump` (one snapshot) where DATABASE_URL is PostgreSQL. Files
are content-addressed and never change, so those listed after the snapshot include every
file it refers to. A restore checks every checksum before it writes anything, refuses an
archive of a newer Kurswerk, and writes only into an empty instance.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import sqlalchemy
from alembic.script import ScriptDirectory
from flask import Flask
from sqlalchemy import URL, inspect, select, text

from designer.extensions import db
from designer.storage.filestore import CHUNK

FORMAT = "kurswerk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.sql"
_STORE_NAME = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}")


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


@dataclass(frozen=True)
class Summary:
    path: Path
    files: int
    bytes: int


# ------------------------------------------------------------------ backup


def create_backup(app: Flask, target: Path) -> Summary:
    """Write the archive to `target` (via a temporary name: a failed backup leaves nothing)."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=_scratch(app), prefix="backup-") as work:
        database = _dump_database(Path(work))
        store = Path(app.config["FILE_STORE"])
        files = sorted(p for p in store.glob("??/*") if _STORE_NAME.fullmatch(_rel(p, store)))
        partial = target.with_name(f".{target.name}.partial")
        manifest = _manifest(database)
        try:
            with tarfile.open(partial, "w") as archive:
                manifest["database"].update(_add(archive, database, database.name))
                for path in files:
                    entry = _add(archive, path, f"files/{_rel(path, store)}")
                    manifest["files"].append({"path": f"files/{_rel(path, store)}", **entry})
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    size = sum(f["size"] for f in manifest["files"])
    return Summary(target, len(files), size)


def _scratch(app: Flask) -> Path:
    folder = Path(app.config["DATA_DIR"]) / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _dump_database(work: Path) -> Path:
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        target = work / SQLITE_MEMBER
        source = sqlite3.connect(_read_only_uri(Path(url.database)), uri=True)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target
    if url.get_backend_name() == "postgresql":
        target = work / PG_MEMBER
        _run_pg("pg_dump", url, ["--no-owner", "--no-privileges", "--file", str(target)])
        return target
    raise BackupError(f"cannot back up a {url.get_backend_name()} database")


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def _manifest(database: Path) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema_revision": _schema_revision(),
        "versions": {
            "kurswerk": _version("kurswerk"),
            "python": platform.python_version(),
            "sqlalchemy": sqlalchemy.__version__,
            "database": _database_version(),
        },
        "database": {"dialect": db.engine.url.get_backend_name(), "path": database.name},
        "files": [],
    }


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _database_version() -> str:
    if db.engine.url.get_backend_name() == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    return db.session.execute(text("SHOW server_version")).scalar() or ""


def _schema_revision() -> str | None:
    if not inspect(db.engine).has_table("alembic_version"):
        return None
    return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _add(archive: tarfile.TarFile, path: Path, name: str) -> dict[str, Any]:
    """Add one file; returns its size and SHA-256 (of the bytes as written)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        info = archive.gettarinfo(fileobj=fh, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        archive.addfile(info, _Hashing(fh, digest))
    return {"size": info.size, "sha256": digest.hexdigest()}


class _Hashing:
    """A reader that hashes what passes through it."""

    def __init__(self, stream, digest):
        self.stream, self.digest = stream, digest

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        return data


# ------------------------------------------------------------------ restore


def restore_backup(app: Flask, source: Path, migrations: Path) -> Summary:
    """Restore the archive into this (empty) instance, or raise BackupError and write nothing."""
    try:
        archive = tarfile.open(source, "r:")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{source}: not a Kurswerk backup ({exc})") from None
    with archive, tempfile.TemporaryDirectory(dir=_scratch(app), prefix="restore-") as work:
        manifest = _read_manifest(archive, source)
        _check_versions(manifest, migrations)
        _check_empty(app)
        staged = _extract_checked(archive, manifest, Path(work), source)
        copied: list[Path] = []
        try:
            store = Path(app.config["FILE_STORE"])
            for entry in manifest["files"]:
                target = store / entry["path"].removeprefix("files/")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(staged / entry["path"], target)
                copied.append(target)
            _load_database(staged / manifest["database"]["path"], manifest["database"]["dialect"])
        except BaseException:
            for path in copied:  # the instance stays empty, ready for another try
                path.unlink(missing_ok=True)
            raise
    size = sum(f["size"] for f in manifest["files"])
    return Summary(source, len(manifest["files"]), size)


def _read_manifest(archive: tarfile.TarFile, source: Path) -> dict[str, Any]:
    try:
        raw = archive.extractfile(MANIFEST)
        manifest = json.loads(raw.read()) if raw else None
    except (KeyError, tarfile.TarError, OSError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source}: not a Kurswerk backup (no readable {MANIFEST})")
    return manifest


def _check_versions(manifest: dict[str, Any], migrations: Path) -> None:
    made_by = manifest.get("versions", {}).get("kurswerk", "?")
    if not isinstance(manifest.get("format_version"), int):
        raise BackupError("the manifest has no format version")
    if manifest["format_version"] > FORMAT_VERSION:
        raise BackupError(
            f"the backup was made by a newer Kurswerk ({made_by}, backup format "
            f"{manifest['format_version']}); update Kurswerk first"
        )
    revision = manifest.get("schema_revision")
    if revision is not None:
        known = {s.revision for s in ScriptDirectory(str(migrations)).walk_revisions()}
        if revision not in known:
            raise BackupError(
                f"the backup was made by a newer Kurswerk ({made_by}, database revision "
                f"{revision}); update Kurswerk first"
            )


def _check_empty(app: Flask) -> None:
    """Refuse unless every Kurswerk table is missing or empty, and the file store is empty."""
    tables = set(inspect(db.engine).get_table_names())
    for table in db.metadata.sorted_tables:
        if table.name in tables and db.session.execute(select(table).limit(1)).first():
            raise BackupError(f"this instance is not empty (table {table.name} has rows)")
    store = Path(app.config["FILE_STORE"])
    if any(store.glob("??/*")):
        raise BackupError(f"this instance is not empty (files in {store})")
    db.session.rollback()


def _extract_checked(
    archive: tarfile.TarFile, manifest: dict[str, Any], work: Path, source: Path
) -> Path:
    """Extract the members the manifest names, checking each size and checksum."""
    database = manifest.get("database") or {}
    if database.get("path") not in (SQLITE_MEMBER, PG_MEMBER):
        raise BackupError(f"{source}: the manifest names no database")
    if database.get("dialect") != db.engine.url.get_backend_name():
        raise BackupError(
            f"the backup holds a {database.get('dialect')} database, this instance uses "
            f"{db.engine.url.get_backend_name()}"
        )
    entries = [{"path": database["path"], **database}, *manifest.get("files", [])]
    for entry in entries:
        name = entry.get("path", "")
        if name != database["path"] and not (
            name.startswith("files/") and _STORE_NAME.fullmatch(name.removeprefix("files/"))
        ):
            raise BackupError(f"{source}: unexpected member {name!r}")
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if _copy_member(archive, name, target) != (entry.get("size"), entry.get("sha256")):
            raise BackupError(f"{source} is damaged: {name} does not match its checksum")
    return work


def _copy_member(archive: tarfile.TarFile, name: str, target: Path) -> tuple[int, str] | None:
    try:
        member = archive.extractfile(name)
    except (KeyError, tarfile.TarError, OSError):
        return None
    if member is None:
        return None
    digest, size = hashlib.sha256(), 0
    try:
        with member, target.open("wb") as out:
            while chunk := member.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
    except (tarfile.TarError, OSError, EOFError):
        return None
    return size, digest.hexdigest()


def _load_database(path: Path, dialect: str) -> None:
    db.session.remove()
    engine = db.engine
    if dialect == "sqlite":
        engine.dispose()
        source = sqlite3.connect(_read_only_uri(path), uri=True)
        target = sqlite3.connect(engine.url.database)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        engine.dispose()
        return
    with engine.begin() as connection:  # empty tables only (checked): drop them for the dump
        db.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    _run_pg("psql", engine.url, ["-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", str(path)])


# ------------------------------------------------------------------ PostgreSQL tools


def _run_pg(tool: str, url: URL, arguments: list[str]) -> None:
    """Run pg_dump or psql against the app's database (password through the environment)."""
    program = _pg_program(tool)
    env = {**os.environ, "PGPASSWORD": url.password or ""} if url.password else dict(os.environ)
    target = url.set(drivername="postgresql", password=None).render_as_string()
    result = subprocess.run(
        [program, "--dbname", target, *arguments], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()[-2000:]}")


def _pg_program(tool: str) -> str:
    """The tool on PATH, else the newest one of Debian's PostgreSQL packages."""
    found = shutil.which(tool)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if not candidates:
        raise BackupError(
            f"{tool} is needed for a PostgreSQL database (apt-get install postgresql-client)"
        )
    return str(candidates[-1])
