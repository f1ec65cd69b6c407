"""Demo photos drawn with Pillow: a canvas that draws in relative coordinates, so one
scene works at any size (the scenes: scenes.py)."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

# ---------------------------------------------------------------------------------------
# Drawing: simple scenes in relative coordinates, so one scene works at any size.
# ---------------------------------------------------------------------------------------

Box = tuple[float, float, float, float]


class Canvas:
    """A Pillow image with drawing helpers that take coordinates from 0 to 1."""

    def __init__(self, size: tuple[int, int], seed: str) -> None:
        self.width, self.height = size
        self.image = Image.new("RGB", size, "#808080")
        # "RGBA" mode blends translucent fills onto the RGB image: light, glass, shadow.
        self.draw = ImageDraw.Draw(self.image, "RGBA")
        # Seeded, so the same photo key always gives the same picture. Not for security.
        self.rng = random.Random(seed)  # noqa: S311

    def xy(self, x: float, y: float) -> tuple[int, int]:
        return round(x * self.width), round(y * self.height)

    def box(self, box: Box) -> tuple[int, int, int, int]:
        x0, y0 = self.xy(box[0], box[1])
        x1, y1 = self.xy(box[2], box[3])
        return x0, y0, max(x1, x0 + 1), max(y1, y0 + 1)

    def gradient(self, box: Box, top: str, bottom: str) -> None:
        x0, y0, x1, y1 = self.box(box)
        size = (x1 - x0, y1 - y0)
        mask = Image.linear_gradient("L").resize(size)
        band = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)
        self.image.paste(band, (x0, y0))

    def rect(self, box: Box, fill: str | tuple, radius: float = 0) -> None:
        if radius:
            self.draw.rounded_rectangle(self.box(box), round(radius * self.height), fill=fill)
        else:
            self.draw.rectangle(self.box(box), fill=fill)

    def ellipse(self, box: Box, fill: str | tuple) -> None:
        self.draw.ellipse(self.box(box), fill=fill)

    def circle(self, x: float, y: float, radius: float, fill: str | tuple) -> None:
        """A round circle whatever the aspect ratio: `radius` is relative to the height."""
        cx, cy = self.xy(x, y)
        r = radius * self.height
        self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)

    def polygon(self, points: list[tuple[float, float]], fill: str | tuple) -> None:
        self.draw.polygon([self.xy(x, y) for x, y in points], fill=fill)

    def line(self, points: list[tuple[float, float]], fill: str | tuple, width: float) -> None:
        pixels = max(1, round(width * self.height))
        self.draw.line([self.xy(x, y) for x, y in points], fill=fill, width=pixels)

    def person(
        self,
        x: float,
        base: float,
        height: float,
        clothes: str,
        *,
        skin: str = "#d8a584",
        hair: str = "#3b2a1f",
        legs: str = "#2c2f3a",
        shirt: str | None = None,
        seated: bool = False,
    ) -> None:
        """A figure centred on `x` whose feet (or, seated, waist) stand on `base`."""
        h = height * self.height / self.width  # the figure's height in x units
        top = base - height
        head_r = 0.075 * height
        self.circle(x, top + head_r, head_r * 1.06, hair)
        self.circle(x, top + head_r * 1.15, head_r, skin)
        neck = top + 2 * head_r
        torso_bottom = base if seated else top + 0.58 * height
        half = 0.15 * h if seated else 0.12 * h
        self.rect(
            (x - half, neck + 0.02 * height, x + half, torso_bottom), clothes, radius=0.05 * height
        )
        if shirt:
            self.polygon(
                [
                    (x - 0.035 * h, neck + 0.02 * height),
                    (x + 0.035 * h, neck + 0.02 * height),
                    (x, neck + 0.16 * height),
                ],
                shirt,
            )
        if not seated:
            leg = 0.05 * h
            self.rect(
                (x - 0.1 * h, torso_bottom - 0.02 * height, x - 0.1 * h + 2 * leg, base), legs
            )
            self.rect(
                (x + 0.1 * h - 2 * leg, torso_bottom - 0.02 * height, x + 0.1 * h, base), legs
            )
            self.rect((x - 0.11 * h, base - 0.02 * height, x + 0.11 * h, base), "#1d1d22")

    def finish(self, quality: int = 85) -> bytes:
        """Soften the vector edges, add a little film grain and encode as JPEG."""
        image = self.image.filter(ImageFilter.GaussianBlur(0.6))
        grain = Image.effect_noise(image.size, 24).convert("RGB")
        image = Image.blend(image, grain, 0.05)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        return buffer.getvalue()
