"""Word files of the example design and of an empty English design, and their PDFs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from designer.core.assets import NoAssets
from designer.core.snapshot import DesignSnapshot, from_json
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from tests.paths import EXAMPLE_JSON

KINDS = ("grobkonzept", "feinkonzept", "quality", "offer")
DESIGNS = ("example", "empty")


@pytest.fixture(scope="session")
def example() -> DesignSnapshot:
    return from_json(EXAMPLE_JSON.read_bytes())


@pytest.fixture(scope="session")
def empty() -> DesignSnapshot:
    return DesignSnapshot(title="Empty course", language="en")


@pytest.fixture(scope="session")
def word_files(tmp_path_factory, example, empty) -> dict[tuple[str, str], Path]:
    """(design, document kind) → .docx, all written once per test run."""
    folder = tmp_path_factory.mktemp("word")
    files = {}
    for design_name, snap in (("example", example), ("empty", empty)):
        for kind in KINDS:
            path = folder / f"{design_name}-{kind}.docx"
            with path.open("wb") as out:
                fmt = get_format("docx")
                fmt.write(
                    snap, out, ExportContext(NoAssets(), fmt.read_options({"document": kind}))
                )
            files[design_name, kind] = path
    return files


@pytest.fixture(scope="session")
def pdfs(word_files, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """The same documents rendered by LibreOffice, in one soffice run."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is missing (Debian package libreoffice-writer-nogui)")
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo/pdftotext are missing (Debian package poppler-utils)")
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *(str(p) for p in word_files.values()),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = {key: out / f"{path.stem}.pdf" for key, path in word_files.items()}
    missing = [p.name for p in result.values() if not p.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return result
