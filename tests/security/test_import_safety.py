"""Every import path refuses hostile files with a clear message and writes nothing:
zip-slip paths, zip bombs, oversized files, XML external entities and entity expansion."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from designer.extensions import db
from designer.importers import registry, safexml
from designer.importers.base import ImportRefused
from designer.models import Asset, Design
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

GiB = 1024**3
MiB = 1024**2


def _design_json() -> bytes:
    return EXAMPLE_JSON.read_bytes()


def _bundle(extra: dict[str, bytes], with_files: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("design.json", _design_json())
        if with_files:
            for path in Path(EXAMPLE_FILES).iterdir():
                zf.write(path, f"files/{path.name}")
        for name, data in extra.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _declared_bomb() -> bytes:
    """A member that says it unpacks to just over 1 GiB: 1 MiB of zeros compressed, with
    its central-directory size raised before the archive is closed (cheap to build)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("design.json", _design_json())
        zf.writestr("files/zeros.bin", bytes(MiB))
        zf.filelist[-1].file_size = GiB + MiB
    return buffer.getvalue()


def _ratio_bomb() -> bytes:
    """An honest archive whose member expands 1000-fold (10 MiB of zeros)."""
    return _bundle({"files/zeros.bin": bytes(10 * MiB)})


HOSTILE_BUNDLES = {
    "dot-dot path": (lambda: _bundle({"../../etc/cron.d/evil": b"x"}), "leaves the archive"),
    "nested dot-dot": (lambda: _bundle({"files/../../evil.py": b"x"}), "leaves the archive"),
    "absolute path": (lambda: _bundle({"/etc/passwd": b"x"}), "absolute path"),
    "drive letter": (lambda: _bundle({"C:/Windows/evil.dll": b"x"}), "absolute path"),
    "backslash": (lambda: _bundle({"..\\evil.txt": b"x"}), "backslash"),
    "1 GiB declared": (_declared_bomb, "unpacks to more than"),
    "ratio bomb": (_ratio_bomb, "expands too much"),
    "not a zip": (lambda: b"PK\x03\x04 truncated", "not a zip archive"),
}


