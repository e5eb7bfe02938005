"""Texts of the one catalogue for code that runs without Flask (exporters, importers).

The web layer translates through Flask-Babel; exporters and importers take a language
and call `translate`, which reads the same compiled catalogue
(`designer/translations/<lang>/LC_MESSAGES/messages.mo`) with the standard library.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

_CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "translations"


def N_(text: str) -> str:
    """Mark an English text as a msgid for pybabel without translating it here."""
    return text


@lru_cache(maxsize=4)
def _catalogue(language: str) -> gettext.GNUTranslations:
    return gettext.translation("messages", _CATALOGUE_DIR, languages=[language])


def translate(msgid: str, language: str) -> str:
    """`msgid` in English for "en", in German otherwise (as the exporters pick languages)."""
    if language == "en":
        return msgid
    return _catalogue("de").gettext(msgid)


def translate_plural(singular: str, plural: str, n: int, language: str) -> str:
    """`singular` or `plural` for `n`, in English for "en", in German otherwise. The
    catalogue's check reads its first two arguments as one message with a plural."""
    if language == "en":
        return singular if n == 1 else plural
    return _catalogue("de").ngettext(singular, plural, n)
