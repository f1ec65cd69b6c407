"""Real image files for the photo tests, made with Pillow (and by hand where Pillow
cannot: a swapped-primaries colour profile, a PNG header claiming 30000 × 30000)."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from typing import Any

from PIL import ExifTags, Image

GPS_LATITUDE = (60.0, 10.0, 12.5)


def noisy_jpeg(width: int = 400, height: int = 300, quality: int = 90) -> bytes:
    """A JPEG that does not compress to nothing, so truncating it really cuts data."""
    image = Image.effect_noise((width, height), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def two_halves(width: int, height: int, left: str, right: str) -> Image.Image:
    image = Image.new("RGB", (width, height), left)
    image.paste(Image.new("RGB", (width // 2, height), right), (width // 2, 0))
    return image


def jpeg_with_metadata(orientation: int = 6) -> bytes:
    """An 800 × 400 photo, red on the left and blue on the right as stored, with an EXIF
    orientation tag (6: the camera was turned; display it rotated 90° clockwise), GPS
    coordinates, a camera serial number and an XMP packet."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "TestCam"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SERIAL-123456"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (24.0, 57.0, 3.0)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="60,10.2N"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    buffer = io.BytesIO()
    two_halves(800, 400, "#ff0000", "#0000ff").save(buffer, "JPEG", quality=95, exif=exif, xmp=xmp)
    return buffer.getvalue()


def _s15f16(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15f16(x) + _s15f16(y) + _s15f16(z)


def swapped_primaries_profile() -> bytes:
    """An ICC v2 RGB display profile whose red primary is sRGB's green and whose green is
    sRGB's red (linear curves): pure red in this profile is pure green in sRGB."""
    srgb_red, srgb_green, srgb_blue = (
        (0.4361, 0.2225, 0.0139),
        (0.3851, 0.7169, 0.0971),
        (0.1431, 0.0606, 0.7141),
    )
    identity_curve = b"curv\0\0\0\0" + struct.pack(">I", 0)
    description = b"desc\0\0\0\0" + struct.pack(">I", 8) + b"swapped\0" + b"\0" * 4 * 2 + b"\0" * 70
    tags = [
        (b"desc", description),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(*srgb_green)),
        (b"gXYZ", _xyz(*srgb_red)),
        (b"bXYZ", _xyz(*srgb_blue)),
        (b"rTRC", identity_curve),
        (b"gTRC", identity_curve),
        (b"bTRC", identity_curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + b"\0\0\0\0"
        + _s15f16(0.9642)
        + _s15f16(1.0)
        + _s15f16(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def jpeg_in_swapped_profile() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (160, 120), (255, 0, 0)).save(
        buffer, "JPEG", quality=95, icc_profile=swapped_primaries_profile()
    )
    return buffer.getvalue()


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb
    that costs nothing to make and must be refused before it is decoded."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


TEXT_NAMED_JPG = b"Minutes of the faculty meeting, 3 March.\nThis is not a photo.\n"
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert('x')</script></body></html>"
SVG_WITH_SCRIPT = (
    b'\n  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


# ---------------------------------------------------------------------------------------
# One file per accepted format (tests/test_photo_formats.py)
# ---------------------------------------------------------------------------------------

# A 64 × 48 AVIF, red on the left and blue on the right, made with Pillow 13: a real AVIF
# file for checking that a Pillow without AVIF support refuses it clearly.
AVIF_64X48 = base64.b64decode(
    "AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUIAAADrbWV0YQAAAAAAAAAhaGRscgAAAAAAAAAAcGlj"
    "dAAAAAAAAAAAAAAAAAAAAAAOcGl0bQAAAAAAAQAAAB5pbG9jAAAAAEQAAAEAAQAAAAEAAAETAAAAOQAAAChp"
    "aW5mAAAAAAABAAAAGmluZmUCAAAAAAEAAGF2MDFDb2xvcgAAAABqaXBycAAAAEtpcGNvAAAAFGlzcGUAAAAA"
    "AAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAADGF2MUOBAAwAAAAAE2NvbHJuY2x4AAEADQAGgAAAABdpcG1h"
    "AAAAAAAAAAEAAQQBAoMEAAAAQW1kYXQSAAoJGBV/vaICGg0IMioZR4eGIYeeeeaAAADPzEUivgrM7Hbh/jk4"
    "WOM93dYTFZCf4f+TkAenUsQ="
)


def camera_exif() -> Image.Exif:
    """EXIF as a phone writes it, minus the orientation: the camera and where it was."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (24.0, 57.0, 3.0)
    return exif


def file_bytes(image: Image.Image, pillow_format: str, **options: Any) -> bytes:
    """`image` saved as `pillow_format` (Pillow's name: "PNG", "JPEG", ...)."""
    buffer = io.BytesIO()
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def with_alpha(image: Image.Image, left: int, right: int) -> Image.Image:
    """`image` (RGB or L) with an alpha channel: `left` on the left half, `right` on the
    right half (255 is opaque)."""
    alpha = two_halves(image.width, image.height, f"#{left:02x}0000", f"#{right:02x}0000")
    with_channel = image.convert("RGBA" if image.mode == "RGB" else "LA")
    with_channel.putalpha(alpha.getchannel("R"))
    return with_channel


def palette_halves(width: int, height: int) -> Image.Image:
    """A palette ("P") image: entry 0 (red) on the left half, entry 1 (blue) on the right,
    and its top quarter entry 2 (green), for a file that marks entry 2 transparent."""
    image = Image.new("P", (width, height), 0)
    image.putpalette([255, 0, 0, 0, 0, 255, 0, 255, 0])
    image.paste(1, (width // 2, 0, width, height))
    image.paste(2, (0, 0, width, height // 4))
    return image


def sixteen_bit_gradient(width: int, height: int) -> Image.Image:
    """A 16-bit greyscale ("I;16") image from 0 at the left edge to 65535 at the right:
    nearly every value is above 255, so a conversion that clips to 8 bits shows white."""
    row = b"".join(struct.pack("<H", round(x * 65535 / (width - 1))) for x in range(width))
    return Image.frombytes("I;16", (width, height), row * height)


def animated_gif(width: int, height: int, frames: list[tuple[str, str]]) -> bytes:
    """An animated GIF, one frame of two halves (left, right colour) per item of `frames`."""
    images = [two_halves(width, height, left, right).convert("P") for left, right in frames]
    return file_bytes(
        images[0], "GIF", save_all=True, append_images=images[1:], duration=200, loop=0
    )
