"""DESIGNER_LTI_ALLOW_HTTP: plain http:// platform addresses (a test LMS on loopback, such
as a Moodle tried on 127.0.0.1) are accepted only when the environment says so."""

from __future__ import annotations

import pytest

from designer import config


@pytest.mark.parametrize(("value", "allowed"), [("1", True), ("0", False), (None, False)])
def test_the_environment_decides_whether_http_platforms_are_accepted(
    monkeypatch, tmp_path, value, allowed
):
    if value is None:
        monkeypatch.delenv("DESIGNER_LTI_ALLOW_HTTP", raising=False)
    else:
        monkeypatch.setenv("DESIGNER_LTI_ALLOW_HTTP", value)
    settings = config.load({"DATA_DIR": str(tmp_path), "SECRET_KEY": "k"})
    assert settings["LTI_ALLOW_HTTP"] is allowed
