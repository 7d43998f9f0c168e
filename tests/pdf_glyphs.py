"""Read back how a PDF drew each character: which embedded font, which glyph, and for a colour
emoji the bitmap WeasyPrint places for it. A character no font had comes out as glyph 0 (the
empty box) or as nothing at all, so these checks fail when the font is missing."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import numpy
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

HERB = "\N{HERB}"  # U+1F33F, drawn in green by an emoji font
STAR = "\N{BLACK STAR}"  # U+2605, an outline glyph in DejaVu Sans


@dataclass(frozen=True)
class Drawn:
    font: str  # the embedded font's name, without its subset tag
    gid: int
    outline: bool  # the embedded glyph has contours (not an empty or missing glyph)


def _unicode_map(font: DictionaryObject) -> dict[str, int]:
    """Character -> glyph id, from the font's ToUnicode map (Identity-H: code = CID = GID)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    found: dict[str, int] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            found[bytes.fromhex(text).decode("utf-16-be")] = int(code, 16)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, text in re.findall(
            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
        ):
            start = ord(bytes.fromhex(text).decode("utf-16-be"))
            for offset in range(int(high, 16) - int(low, 16) + 1):
                found[chr(start + offset)] = int(low, 16) + offset
    return found


def _has_outline(font: DictionaryObject, gid: int) -> bool:
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    if "/FontFile2" not in descriptor:
        return False
    program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    if "glyf" not in program or gid >= program["maxp"].numGlyphs:
        return False
    glyph = program["glyf"][program.getGlyphOrder()[gid]]
    return bool(glyph.numberOfContours)


def drawn(pdf: bytes, char: str) -> list[Drawn]:
    """Every way ``char`` was drawn in ``pdf`` (one per font that carries it)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if "/ToUnicode" not in font or "/DescendantFonts" not in font:
                continue
            gid = _unicode_map(font).get(char)
            if gid is not None:
                name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
                out.append(Drawn(name, gid, _has_outline(font, gid)))
    return out


def green_bitmaps(pdf: bytes) -> list[int]:
    """Per page, the images that are mostly green where opaque: the herb emoji's bitmap (a
    page draws each glyph's bitmap from one image, however often it appears)."""
    counts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        count = 0
        for picture in page.images:
            if picture.image is None:
                continue
            rgba = numpy.asarray(picture.image.convert("RGBA")).reshape(-1, 4).astype(int)
            opaque = rgba[rgba[:, 3] > 128]
            green = (opaque[:, 1] > opaque[:, 0] + 30) & (opaque[:, 1] > opaque[:, 2] + 30)
            if len(opaque) and green.mean() > 0.5:
                count += 1
        counts.append(count)
    return counts