def _stored_files(app) -> list[Path]:
    root = Path(app.config["FILE_STORE"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize("case", sorted(HOSTILE_BUNDLES))
def test_registry_refuses_hostile_bundle(tmp_path, case):
    build, reason = HOSTILE_BUNDLES[case]
    path = tmp_path / "hostile.kurswerk"
    path.write_bytes(build())
    with pytest.raises(ImportRefused) as refused:
        registry.read(path)
    assert any(reason in problem for problem in refused.value.problems), refused.value.problems
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.kurswerk"]


def test_api_import_refuses_hostile_bundles_and_writes_nothing(app, call, workspace):
    for case, (build, reason) in sorted(HOSTILE_BUNDLES.items()):
        response = call(
            "POST",
            f"/workspaces/{workspace.slug}/imports",
            data={"file": (io.BytesIO(build()), "hostile.zip")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 422, case
        assert any(reason in p for p in response.json["problems"]), (case, response.json)
        assert db.session.query(Design).count() == 0, case
        assert db.session.query(Asset).count() == 0, case
        assert _stored_files(app) == [], case


def test_web_import_refuses_zip_slip_with_a_message(app, client, login, workspace, make_user):
    login(make_user("d@example.org", workspace=workspace, role="designer"))
    page = client.post(
        f"/w/{workspace.slug}/import",
        data={"file": (io.BytesIO(_bundle({"../evil": b"x"})), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert page.status_code == 200
    assert "leaves the archive folder" in page.get_data(as_text=True)
    assert db.session.query(Design).count() == 0


def test_oversized_asset_is_refused_and_nothing_is_stored(app, call, workspace):
    app.config["MAX_UPLOAD_BYTES"] = 1024
    response = call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(_bundle({})), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "larger than 1024 bytes" in response.json["problems"][0]
    assert db.session.query(Design).count() == 0
    assert _stored_files(app) == [] or all(p.stat().st_size <= 1024 for p in _stored_files(app))
    assert not [p for p in _stored_files(app) if p.name.startswith(".upload-")]


def test_oversized_design_json_is_refused(tmp_path, monkeypatch):
    from designer.core import limits

    monkeypatch.setattr(limits, "_active", limits.Limits(design_json_bytes=1000))
    path = tmp_path / "big.json"
    path.write_bytes(json.dumps({"padding": "x" * 2000}).encode())
    with pytest.raises(ImportRefused, match="too_long:design_json"):
        registry.read(path)


# ------------------------------------------------------------------ XML

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<r>&secret;</r>"""

XXE_NETWORK = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<r/>"""

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]><lolz>&lol9;</lolz>"
)


@pytest.mark.parametrize(
    "payload",
    [XXE, XXE_NETWORK, BILLION_LAUGHS, XXE.decode().encode("utf-16")],
    ids=["xxe", "xxe-net", "laughs", "xxe-utf16"],
)
def test_safexml_refuses_doctype_payloads(payload):
    with pytest.raises(ImportRefused, match="DOCTYPE"):
        safexml.parse(payload, "word/document.xml")


def test_hardened_parser_itself_neither_reads_files_nor_expands_entities():
    """Even without the DOCTYPE refusal, the parser would not resolve or expand anything."""
    root = etree.fromstring(XXE, safexml.parser())
    assert "root:" not in etree.tostring(root, encoding="unicode")
    try:
        laughs = etree.fromstring(BILLION_LAUGHS, safexml.parser())
    except etree.XMLSyntaxError as exc:  # libxml2's own amplification limit
        assert "amplification" in str(exc)
    else:
        assert len(etree.tostring(laughs)) < 10_000


def test_safexml_parses_ordinary_office_xml_and_refuses_broken_xml():
    root = safexml.parse(b'<w:document xmlns:w="urn:w"><w:p>Hallo</w:p></w:document>', "doc")
    assert root.tag == "{urn:w}document"
    with pytest.raises(ImportRefused, match="not well-formed"):
        safexml.parse(b"<a><b></a>", "doc")


# ------------------------------------------- Office files (once their importers exist)


def _real_office_file(extension: str) -> tuple[bytes, str]:
    """A genuine document made by python-docx / openpyxl, and the XML member that carries
    its text."""
    buffer = io.BytesIO()
    if extension == ".docx":
        import docx

        document = docx.Document()
        table = document.add_table(rows=2, cols=3)
        for cell, text in zip(table.rows[0].cells, ("Titel", "Dauer", "Methode"), strict=True):
            cell.text = text
        for cell, text in zip(table.rows[1].cells, ("TEXT_HERE", "30", "Vortrag"), strict=True):
            cell.text = text
        document.save(buffer)
        return buffer.getvalue(), "word/document.xml"
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Titel", "Dauer", "Methode"])
    workbook.active.append(["TEXT_HERE", 30, "Vortrag"])
    workbook.save(buffer)
    return buffer.getvalue(), "xl/sharedStrings.xml"


def _with_entities(original: bytes, member: str, doctype: bytes, reference: bytes) -> bytes:
    """The document with a DOCTYPE added to `member` and the placeholder text replaced by
    an entity reference."""
    source = zipfile.ZipFile(io.BytesIO(original))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                declaration_end = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
                data = data[:declaration_end] + doctype + data[declaration_end:]
                assert b"TEXT_HERE" in data, member
                data = data.replace(b"TEXT_HERE", reference)
            target.writestr(info, data)
    return buffer.getvalue()


ENTITY_PAYLOADS = {
    "xxe": (b'<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>', b"&secret;"),
    "laughs": (
        BILLION_LAUGHS[BILLION_LAUGHS.index(b"<!DOCTYPE") : BILLION_LAUGHS.index(b"]>") + 2],
        b"&lol9;",
    ),
}


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
@pytest.mark.parametrize("payload", sorted(ENTITY_PAYLOADS))
def test_office_imports_neither_read_files_nor_expand_entities(tmp_path, extension, payload):
    """Refused, or read without the entity: never /etc/passwd in the design, never a
    billion laughs, never a crash."""
    if extension not in registry.extensions():
        pytest.skip(f"no importer for {extension} registered")
    original, member = _real_office_file(extension)
    doctype, reference = ENTITY_PAYLOADS[payload]
    path = tmp_path / f"plan{extension}"
    path.write_bytes(_with_entities(original, member, doctype, reference))
    try:
        imported = registry.read(path)
    except ImportRefused as refused:
        assert not any("root:" in p for p in refused.problems)
        return
    from designer.core.snapshot import to_json

    text = to_json(imported.snapshot)
    assert "root:" not in text
    assert "lollollol" not in text


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_office_imports_refuse_zip_slip(tmp_path, extension):
    if extension not in registry.extensions():
        pytest.skip(f"no importer for {extension} registered")
    original, _member = _real_office_file(extension)
    buffer = io.BytesIO(original)
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr("../../evil.xml", b"<a/>")
    path = tmp_path / f"plan{extension}"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportRefused, match="leaves the archive"):
        registry.read(path)
