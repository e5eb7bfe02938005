"""Checks a SCORM package the way an LMS does: the manifest against the official XSDs,
and what the XSDs do not catch (file at the root, references, file lists, titles, ids).

libxml2 cannot load two of the SCORM 1.2 schema files as shipped: `ims_xml.xsd` binds the
default namespace to the XML namespace, and `imsmd_rootv1p2p1.xsd` is not deterministic.
The validator therefore works on a temporary copy with that one attribute removed, and
imports only the namespaces a Kurswerk manifest uses (it embeds no LOM metadata).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from lxml import etree

MANIFEST = "imsmanifest.xml"
SCHEMA_ROOT = Path(__file__).resolve().parent.parent / "schemas"

CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
CP2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"


@dataclass(frozen=True)
class SchemaSet:
    """One SCORM version: its schema folder, imported namespaces and manifest rules."""

    folder: str
    imports: tuple[tuple[str, str], ...]
    schemaversion: str
    scorm_type: str
    required_files: tuple[str, ...]

    def files(self) -> list[Path]:
        """The shipped schema files, which go to the root of every package."""
        return sorted(
            p for p in (SCHEMA_ROOT / self.folder).iterdir() if p.suffix in (".xsd", ".dtd")
        )


# imsss_v1p0.xsd includes one file per part of the sequencing model.
_IMSSS_PARTS = (
    "auxresource",
    "control",
    "delivery",
    "limit",
    "objective",
    "random",
    "rollup",
    "seqrule",
    "util",
)

SCORM12 = SchemaSet(
    folder="scorm12",
    imports=((CP12, "imscp_rootv1p1p2.xsd"), (ADLCP12, "adlcp_rootv1p2.xsd")),
    schemaversion="1.2",
    scorm_type=f"{{{ADLCP12}}}scormtype",
    required_files=(
        "imscp_rootv1p1p2.xsd",
        "adlcp_rootv1p2.xsd",
        "imsmd_rootv1p2p1.xsd",
        "ims_xml.xsd",
    ),
)
SCORM2004 = SchemaSet(
    folder="scorm2004",
    imports=(
        (CP2004, "imscp_v1p1.xsd"),
        (ADLCP2004, "adlcp_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    ),
    schemaversion="2004 4th Edition",
    scorm_type=f"{{{ADLCP2004}}}scormType",
    required_files=(
        "imscp_v1p1.xsd",
        "adlcp_v1p3.xsd",
        "adlseq_v1p3.xsd",
        "adlnav_v1p3.xsd",
        "imsss_v1p0.xsd",
        *(f"imsss_v1p0{part}.xsd" for part in _IMSSS_PARTS),
        "xml.xsd",
        "datatypes.dtd",
        "XMLSchema.dtd",
    ),
)
_BY_NAMESPACE = {CP12: SCORM12, CP2004: SCORM2004}


def parse_manifest(data: bytes) -> etree._Element:
    """Parse a manifest without network access or entity expansion."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def listed_files(root: etree._Element) -> set[str]:
    """Every `<file href>` of every resource."""
    return {f.get("href", "") for f in root.iter(_local("file"))}


def validate_package(package: str | Path | BinaryIO) -> list[str]:
    """Problems of a SCORM 1.2 or 2004 zip (empty list: a runtime will accept it)."""
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        if MANIFEST not in names:
            return [f"{MANIFEST} is not at the root of the package"]
        try:
            root = parse_manifest(zf.read(MANIFEST))
        except etree.XMLSyntaxError as exc:
            return [f"{MANIFEST} is not well-formed XML: {exc}"]
    schemas = _BY_NAMESPACE.get(etree.QName(root).namespace)
    if schemas is None:
        return [f"{MANIFEST}: unknown namespace {etree.QName(root).namespace!r}"]
    problems = validate_manifest(root, schemas)
    problems += _file_problems(root, names, schemas)
    return problems


def validate_manifest(root: etree._Element, schemas: SchemaSet) -> list[str]:
    """XSD errors plus the rules the XSDs leave out."""
    schema = xml_schema(schemas)
    problems = []
    if not schema.validate(root):
        problems += [f"XSD line {e.line}: {e.message}" for e in schema.error_log]
    return problems + _reference_problems(root, schemas)


