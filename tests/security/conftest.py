"""The API fixtures (tokens, `call`) serve the security tests too."""

from tests.api.conftest import (
    call,
    designer_user,
    read_token,
    token_for,
    write_token,
)

__all__ = [
    "call",
    "designer_user",
    "read_token",
    "token_for",
    "write_token",
]
