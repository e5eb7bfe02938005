"""The staging folders of uploaded plans, without the app."""

from __future__ import annotations

import io
import os
import time

import pytest

from designer.storage.filestore import FileTooLarge
from designer.storage.staging import PlanChoice, Staging, safe_name


def test_put_get_choice_and_discard(tmp_path):
    staging = Staging(tmp_path)
    staged = staging.put(io.BytesIO(b"data"), "plan.xlsx", max_bytes=100)
    assert staged.path.read_bytes() == b"data" and staged.choice() is None
    choice = PlanChoice({0: "module", 1: "title", 2: None}, "Kurs", "en")
    staged.save_choice(choice)
    again = staging.get(staged.token)
    assert again.path.name == "plan.xlsx" and again.choice() == choice
    assert (
        choice.digest() != PlanChoice({0: "module", 1: "title", 2: "media"}, "Kurs", "en").digest()
    )
    staging.discard(staged.token)
    assert staging.get(staged.token) is None and list(tmp_path.iterdir()) == []


def test_too_large_upload_leaves_nothing(tmp_path):
    with pytest.raises(FileTooLarge):
        Staging(tmp_path).put(io.BytesIO(b"x" * 101), "plan.xlsx", max_bytes=100)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["../plan.xlsx", ".hidden.xlsx", "choice.json"])
def test_unsafe_names_are_refused(tmp_path, name):
    with pytest.raises(ValueError):
        Staging(tmp_path).put(io.BytesIO(b"x"), name, max_bytes=100)


@pytest.mark.parametrize("token", ["", "..", "../../etc", "a" * 31, "a/" * 16])
def test_malformed_tokens_find_nothing(tmp_path, token):
    assert Staging(tmp_path / "staging").get(token) is None


def test_sweep_removes_only_staging_folders_idle_for_a_day(tmp_path):
    staging = Staging(tmp_path)
    old = staging.put(io.BytesIO(b"old"), "alt.xlsx", max_bytes=100)
    stuck = staging.claim(staging.put(io.BytesIO(b"x"), "x.xlsx", max_bytes=100).token)
    fresh = staging.put(io.BytesIO(b"new"), "neu.xlsx", max_bytes=100)
    other = tmp_path / "not-a-token"
    other.mkdir()
    day_and_more = time.time() - 24 * 3600 - 60
    for folder in (old.folder, stuck.folder, other):
        os.utime(folder, (day_and_more, day_and_more))
    assert sorted(staging.sweep()) == sorted([old.token, stuck.token])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.token, "not-a-token"])


def test_only_one_request_claims_an_upload(tmp_path):
    staging = Staging(tmp_path)
    staged = staging.put(io.BytesIO(b"data"), "plan.xlsx", max_bytes=100)
    claimed = staging.claim(staged.token)
    assert claimed is not None and claimed.path.read_bytes() == b"data"
    assert staging.claim(staged.token) is None and staging.get(staged.token) is None
    staging.release(claimed)
    assert staging.get(staged.token).path.read_bytes() == b"data"
    staging.claim(staged.token)
    staging.discard(staged.token)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Übungsplan Müller.XLSX", "Übungsplan Müller.xlsx"),
        ("../../etc/passwd.xlsx", "passwd.xlsx"),
        ("C:\\Users\\anna\\plan.xlsx", "plan.xlsx"),
        (".versteckt.xlsx", "versteckt.xlsx"),
        ("<script>.xlsx", "script.xlsx"),
        ("", "plan.xlsx"),
    ],
)
def test_safe_names(name, expected):
    assert safe_name(name, ".xlsx") == expected
