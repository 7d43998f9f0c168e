"""Synthetic photos for the skin app's tests: rendered scenes and hostile files.

Scenes come from the colour core's renderer (``tests.core.colour.skin_scenes``): a colour chart
and two skin patches lit and photographed from spectra. One rendered frame serves as both the
exposed and the reference photo; the region chosen on each says which patch is measured.
"""

from __future__ import annotations

import io
import struct
import zlib
from functools import cache
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from tests.core.colour.skin_scenes import Scene, darken, render, skin_reflectance, spec_for

NO_MELANIN = 0.0


@cache
def scene(*, skin: str = "Caucasian", melanin: float = 0.3, seed: int = 0) -> Scene:
    """A rendered photo whose exposed patch carries ``melanin`` more than the reference."""
    reflectance = skin_reflectance(skin)
    spec = spec_for(skin, exposed=darken(reflectance, melanin=melanin), seed=seed)
    return render(spec)


def rect_json(roi: Any) -> dict[str, Any]:
    return {"kind": "rect", "x": roi.x, "y": roi.y, "width": roi.width, "height": roi.height}


def png_bytes(
    width: int = 640, height: int = 480, colour: tuple[int, int, int] = (200, 150, 120)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    """A small JPEG whose EXIF carries a GPS position, a camera make and a time."""
    image = Image.new("RGB", (800, 600), (190, 140, 110))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2024:05:01 10:00:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (51.0, 30.0, 0.0)  # GPSLatitude
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG whose header claims ``width`` × ``height`` pixels (a pixel
    flood): a few bytes on the wire, billions of pixels if anyone decoded it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


ZIP_BYTES = b"PK\x03\x04" + b"\x14\x00" + b"\0" * 60
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
TEXT_AS_JPEG = b"This is a plain text file that someone renamed to photo.jpg\n" * 4


def upload(api: Any, session_id: int, data: bytes, site: str) -> Any:
    """POST a photo as multipart through the API client."""
    return api.client.post(
        f"/api/v1/skin/sessions/{session_id}/photos",
        data={"site": site, "file": SimpleUploadedFile("p.jpg", data)},
        headers=api.headers,
    )


def put_region(api: Any, photo_id: int, body: dict[str, Any]) -> Any:
    return api.client.put(
        f"/api/v1/skin/photos/{photo_id}/region",
        data=body,
        content_type="application/json",
        headers=api.headers,
    )


def measured_session(
    api: Any,
    *,
    melanin: float = 0.3,
    skin: str = "Caucasian",
    seed: int = 0,
    taken_at: str | None = None,
    site: str = "back_of_hand",
) -> Any:
    """A session whose two photos are one rendered frame, measured on its two skin patches."""
    rendered = scene(skin=skin, melanin=melanin, seed=seed)
    body: dict[str, Any] = {"exposed_site": site}
    if taken_at is not None:
        body["taken_at"] = taken_at
    session = api.post("/skin/sessions", body).json()
    exposed = upload(api, session["id"], rendered.jpeg, "exposed").json()
    reference = upload(api, session["id"], rendered.jpeg, "reference").json()
    first = put_region(api, exposed["id"], {"region": rect_json(rendered.exposed_roi)})
    second = put_region(api, reference["id"], {"region": rect_json(rendered.reference_roi)})
    assert first.status_code == 200, first.content
    assert second.status_code == 200, second.content
    return api.get(f"/skin/sessions/{session['id']}").json()
