"""The app works from a built wheel: templates, static files, migrations, seed and schemas
travel inside the package."""

import os
import subprocess
import sys
import zipfile

import pytest

from tests.paths import ROOT

REQUIRED = [
    "designer/templates/base.html",
    "designer/static/css/app.css",
    "designer/migrations/env.py",
    "designer/migrations/versions/0001_initial_schema.py",
    "designer/seed/blended-course.json",
    "designer/seed/files/persona.png",
    "designer/translations/de/LC_MESSAGES/messages.mo",
    "designer/export/schemas/scorm2004/adlcp_v1p3.xsd",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"pip wheel failed: {result.stderr[-2000:]}")
    (path,) = out.glob("kurswerk-*.whl")
    return path


def test_wheel_holds_the_app_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    assert not missing


def test_demo_runs_from_the_unpacked_wheel(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "DESIGNER_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    code = (
        "import sys; from designer import create_app; app = create_app();"
        f"assert app.template_folder.startswith({str(site)!r}), app.template_folder;"
        "from designer.cli import main;"
        "sys.argv = ['designer', 'demo', '--password', 'demo-pw-12345']; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "demo@kurswerk.example" in result.stdout
