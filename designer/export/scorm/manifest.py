"""`imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition, built with lxml.

Both describe the same plan: organization = the design, items = modules with their
nuggets (or one item for a one-SCO course), one resource per page listing its files, and
one shared asset resource (style sheet, scripts, files used by several pages) that every
page resource depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from designer.core.snapshot import snapshot_hash
from designer.export.scorm.plan import SHARED_RESOURCE, CoursePlan, Item, Page

XSI = "http://www.w3.org/2001/XMLSchema-instance"

CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
MD12 = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"

ORGANIZATION = "ORG"

Sub = Callable[..., etree._Element]


def manifest_12(plan: CoursePlan, shared_files: Sequence[str]) -> bytes:
    """The SCORM 1.2 manifest; `shared_files` are the package paths of the shared resource."""
    root = etree.Element(
        f"{{{CP12}}}manifest",
        nsmap={None: CP12, "adlcp": ADLCP12, "xsi": XSI},
        identifier=_manifest_id(plan),
        version="1.0",
    )
    root.set(
        f"{{{XSI}}}schemaLocation",
        f"{CP12} imscp_rootv1p1p2.xsd {MD12} imsmd_rootv1p2p1.xsd {ADLCP12} adlcp_rootv1p2.xsd",
    )
    sub = _maker(CP12)
    _metadata(root, sub, "1.2")
    organization = _organization(root, sub, plan)
    for item in plan.items:
        _item_12(organization, sub, item, plan)
    resources = sub(root, "resources")
    for page in plan.pages:
        resource = _resource(resources, sub, page, plan)
        resource.set(f"{{{ADLCP12}}}scormtype", "sco" if page.tracked else "asset")
    shared = _shared(resources, sub, shared_files)
    shared.set(f"{{{ADLCP12}}}scormtype", "asset")
    return _bytes(root)


def manifest_2004(plan: CoursePlan, shared_files: Sequence[str]) -> bytes:
    """The SCORM 2004 4th Edition manifest (choice and flow navigation, mastery by measure)."""
    root = etree.Element(
        f"{{{CP}}}manifest",
        nsmap={
            None: CP,
            "adlcp": ADLCP,
            "adlseq": ADLSEQ,
            "adlnav": ADLNAV,
            "imsss": IMSSS,
            "xsi": XSI,
        },
        identifier=_manifest_id(plan),
        version="1.0",
    )
    root.set(
        f"{{{XSI}}}schemaLocation",
        f"{CP} imscp_v1p1.xsd {ADLCP} adlcp_v1p3.xsd {ADLSEQ} adlseq_v1p3.xsd "
        f"{ADLNAV} adlnav_v1p3.xsd {IMSSS} imsss_v1p0.xsd",
    )
    sub = _maker(CP)
    _metadata(root, sub, "2004 4th Edition")
    organization = _organization(root, sub, plan)
    for item in plan.items:
        _item_2004(organization, sub, item, plan)
    sequencing = etree.SubElement(organization, f"{{{IMSSS}}}sequencing")
    etree.SubElement(sequencing, f"{{{IMSSS}}}controlMode", choice="true", flow="true")
    resources = sub(root, "resources")
    for page in plan.pages:
        resource = _resource(resources, sub, page, plan)
        resource.set(f"{{{ADLCP}}}scormType", "sco" if page.tracked else "asset")
    shared = _shared(resources, sub, shared_files)
    shared.set(f"{{{ADLCP}}}scormType", "asset")
    return _bytes(root)


def _maker(namespace: str) -> Sub:
    def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
        node = etree.SubElement(parent, f"{{{namespace}}}{tag}", **attrs)
        if text is not None:
            node.text = text
        return node

    return sub


def _manifest_id(plan: CoursePlan) -> str:
    return f"KURSWERK-{snapshot_hash(plan.snap)[:20]}"


def _metadata(root: etree._Element, sub: Sub, version: str) -> None:
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "ADL SCORM")
    sub(metadata, "schemaversion", version)


def _organization(root: etree._Element, sub: Sub, plan: CoursePlan) -> etree._Element:
    organizations = sub(root, "organizations", default=ORGANIZATION)
    organization = sub(organizations, "organization", identifier=ORGANIZATION)
    sub(organization, "title", plan.title)
    return organization


def _item_node(parent: etree._Element, sub: Sub, item: Item) -> etree._Element:
    attrs = {"identifier": item.identifier}
    if item.page:
        attrs["identifierref"] = item.page.resource
    attrs["isvisible"] = "true"
    node = sub(parent, "item", **attrs)
    sub(node, "title", item.title)
    return node


def _item_12(parent: etree._Element, sub: Sub, item: Item, plan: CoursePlan) -> None:
    node = _item_node(parent, sub, item)
    for child in item.children:
        _item_12(node, sub, child, plan)
    percent = _declared_pass_mark(item, plan)
    if percent is not None:
        masteryscore = etree.SubElement(node, f"{{{ADLCP12}}}masteryscore")
        masteryscore.text = str(percent)


def _item_2004(parent: etree._Element, sub: Sub, item: Item, plan: CoursePlan) -> None:
    node = _item_node(parent, sub, item)
    for child in item.children:
        _item_2004(node, sub, child, plan)
    percent = _declared_pass_mark(item, plan)
    if percent is not None:
        sequencing = etree.SubElement(node, f"{{{IMSSS}}}sequencing")
        objectives = etree.SubElement(sequencing, f"{{{IMSSS}}}objectives")
        primary = etree.SubElement(
            objectives,
            f"{{{IMSSS}}}primaryObjective",
            objectiveID=f"{item.identifier}-MASTERY",
            satisfiedByMeasure="true",
        )
        measure = etree.SubElement(primary, f"{{{IMSSS}}}minNormalizedMeasure")
        measure.text = f"{percent / 100:g}"


def _declared_pass_mark(item: Item, plan: CoursePlan) -> int | None:
    """The pass mark in percent an item's SCO declares (see `CoursePlan.page_pass_mark`)."""
    if item.page is None or not item.page.tracked:
        return None
    return plan.page_pass_mark(item.page)


def _resource(resources: etree._Element, sub: Sub, page: Page, plan: CoursePlan) -> etree._Element:
    resource = sub(
        resources, "resource", identifier=page.resource, type="webcontent", href=page.filename
    )
    sub(resource, "file", href=page.filename)
    for asset in plan.own_assets(page):
        sub(resource, "file", href=plan.asset_paths[asset.key])
    sub(resource, "dependency", identifierref=SHARED_RESOURCE)
    return resource


def _shared(resources: etree._Element, sub: Sub, files: Sequence[str]) -> etree._Element:
    resource = sub(resources, "resource", identifier=SHARED_RESOURCE, type="webcontent")
    for path in files:
        sub(resource, "file", href=path)
    return resource


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
