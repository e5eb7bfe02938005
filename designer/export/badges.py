"""A badge's image as PNG, and Open Badges metadata baked into a PNG.

The PNG is the drawn SVG rendered by CairoSVG (the system's cairo draws the same text
and shapes a browser shows), or the uploaded PNG. Baking follows the Open Badges
specifications: an iTXt chunk with the keyword `openbadges` (2.0: the assertion or badge
class JSON) or `openbadgecredential` (3.0: the credential, here a VC-JWT), placed before
IEND. A PNG that already carries the keyword keeps only the new chunk.
"""

from __future__ import annotations

import base64
import struct
import zlib

from designer.core.assets import AssetSource, MissingAsset
from designer.core.badges import SIZE, badge_svg
from designer.core.snapshot import Badge

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB2_KEYWORD = "openbadges"
OB3_KEYWORD = "openbadgecredential"


class NotPNG(ValueError):
    """Bytes that are not a PNG image."""


def _render(svg: bytes, width: int, height: int | None = None) -> bytes:
    """The SVG as PNG. CairoSVG loads the system's cairo library on import, so it is
    imported here: the app and every other export work on a machine without libcairo2."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg, output_width=width, output_height=height)


def drawn_png(badge: Badge) -> bytes:
    return _render(badge_svg(badge).encode(), SIZE)


def badge_png(badge: Badge, assets: AssetSource) -> bytes:
    """The badge's image: the uploaded PNG when there is one, else the drawn badge."""
    if badge.image is None:
        return drawn_png(badge)
    try:
        with assets.open(badge.image) as fh:
            return fh.read()
    except MissingAsset:
        return drawn_png(badge)


def badge_png_sizes(badge: Badge, assets: AssetSource, sizes: dict[str, int]) -> dict[str, bytes]:
    """The badge's image at each width (square), by name: the drawn SVG rendered at that
    size, or the uploaded PNG scaled into the square (kept in proportion, centred)."""
    drawn = badge.image is None
    svg = badge_svg(badge).encode() if drawn else _framed(badge_png(badge, assets))
    return {name: _render(svg, px, px) for name, px in sizes.items()}


def _framed(png: bytes) -> bytes:
    data = base64.b64encode(png).decode()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">'
        f'<image width="{SIZE}" height="{SIZE}" xlink:href="data:image/png;base64,{data}"/></svg>'
    ).encode()


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk; raises NotPNG for anything else or a damaged file."""
    if not png.startswith(PNG_SIGNATURE):
        raise NotPNG("not a PNG image")
    out, pos = [], len(PNG_SIGNATURE)
    while pos < len(png):
        if pos + 8 > len(png):
            raise NotPNG("truncated PNG")
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        data = png[pos + 8 : pos + 8 + length]
        if len(data) != length or pos + 12 + length > len(png):
            raise NotPNG("truncated PNG")
        out.append((kind, data))
        pos += 12 + length
        if kind == b"IEND":
            break
    if not out or out[-1][0] != b"IEND":
        raise NotPNG("PNG without IEND")
    return out


def bake(png: bytes, keyword: str, text: str) -> bytes:
    """`png` with an iTXt chunk `keyword` holding `text` (uncompressed UTF-8)."""
    kept = [(k, d) for k, d in chunks(png) if not (k == b"iTXt" and _keyword(d) == keyword)]
    payload = keyword.encode("latin-1") + b"\x00\x00\x00" + b"\x00" + b"\x00" + text.encode()
    kept.insert(len(kept) - 1, (b"iTXt", payload))
    return PNG_SIGNATURE + b"".join(_chunk(k, d) for k, d in kept)


def baked(png: bytes, keyword: str) -> str | None:
    """The text baked under `keyword`, or None."""
    for kind, data in chunks(png):
        if kind == b"iTXt" and _keyword(data) == keyword:
            rest = data.split(b"\x00", 1)[1]
            compressed, _method = rest[0], rest[1]
            rest = rest[2:]
            _language, rest = rest.split(b"\x00", 1)
            _translated, text = rest.split(b"\x00", 1)
            return (zlib.decompress(text) if compressed else text).decode()
    return None


def _keyword(data: bytes) -> str:
    return data.split(b"\x00", 1)[0].decode("latin-1")


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
