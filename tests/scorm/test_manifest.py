"""Manifests of exported packages: valid against the official XSDs, complete, well-formed
for a runtime; and the validator itself catches what an LMS would reject."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from lxml import etree

from designer.core.snapshot import DesignSnapshot
from designer.export.scorm.validate import MANIFEST, validate_package
from tests.scorm.helpers import (
    VERSIONS,
    example,
    export,
    manifest,
    mastery_by_title,
    ns,
    open_zip,
    scorm_types,
    without_online,
)

IMSSS = "http://www.imsglobal.org/xsd/imsss"
DESIGNS = {
    "example": example,
    "no_online": lambda: without_online(example()),
    "empty": lambda: DesignSnapshot(title="Leerer Kurs"),
}
PER_NUGGET = {"packaging": "per_nugget"}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("packaging", ["per_nugget", "single"])
def test_exported_package_is_valid(version, design, packaging):
    package = export(DESIGNS[design](), version, {"packaging": packaging})
    assert validate_package(io.BytesIO(package)) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_default_package_is_one_sco_holding_the_course(version):
    root = manifest(export(example(), version))
    n = ns(root)
    assert scorm_types(export(example(), version)) == {"RES-COURSE": "sco", "RES-SHARED": "asset"}
    items = root.findall(".//cp:organization/cp:item", n)
    assert [(i.get("identifierref"), i.findtext("cp:title", namespaces=n)) for i in items] == [
        ("RES-COURSE", example().title)
    ]
    assert root.find(".//cp:resource[@identifier='RES-COURSE']", n).get("href") == "index.html"


@pytest.mark.parametrize("version", VERSIONS)
def test_empty_design_has_a_start_sco(version):
    package = export(DesignSnapshot(title="Leerer Kurs"), version, PER_NUGGET)
    assert scorm_types(package) == {"RES-START": "sco", "RES-SHARED": "asset"}
    start = open_zip(package).read("start.html").decode()
    assert "Diesem Kurs sind noch keine Lerneinheiten zugeordnet." in start


def test_organization_follows_modules_and_nuggets():
    root = manifest(export(example(), "scorm12", PER_NUGGET))
    n = ns(root)
    organization = root.find(".//cp:organization", n)
    assert organization.findtext("cp:title", namespaces=n) == example().title
    top = organization.findall("cp:item", n)
    assert [i.findtext("cp:title", namespaces=n) for i in top] == [
        "Überblick",
        *(m.title for m in example().modules),
    ]
    first_module = [i.findtext("cp:title", namespaces=n) for i in top[1].findall("cp:item", n)]
    assert first_module == [
        "Kennenlernen und Erwartungen",
        "Input: Lernzielgruppen im Betrieb",
        "Persona für die eigene Zielgruppe",
    ]


def test_delivery_modes_decide_what_becomes_a_sco():
    default = scorm_types(export(example(), "scorm2004", PER_NUGGET))
    assert default["RES-1"] == "asset"  # live online session
    assert default["RES-2"] == "sco"  # self-paced page
    assert default["RES-3"] == "asset"  # at the workplace
    assert default["RES-5"] == "sco"  # quiz
    assert default["RES-11"] == "asset"  # on site
    wider = scorm_types(
        export(
            example(),
            "scorm2004",
            {"content_modes": "self_paced_online,at_workplace", **PER_NUGGET},
        )
    )
    assert wider["RES-3"] == "sco"
    assert wider["RES-11"] == "asset"


def test_scorm2004_sequencing_and_mastery():
    snap = example()
    snap = dataclasses.replace(
        snap, grobkonzept=dataclasses.replace(snap.grobkonzept, pass_mark_percent=70)
    )
    root = manifest(export(snap, "scorm2004", PER_NUGGET))
    organization = root.find(".//{*}organization")
    last = organization[-1]
    assert last.tag == f"{{{IMSSS}}}sequencing"
    control = last.find(f"{{{IMSSS}}}controlMode")
    assert (control.get("choice"), control.get("flow")) == ("true", "true")
    quiz = root.find(".//{*}item[@identifier='ITEM-5']")
    assert [etree.QName(c).localname for c in quiz] == ["title", "sequencing"]
    primary = quiz.find(f".//{{{IMSSS}}}primaryObjective")
    assert primary.get("satisfiedByMeasure") == "true"
    assert primary.findtext(f"{{{IMSSS}}}minNormalizedMeasure") == "0.7"
    page = root.find(".//{*}item[@identifier='ITEM-4']")
    assert page.find(f"{{{IMSSS}}}sequencing") is None
    assert root.findtext("{*}metadata/{*}schemaversion") == "2004 4th Edition"


def test_one_sco_declares_the_pass_mark_of_its_quizzes():
    assert mastery_by_title(export(example(), "scorm12")) == {example().title: "80"}
    assert mastery_by_title(export(example(), "scorm2004")) == {example().title: "0.8"}


def test_scorm12_mastery_score_on_quiz_items_only():
    root = manifest(export(example(), "scorm12", PER_NUGGET))
    scores = {
        item.get("identifier"): item.findtext("{*}masteryscore")
        for item in root.iter("{*}item")
        if item.findtext("{*}masteryscore")
    }
    assert scores == {"ITEM-5": "80"}
    assert root.findtext("{*}metadata/{*}schemaversion") == "1.2"


@pytest.mark.parametrize("version", VERSIONS)
def test_every_page_resource_depends_on_the_shared_assets(version):
    package = export(example(), version, PER_NUGGET)
    root = manifest(package)
    resources = {r.get("identifier"): r for r in root.iter("{*}resource")}
    shared = {f.get("href") for f in resources.pop("RES-SHARED").iter("{*}file")}
    runtime = "shared/scorm12.js" if version == "scorm12" else "shared/scorm2004.js"
    assert {"shared/learner.css", "shared/player.js", runtime} <= shared
    for resource in resources.values():
        assert [d.get("identifierref") for d in resource.iter("{*}dependency")] == ["RES-SHARED"]
        assert resource.find("{*}file").get("href") == resource.get("href")
    page2 = {f.get("href") for f in resources["RES-2"].iter("{*}file")}
    assert "files/persona.png" in page2  # used by one page only: listed with it


def test_a_file_used_by_several_pages_is_shared():
    snap = example()
    also = dataclasses.replace(snap.nuggets[3], content_html='<img src="persona.png" alt="">')
    snap = dataclasses.replace(snap, nuggets=(*snap.nuggets[:3], also, *snap.nuggets[4:]))
    root = manifest(export(snap, "scorm12", PER_NUGGET))
    files = {
        r.get("identifier"): {f.get("href") for f in r.iter("{*}file")}
        for r in root.iter("{*}resource")
    }
    assert "files/persona.png" in files["RES-SHARED"]
    assert "files/persona.png" not in files["RES-2"] | files["RES-4"]


# --------------------------------------------------------------------- SCORM 1.2 purity

NAMES_2004 = re.compile(
    r"API_1484_11|completion_status|success_status|score\.scaled|cmi\.location|"
    r"cmi\.session_time|cmi\.exit|scaled_passing_score|adl\.nav|scormType|imsss|adlcp_v1p3|"
    r"(?<!LMS)\b(Initialize|Terminate|GetValue|SetValue|Commit|GetLastError)\("
)


def _texts(package: bytes) -> dict[str, str]:
    zf = open_zip(package)
    return {
        name: zf.read(name).decode("utf-8") for name in zf.namelist() if not name.endswith(".png")
    }


@pytest.mark.parametrize("packaging", ["per_nugget", "single"])
def test_no_scorm2004_name_in_a_scorm12_package(packaging):
    texts = _texts(export(example(), "scorm12", {"packaging": packaging}))
    texts.pop("files/persona-vorlage.pdf")
    found = {name: NAMES_2004.findall(text) for name, text in texts.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
    assert "cmi.core.lesson_status" in texts["shared/scorm12.js"]


def test_the_2004_scan_finds_2004_names():
    texts = _texts(export(example(), "scorm2004"))
    assert NAMES_2004.search(texts["shared/scorm2004.js"])
    assert NAMES_2004.search(texts[MANIFEST])
    assert not any("cmi.core." in t for name, t in texts.items() if not name.endswith(".pdf"))


# --------------------------------------------------------------------- the validator


def _with_manifest(package: bytes, edit) -> bytes:
    """The package with its manifest changed by `edit(root)` (or replaced by its result)."""
    source = open_zip(package)
    root = etree.fromstring(source.read(MANIFEST))
    edit(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in source.namelist():
            data = etree.tostring(root) if name == MANIFEST else source.read(name)
            zf.writestr(name, data)
    return out.getvalue()


def _problems(package: bytes) -> str:
    return "\n".join(validate_package(io.BytesIO(package)))


@pytest.fixture(scope="module")
def packages():
    return {v: export(example(), v, PER_NUGGET) for v in VERSIONS}


@pytest.mark.parametrize("version", VERSIONS)
def test_validator_finds_broken_references(packages, version):
    def edit(root):
        root.find(".//{*}item[@identifier='ITEM-2']").set("identifierref", "RES-NOWHERE")
        root.find(".//{*}dependency").set("identifierref", "RES-GONE")

    problems = _problems(_with_manifest(packages[version], edit))
    assert "unknown resource 'RES-NOWHERE'" in problems
    assert "unknown resource 'RES-GONE'" in problems


@pytest.mark.parametrize("version", VERSIONS)
def test_validator_compares_listed_and_packaged_files(packages, version):
    def edit(root):
        shared = root.find(".//{*}resource[@identifier='RES-SHARED']")
        shared.remove(shared.find("{*}file[@href='shared/learner.css']"))
        etree.SubElement(shared, etree.QName(shared, "file").text, href="shared/missing.js")

    problems = _problems(_with_manifest(packages[version], edit))
    assert "shared/learner.css is in the package but no resource lists it" in problems
    assert "shared/missing.js is named but not in the package" in problems


@pytest.mark.parametrize("version", VERSIONS)
def test_validator_reports_empty_titles_and_xsd_errors(packages, version):
    def edit(root):
        root.find(".//{*}item[@identifier='ITEM-4']/{*}title").text = " "
        resource = root.find(".//{*}resource[@identifier='RES-4']")
        resource.insert(
            0, etree.Element(etree.QName(resource, "dependency"), identifierref="RES-1")
        )

    problems = _problems(_with_manifest(packages[version], edit))
    assert "'ITEM-4' has no title" in problems
    assert "XSD line" in problems  # a dependency before the files breaks the content model


def test_validator_checks_scorm2004_specifics(packages):
    def edit(root):
        root.find("{*}metadata/{*}schemaversion").text = "2004 4th edition"
        resource = root.find(".//{*}resource[@identifier='RES-4']")
        del resource.attrib["{http://www.adlnet.org/xsd/adlcp_v1p3}scormType"]
        item = root.find(".//{*}item[@identifier='ITEM-5']")
        item.append(item.find("{*}title"))  # title after sequencing: wrong order

    problems = _problems(_with_manifest(packages["scorm2004"], edit))
    assert "schemaversion is '2004 4th edition'" in problems
    assert "resource 'RES-4' has no SCORM type" in problems
    assert "XSD line" in problems


def test_validator_checks_scorm12_values(packages):
    def edit(root):
        root.find(".//{*}masteryscore").text = "180"
        resource = root.find(".//{*}resource[@identifier='RES-4']")
        resource.set("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype", "SCO")

    problems = _problems(_with_manifest(packages["scorm12"], edit))
    assert "masteryscore '180' is not a number from 0 to 100" in problems
    assert "XSD line" in problems  # scormtype is an enumeration of lowercase words


def test_validator_wants_the_manifest_at_the_root(packages):
    source = open_zip(packages["scorm12"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in source.namelist():
            zf.writestr(f"course/{name}", source.read(name))
    assert _problems(out.getvalue()) == "imsmanifest.xml is not at the root of the package"


def test_validator_wants_the_schema_files(packages):
    source = open_zip(packages["scorm2004"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in source.namelist():
            if name != "imsss_v1p0control.xsd":
                zf.writestr(name, source.read(name))
    assert _problems(out.getvalue()) == "imsss_v1p0control.xsd is missing at the root"


def test_shipped_schemas_are_4th_edition():
    from designer.export.scorm.validate import SCHEMA_ROOT

    adlcp = (SCHEMA_ROOT / "scorm2004" / "adlcp_v1p3.xsd").read_text(encoding="utf-8")
    assert re.search(r'version\s*=\s*"2\.0"', adlcp)
    assert "completedByMeasure" in adlcp
