"""The favicon and app icons, drawn from the logo with Pillow.

A PNG logo is fitted, centred, on a white square. An SVG logo is not rasterised here
(that would need a native SVG renderer such as Cairo on every server): browsers take
the SVG itself as the favicon, and the PNG icons that platforms insist on (the Apple
touch icon, the web app manifest's) are the organisation's initials in white on the
brand colour, a mark that stays legible at 32 pixels where a wide logo would not."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

SIZES = (32, 180, 192, 512)


def initials(name: str) -> str:
    """ "University of Helsinki-Uusimaa" → "UH": the capitals of its first two words that
    have one, so "of" and "and" are passed over."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isupper()]
    return "".join(letters[:2]) or name[:1].upper() or "N"


def _monogram(text: str, colour: str, size: int) -> Image.Image:
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=round(size * (0.5 if len(text) > 1 else 0.62)))
    draw.text((size / 2, size / 2), text, fill="#ffffff", font=font, anchor="mm")
    return image


def _fitted(logo: bytes, size: int) -> Image.Image:
    with Image.open(io.BytesIO(logo)) as source:
        source = source.convert("RGBA")
        source.thumbnail((round(size * 0.86), round(size * 0.86)), Image.Resampling.LANCZOS)
        image = Image.new("RGB", (size, size), "#ffffff")
        offset = ((size - source.width) // 2, (size - source.height) // 2)
        image.paste(source, offset, source)
        return image


def draw_icon(*, size: int, logo: bytes | None, logo_type: str, name: str, colour: str) -> bytes:
    """A square PNG icon of `size` pixels: the PNG logo, else the name's initials."""
    if logo and logo_type == "image/png":
        image = _fitted(logo, size)
    else:
        image = _monogram(initials(name), colour, size)
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True)
    return output.getvalue()
