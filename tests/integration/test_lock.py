"""Installs are reproducible: constraints.txt pins what this environment runs, and every
documented install command reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("==") for line in lines if line and not line.startswith("#"))


def test_lock_matches_the_installed_versions():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lock"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_lock_pins_the_runtime_test_and_postgres_packages():
    pins = _pins()
    for name in ("flask", "sqlalchemy", "pytest", "schemathesis", "psycopg", "psycopg-binary"):
        assert name in pins
    assert all(version.strip() for version in pins.values())


def test_documented_installs_use_the_lock():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installs = [line for line in (readme + ci).splitlines() if "pip install" in line]
    project_installs = [line for line in installs if "-e " in line]
    assert len(project_installs) >= 4
    assert all("-c constraints.txt" in line for line in project_installs)
