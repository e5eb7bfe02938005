"""The export registry holds data types only; `designer.export.formats` is the one module
that imports the format packages, and no format imports it back (no import circle)."""

import ast

from designer.export import formats as format_list
from tests.paths import ROOT

EXPORT = ROOT / "designer" / "export"


def imported_modules(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_registry_imports_no_format():
    imports = imported_modules(EXPORT / "registry.py")
    exporters = {name for name in imports if name.startswith("designer.export.")}
    assert {name.split(".")[2] for name in exporters} == {"options"}


def test_no_format_imports_the_list_of_formats():
    importers = [
        path.relative_to(ROOT).as_posix()
        for path in EXPORT.rglob("*.py")
        if path.name != "formats.py" and "designer.export.formats" in imported_modules(path)
    ]
    assert importers == []


def test_the_list_holds_every_format_once():
    keys = list(format_list.formats())
    assert keys == ["json", "kurswerk", "scorm12", "scorm2004", "moodle", "docx", "xlsx"]
    assert format_list.get_format("moodle").extension == "mbz"
