"""The one way importers parse XML (docx, xlsx, and any later XML reader).

lxml with entity resolution, DTD loading, network access and huge trees switched off, and
any DOCTYPE refused: office files never carry one, so a document that does is either
broken or an attack (external entities reading local files, billion-laughs expansion)."""

from __future__ import annotations

from lxml import etree

from designer.importers.base import ImportRefused

MAX_XML_BYTES = 50 * 1024 * 1024
_DOCTYPE_MARKERS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))


def parser() -> etree.XMLParser:
    """A fresh hardened parser (lxml parsers are not thread-safe to share)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse(data: bytes, label: str) -> etree._Element:
    """The root element of `data`; ImportRefused naming `label` when it is unsafe or broken."""
    if len(data) > MAX_XML_BYTES:
        raise ImportRefused([f"{label}: XML larger than {MAX_XML_BYTES // 2**20} MiB"])
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise ImportRefused([f"{label}: XML with a DOCTYPE declaration is refused"])
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise ImportRefused([f"{label}: not well-formed XML ({exc.msg})"]) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise ImportRefused([f"{label}: XML with a DOCTYPE declaration is refused"])
    return root
