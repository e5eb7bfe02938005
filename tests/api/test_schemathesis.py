"""Schemathesis in all its phases against the OpenAPI document of a running app: examples,
coverage (boundary values, positive and negative), fuzzing (positive and negative data)
and stateful sequences along the inferred links, with every check: no server error, and
the answers conform to the document (status codes, content types, schemas, `Allow` on
405, a deleted design no longer readable, schema-valid input accepted, invalid refused).

Bounded: a few examples per operation, so the run takes about a minute."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("schemathesis")

MAX_EXAMPLES = 3
# A file's content is beyond what a schema can say: the import answers 422 with `problems`
# for a schema-valid upload that is no design (documented in the operation's description).
# Likewise a new design's `template` is a key that GET /workspaces/{slug}/templates lists
# at that moment (a workspace's templates come and go); another key answers 422.
# Every check is on by default (a `--checks all` would override this per-operation setting).
CONFIG = """
[[operations]]
include-operation-id = "create_import"
checks.positive_data_acceptance.enabled = false

[[operations]]
include-operation-id = "create_design"
checks.positive_data_acceptance.enabled = false
"""


def test_all_phases_and_checks_pass(live_server, write_token, example_design, tmp_path):
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "run",
        f"{live_server}/api/v1/openapi.json",
        "--header",
        f"Authorization: Bearer {write_token}",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--mode",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--generation-deterministic",
        # Lone surrogates are no UTF-8 text; the API refuses them like control characters.
        "--generation-codec",
        "utf-8",
        "--continue-on-failure",
        "--max-failures",
        "50",
        "--workers",
        "1",
        "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-8000:]
    assert "Tested: " in report and " passed" in report
