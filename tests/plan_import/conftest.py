"""Helpers for the plan import flow: upload a file as a logged-in user, look at staging."""

from __future__ import annotations

import io
from pathlib import Path

import pytest


@pytest.fixture
def staging_dir(app) -> Path:
    return Path(app.config["DATA_DIR"]) / "staging"


def staged_tokens(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def upload(client, workspace):
    """upload(path or (bytes, name)) → the response of the upload step."""

    def do(file, follow: bool = False):
        if isinstance(file, Path):
            data = {"file": (io.BytesIO(file.read_bytes()), file.name)}
        else:
            content, name = file
            data = {"file": (io.BytesIO(content), name)}
        return client.post(
            f"/w/{workspace.slug}/import/plan",
            data=data,
            content_type="multipart/form-data",
            follow_redirects=follow,
        )

    return do
