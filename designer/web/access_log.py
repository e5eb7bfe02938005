"""The access log without secrets. Secret links carry their token in the path (password
reset, invitations, LTI registration and results) and LMSs put bearer tokens in the query
(`registration_token` of LTI Dynamic Registration), so the request lines that Werkzeug's
server (`designer run`) and gunicorn log are redacted before any handler sees them."""

from __future__ import annotations

import logging
import re

from flask import Flask

ACCESS_LOGGERS = ("werkzeug", "gunicorn.access")
HIDDEN = "[redacted]"

# A path segment that is a token: long, of the characters signed or random tokens use,
# and either mixed case (URL-safe base64) or hexadecimal; ids, keys and slugs are short or
# lower case words.
_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_\-.~]{24,}(?=[/?#\s\"]|$)")
_HEX = re.compile(r"[0-9a-f]{32,}")
_SECRET_QUERY = re.compile(
    r"(?<=[?&])([A-Za-z_]*(?:token|secret|state|code|nonce)=)[^&#\s\"]+", re.IGNORECASE
)


def redact(line: str) -> str:
    """`line` with every token-like path segment (outside the static files, whose names
    can be long) and every secret query value hidden."""
    if " /static/" not in line:
        line = _SEGMENT.sub(_hidden_token, line)
    return _SECRET_QUERY.sub(rf"\1{HIDDEN}", line)


def _hidden_token(match: re.Match[str]) -> str:
    segment = match.group(0)
    mixed = segment.lower() != segment and segment.upper() != segment
    return HIDDEN if mixed or _HEX.fullmatch(segment) else segment


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        return True


def init_app(app: Flask) -> None:
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
