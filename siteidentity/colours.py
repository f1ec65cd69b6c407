"""Colour contrast as WCAG 2.1 measures it: the brand colours are refused when text on
them would fail AA (4.5:1 for body text)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
AA_TEXT = 4.5


def _luminance(colour: str) -> float:
    """Relative luminance of an sRGB "#rrggbb" (WCAG 2.1, 'relative luminance')."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Enter a colour as # and six hexadecimal digits, e.g. #0b3d6e."))


def validate_text_colour(value: str) -> None:
    """The brand colour carries white text (the footer, buttons); the accent is text on
    white (links, labels): either way the pair is this colour and white."""
    validate_hex_colour(value)
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_TEXT:
        raise ValidationError(
            _(
                "Text on %(colour)s, or in %(colour)s on white, has a contrast ratio of "
                "%(ratio).2f:1; WCAG AA needs at least 4.5:1. Choose a darker colour."
            )
            % {"colour": value, "ratio": ratio}
        )
