"""Checking an uploaded logo: a PNG that Pillow can open, or an SVG that can carry no
script. An SVG is refused, not cleaned: a logo is uploaded once, and a clear "this file
has <script>" is better than a silently altered drawing."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 512 * 1024
SVG_NS = "{http://www.w3.org/2000/svg}"
# Drawing elements only: no <script>, <foreignObject> (HTML inside), <iframe>, <image>
# (another file), <use> of another file, <a>, animation (<set>, <animate> can rewrite
# an href into javascript:).
SVG_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
        "clipPath", "mask", "symbol", "use", "style", "metadata",
    }
)  # fmt: skip
# Addresses inside the drawing only ("#gradient"), in href or in url(...) of a style.
_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
_IMPORT = re.compile(r"@import|expression\(|javascript:", re.IGNORECASE)


@dataclass(frozen=True)
class Logo:
    data: bytes
    content_type: str
    width: int
    height: int


def _local(name: str) -> str:
    return name.split("}", 1)[-1]


def _svg_problem(root: ElementTree.Element) -> str | None:
    """What makes this SVG unsafe to show, in words; None when nothing does."""
    if root.tag != f"{SVG_NS}svg":
        return _("The file is not an SVG drawing (its outer element is not <svg>).")
    for element in root.iter():
        name = _local(element.tag)
        if name not in SVG_ELEMENTS or not element.tag.startswith(SVG_NS):
            return _("The SVG contains a <%(name)s> element, which a logo may not have.") % {
                "name": name
            }
        for attribute, value in element.attrib.items():
            attribute_name = _local(attribute).lower()
            if attribute_name.startswith("on"):
                return _("The SVG has an event handler (%(name)s), which can run script.") % {
                    "name": attribute_name
                }
            if attribute_name == "href" and not value.strip().startswith("#"):
                return _(
                    "The SVG links to %(href)s; only links inside the drawing are allowed."
                ) % {"href": value[:80]}
            if _OUTSIDE_URL.search(value) or _IMPORT.search(value):
                return _("The SVG loads something from outside the drawing.")
        if name == "style" and (
            _OUTSIDE_URL.search(element.text or "") or _IMPORT.search(element.text or "")
        ):
            return _("The SVG's styles load something from outside the drawing.")
    return None


def _svg_size(root: ElementTree.Element) -> tuple[int, int]:
    """The drawing's proportions from its viewBox (or width and height), for the <img>."""
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            return max(1, round(float(box[2]))), max(1, round(float(box[3])))
        return (
            max(1, round(float(re.sub(r"[a-z%]+$", "", root.get("width", ""))))),
            max(1, round(float(re.sub(r"[a-z%]+$", "", root.get("height", ""))))),
        )
    except ValueError:
        raise ValidationError(_('The SVG needs a viewBox, e.g. viewBox="0 0 240 60".')) from None


def read_logo(data: bytes) -> Logo:
    """The uploaded bytes as a logo, or a ValidationError that says what is wrong."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("The logo is %(size)d KB; at most 512 KB is allowed.") % {"size": len(data) // 1024}
        )
    if data.lstrip()[:1] == b"<":
        try:
            # defusedxml refuses entities and DTDs: no billion laughs, no local files.
            root = ElementTree.fromstring(data)
        except (ElementTree.ParseError, DefusedXmlException) as error:
            raise ValidationError(
                _("The SVG could not be read: %(error)s") % {"error": error}
            ) from None
        problem = _svg_problem(root)
        if problem:
            raise ValidationError(problem)
        width, height = _svg_size(root)
        return Logo(data, "image/svg+xml", width, height)
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                raise ValidationError(_("Upload the logo as an SVG or a PNG file."))
            image.verify()
            return Logo(data, "image/png", image.width, image.height)
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(_("Upload the logo as an SVG or a PNG file.")) from None