@cache
def xml_schema(schemas: SchemaSet) -> etree.XMLSchema:
    """The schema of one SCORM version, loaded from a patched temporary copy."""
    with tempfile.TemporaryDirectory(prefix="kurswerk-xsd-") as tmp:
        copy = Path(tmp)
        for source in schemas.files():
            data = source.read_bytes()
            if source.name == "ims_xml.xsd":
                data = re.sub(rb'\sxmlns="http://www.w3.org/XML/1998/namespace"', b"", data)
            (copy / source.name).write_bytes(data)
        imports = "".join(
            f'<xs:import namespace="{ns}" schemaLocation="{name}"/>' for ns, name in schemas.imports
        )
        wrapper = copy / "kurswerk-wrapper.xsd"
        wrapper.write_text(
            f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>',
            encoding="utf-8",
        )
        parser = etree.XMLParser(no_network=True)
        return etree.XMLSchema(etree.parse(str(wrapper), parser))


def _root_schema(name: str) -> bool:
    """Schema files at the root belong to the package, not to any resource."""
    return "/" not in name and name.endswith((".xsd", ".dtd"))


def _local(name: str) -> str:
    return f"{{*}}{name}"


def _reference_problems(root: etree._Element, schemas: SchemaSet) -> list[str]:
    problems = []
    version = root.findtext(f"{_local('metadata')}/{_local('schemaversion')}")
    if version != schemas.schemaversion:
        problems.append(f"schemaversion is {version!r}, not {schemas.schemaversion!r}")
    ids = Counter(node.get("identifier") for node in root.iter() if node.get("identifier"))
    problems += [f"identifier {i!r} is used {n} times" for i, n in ids.items() if n > 1]
    resources = {r.get("identifier") for r in root.iter(_local("resource"))}
    organizations = {o.get("identifier") for o in root.iter(_local("organization"))}
    default = root.find(_local("organizations"))
    default = None if default is None else default.get("default")
    if default and default not in organizations:
        problems.append(f"default organization {default!r} does not exist")
    for node in [*root.iter(_local("item")), *root.iter(_local("dependency"))]:
        ref = node.get("identifierref")
        if ref is not None and ref not in resources:
            problems.append(f"{etree.QName(node).localname} refers to unknown resource {ref!r}")
    for node in [*root.iter(_local("organization")), *root.iter(_local("item"))]:
        if not (node.findtext(_local("title")) or "").strip():
            problems.append(f"{node.get('identifier')!r} has no title")
    for resource in root.iter(_local("resource")):
        if resource.get(schemas.scorm_type) not in ("sco", "asset"):
            problems.append(f"resource {resource.get('identifier')!r} has no SCORM type")
    return problems + _mastery_problems(root)


def _mastery_problems(root: etree._Element) -> list[str]:
    """SCORM 1.2 masteryscore is 0–100; its XSD only says "a string"."""
    problems = []
    for node in root.iter(f"{{{ADLCP12}}}masteryscore"):
        try:
            valid = 0 <= float(node.text or "") <= 100
        except ValueError:
            valid = False
        if not valid:
            problems.append(f"masteryscore {node.text!r} is not a number from 0 to 100")
    return problems


def _file_problems(root: etree._Element, names: list[str], schemas: SchemaSet) -> list[str]:
    problems = [
        f"{name} is missing at the root" for name in schemas.required_files if name not in names
    ]
    packaged = {n for n in names if not n.endswith("/") and not _root_schema(n)} - {MANIFEST}
    listed = listed_files(root)
    hrefs = {r.get("href") for r in root.iter(_local("resource")) if r.get("href")}
    problems += [
        f"{href} is named but not in the package" for href in sorted((listed | hrefs) - packaged)
    ]
    problems += [
        f"{name} is in the package but no resource lists it" for name in sorted(packaged - listed)
    ]
    problems += [f"resource href {href} is not listed as a file" for href in sorted(hrefs - listed)]
    problems += [f"{name} is in the package twice" for name, n in Counter(names).items() if n > 1]
    return problems
