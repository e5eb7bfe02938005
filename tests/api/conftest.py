"""Fixtures for the REST API: a designer with a write token and a read token, and a
`call` helper that sends a bearer token."""

from __future__ import annotations

from typing import Any

import pytest

from designer.extensions import db
from designer.services import tokens


@pytest.fixture
def designer_user(workspace, make_user):
    return make_user("designer@example.org", workspace=workspace, role="designer")


def _token(user, scope: str) -> str:
    _row, secret = tokens.create_token(user, f"{scope} token", scope)
    db.session.commit()
    return secret


@pytest.fixture
def write_token(designer_user) -> str:
    return _token(designer_user, "write")


@pytest.fixture
def read_token(designer_user) -> str:
    return _token(designer_user, "read")


@pytest.fixture
def token_for():
    """token_for(user, scope="write") → the secret of a new token of `user`."""
    return lambda user, scope="write": _token(user, scope)


@pytest.fixture
def call(client, write_token):
    """call("PATCH", "/designs/1", json={...}, token=...) → response (write token by default)."""

    def do(method: str, path: str, token: str | None = write_token, **kwargs: Any):
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return client.open("/api/v1" + path, method=method, headers=headers, **kwargs)

    return do
