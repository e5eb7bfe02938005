"""Every text of the interface has a German translation, and the compiled catalogues are
up to date with their .po sources."""

import io

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from tests.paths import ROOT

TRANSLATIONS = ROOT / "designer" / "translations"
METHODS = [("designer/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "_l": None,
    "lazy_gettext": None,
    "ngettext": (1, 2),
    "N_": None,
}


def catalogues():
    return sorted(TRANSLATIONS.glob("de/LC_MESSAGES/messages.po"))


def source_messages() -> dict[str, str]:
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def test_every_message_has_a_german_translation():
    german = {}
    for po in catalogues():
        with po.open("rb") as fh:
            german.update({m.id: m.string for m in read_po(fh) if m.id and m.string})
    missing = {msgid: where for msgid, where in source_messages().items() if msgid not in german}
    assert len(source_messages()) > 100
    assert not missing, f"untranslated: {missing}"


def test_compiled_catalogues_match_their_sources():
    assert catalogues(), "no catalogue found"
    for po in catalogues():
        with po.open("rb") as fh:
            catalog = read_po(fh)
        expected = io.BytesIO()
        write_mo(expected, catalog)
        with po.with_suffix(".mo").open("rb") as fh:
            compiled = read_mo(fh)
        assert {m.id: m.string for m in compiled if m.id} == {
            m.id: m.string for m in catalog if m.id and m.string
        }, f"{po.parent}: run pybabel compile"
