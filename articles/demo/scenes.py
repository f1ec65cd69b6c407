"""The demo photos' scenes: a signing, a city, a lab, a lecture and others, each drawn
on a Canvas in the photo's palette; draw_photo() makes one a JPEG."""

from collections.abc import Callable, Iterator

from .drawing import Canvas


def _sky(c: Canvas, p: dict[str, str], horizon: float) -> None:
    c.gradient((0, 0, 1, horizon), p["sky_top"], p["sky_bottom"])
    if "sun" in p:
        for step in range(5, 0, -1):
            c.circle(0.8, 0.18, 0.04 * step, (255, 240, 200, 18))
        c.circle(0.8, 0.18, 0.045, p["sun"])


def _skyline(c: Canvas, p: dict[str, str], horizon: float, lit: bool = False) -> None:
    x = -0.02
    while x < 1:
        width = c.rng.uniform(0.06, 0.14)
        top = horizon - c.rng.uniform(0.12, 0.34)
        colour = c.rng.choice(p["buildings"].split())
        c.rect((x, top, x + width, horizon), colour)
        for wy in _frange(top + 0.03, horizon - 0.04, 0.045):
            for wx in _frange(x + 0.012, x + width - 0.02, 0.025):
                light = lit and c.rng.random() < 0.45
                c.rect(
                    (wx, wy, wx + 0.012, wy + 0.022),
                    (255, 214, 140, 230) if light else (20, 30, 45, 70),
                )
        x += width + c.rng.uniform(0.0, 0.02)


def _frange(start: float, stop: float, step: float) -> Iterator[float]:
    value = start
    while value < stop:
        yield value
        value += step


def _scene_signing(c: Canvas, p: dict[str, str]) -> None:
    """Two people at a table with documents; a mirror and a vase of flowers behind them."""
    c.gradient((0, 0, 1, 0.62), p["wall_top"], p["wall_bottom"])
    c.rect((0.36, 0.06, 0.64, 0.5), p["frame"])
    c.gradient((0.38, 0.08, 0.62, 0.48), "#e4e9ec", "#aab5bb")
    c.polygon([(0.42, 0.08), (0.5, 0.08), (0.4, 0.48), (0.38, 0.48)], (255, 255, 255, 60))
    c.ellipse((0.8, 0.34, 0.88, 0.6), p["vase"])
    for _ in range(14):
        c.line(
            [(0.84, 0.38), (0.84 + c.rng.uniform(-0.06, 0.06), c.rng.uniform(0.16, 0.3))],
            "#4d7a3a",
            0.004,
        )
    for _ in range(16):
        c.circle(
            0.84 + c.rng.uniform(-0.07, 0.07),
            c.rng.uniform(0.14, 0.3),
            c.rng.uniform(0.015, 0.028),
            c.rng.choice(p["flowers"].split()),
        )
    c.person(0.3, 0.66, 0.4, p["suit1"], shirt="#f2f2f2", seated=True, hair="#6b6660")
    c.person(0.66, 0.66, 0.42, p["suit2"], shirt="#eef2f7", seated=True, skin="#e3b494")
    c.gradient((0, 0.62, 1, 1), p["table_top"], p["table_bottom"])
    c.rect((0, 0.62, 1, 0.635), (255, 255, 255, 40))
    for x0, y0, tilt in ((0.2, 0.7, 0.01), (0.56, 0.72, -0.015), (0.4, 0.8, 0.0)):
        c.polygon(
            [
                (x0, y0),
                (x0 + 0.2, y0 + tilt),
                (x0 + 0.21, y0 + 0.18 + tilt),
                (x0 + 0.01, y0 + 0.18),
            ],
            "#f7f5ef",
        )
        for row in range(5):
            y = y0 + 0.03 + row * 0.025
            c.line([(x0 + 0.03, y), (x0 + 0.17, y + tilt)], (90, 90, 100, 120), 0.003)
    c.line([(0.62, 0.86), (0.72, 0.82)], "#1a1a1a", 0.008)


def _scene_city(c: Canvas, p: dict[str, str]) -> None:
    """A waterfront: sky, a skyline with a domed landmark, water with reflections."""
    horizon = 0.66
    _sky(c, p, horizon)
    _skyline(c, p, horizon, lit="lit" in p)
    c.rect((0.44, horizon - 0.3, 0.58, horizon), "#f1efe8")
    c.ellipse((0.46, horizon - 0.42, 0.56, horizon - 0.24), p["dome"])
    for col in _frange(0.455, 0.57, 0.02):
        c.rect((col, horizon - 0.2, col + 0.008, horizon - 0.02), (160, 160, 160, 120))
    c.gradient((0, horizon, 1, 1), p["water_top"], p["water_bottom"])
    for _ in range(90):
        x, y = c.rng.uniform(0, 1), c.rng.uniform(horizon + 0.01, 1)
        c.line([(x, y), (x + c.rng.uniform(0.02, 0.08), y)], (255, 255, 255, 50), 0.003)
    if "lit" in p:
        for x in _frange(0.05, 1, 0.15):
            c.line([(x, horizon + 0.02), (x, horizon - 0.25)], "#2b2b2b", 0.006)
            for step in range(4, 0, -1):
                c.circle(x, horizon - 0.25, 0.02 * step, (255, 220, 150, 40))
            c.circle(x, horizon - 0.25, 0.012, "#fff3cf")
    else:
        c.polygon([(0.12, 0.8), (0.3, 0.8), (0.27, 0.85), (0.15, 0.85)], "#f4f4f4")
        c.line([(0.21, 0.8), (0.21, 0.7)], "#555555", 0.004)


def _scene_stairs(c: Canvas, p: dict[str, str]) -> None:
    """Three people walking up wooden stairs beside a wall of vertical slats."""
    c.gradient((0, 0, 1, 1), p["wall_top"], p["wall_bottom"])
    for x in _frange(0.0, 1.0, 0.022):
        c.rect((x, 0, x + 0.011, 0.75), p["slat"])
    for x in (0.18, 0.42, 0.7, 0.9):
        c.line([(x, 0), (x, 0.16)], "#333333", 0.002)
        c.circle(x, 0.18, 0.03, c.rng.choice(p["decor"].split()))
    steps = 9
    for i in range(steps):
        y = 1 - (i + 1) * 0.075
        x0 = 0.05 + i * 0.07
        c.rect((x0, y, 1, y + 0.075), p["tread"] if i % 2 else p["riser"])
        c.rect((x0, y, 1, y + 0.012), (255, 255, 255, 60))
    for i, colour in ((2, p["coat1"]), (4, p["coat2"]), (6, p["coat3"])):
        base = 1 - (i + 1) * 0.075 + 0.01
        c.person(
            0.12 + i * 0.07 + 0.05,
            base,
            0.42,
            colour,
            hair=c.rng.choice(("#2a1d15", "#a0763e", "#111111")),
        )


def _scene_workshop(c: Canvas, p: dict[str, str]) -> None:
    """Seen from above: a table with laptops, sticky notes, coffee cups and notebooks."""
    c.rect((0, 0, 1, 1), p["floor"])
    c.gradient((0.06, 0.1, 0.94, 0.9), p["table_top"], p["table_bottom"])
    for x in (0.2, 0.5, 0.8):
        c.circle(x, 0.04, 0.07, c.rng.choice(("#2a1d15", "#5b3b22", "#c8a05a")))
        c.circle(x, 0.97, 0.07, c.rng.choice(("#2a1d15", "#111111", "#8a5a2b")))
    for x, y in ((0.12, 0.2), (0.62, 0.58)):
        c.rect((x, y, x + 0.24, y + 0.22), "#3a3d44", radius=0.01)
        c.rect((x + 0.015, y + 0.02, x + 0.225, y + 0.12), p["screen"])
        c.rect((x + 0.02, y + 0.14, x + 0.22, y + 0.2), "#55595f", radius=0.005)
    if "models" in p:
        for _ in range(9):
            x, y = c.rng.uniform(0.4, 0.56), c.rng.uniform(0.2, 0.5)
            c.rect((x, y, x + 0.05, y + 0.07), "#f7f7f2")
            c.rect((x + 0.05, y + 0.01, x + 0.06, y + 0.08), (0, 0, 0, 50))
    else:
        for _ in range(14):
            x, y = c.rng.uniform(0.42, 0.58), c.rng.uniform(0.16, 0.5)
            c.rect((x, y, x + 0.04, y + 0.06), c.rng.choice(p["notes"].split()))
    for x, y in ((0.4, 0.7), (0.86, 0.3), (0.2, 0.62)):
        c.circle(x, y, 0.045, "#fafafa")
        c.circle(x, y, 0.034, "#5a3a22")
    c.rect((0.24, 0.55, 0.4, 0.82), "#fbfbf8")
    for y in _frange(0.59, 0.8, 0.03):
        c.line([(0.26, y), (0.38, y)], (60, 90, 160, 110), 0.003)
    c.ellipse((0.34, 0.7, 0.42, 0.78), "#d8a584")
    c.line([(0.33, 0.72), (0.37, 0.68)], "#1f3b73", 0.008)


def _scene_lecture(c: Canvas, p: dict[str, str]) -> None:
    """A lecture hall seen from the back rows: a screen, a speaker and an audience."""
    c.gradient((0, 0, 1, 0.6), p["wall_top"], p["wall_bottom"])
    c.rect((0.28, 0.06, 0.72, 0.36), "#f4f6f8")
    for i, height in enumerate((0.12, 0.18, 0.1, 0.22, 0.16)):
        c.rect((0.34 + i * 0.07, 0.32 - height, 0.38 + i * 0.07, 0.32), p["accent"])
    c.person(0.8, 0.56, 0.3, p["speaker"], shirt="#ffffff")
    c.gradient((0, 0.56, 1, 1), p["floor_top"], p["floor_bottom"])
    for row in range(5):
        y = 0.62 + row * 0.085
        size = 0.05 + row * 0.012
        c.rect((0, y + size * 0.8, 1, y + size * 1.8), p["seats"])
        x = c.rng.uniform(-0.02, 0.03)
        while x < 1.02:
            if c.rng.random() < 0.8:
                c.circle(x, y + size * 0.4, size * 0.9, c.rng.choice(p["clothes"].split()))
                c.circle(
                    x,
                    y - size * 0.3,
                    size * 0.55,
                    c.rng.choice(("#2a1d15", "#4a3322", "#a0763e", "#111111", "#b8b2a8")),
                )
            x += size * 1.9


def _scene_portrait(c: Canvas, p: dict[str, str]) -> None:
    """A person in a blazer sits at a black table in front of a wooden panelled wall."""
    c.gradient((0, 0, 1, 1), p["wall_top"], p["wall_bottom"])
    for x in _frange(0.0, 1.0, 0.1):
        c.rect((x, 0, x + 0.004, 0.75), (40, 20, 5, 60))
        c.gradient((x + 0.01, 0.08, x + 0.09, 0.7), p["panel_top"], p["panel_bottom"])
    c.person(
        0.52,
        0.76,
        0.62,
        p["blazer"],
        shirt=p["jumper"],
        seated=True,
        hair="#5c4a3a",
        skin="#e2b596",
    )
    c.rect((0.0, 0.74, 1, 1), "#151515")
    c.rect((0.0, 0.74, 1, 0.75), (255, 255, 255, 35))
    c.ellipse((0.36, 0.72, 0.46, 0.78), "#e2b596")
    c.ellipse((0.58, 0.72, 0.68, 0.78), "#e2b596")


def _scene_coast(c: Canvas, p: dict[str, str]) -> None:
    """A rocky shore with seaweed, a forested island and a small research boat."""
    horizon = 0.5
    _sky(c, p, horizon)
    for x in _frange(0.0, 0.7, 0.012):
        top = horizon - 0.03 - 0.05 * (1 - abs(x - 0.35) / 0.35) - c.rng.uniform(0, 0.03)
        c.polygon([(x - 0.012, horizon), (x + 0.006, top), (x + 0.024, horizon)], p["forest"])
    c.gradient((0, horizon, 1, 1), p["water_top"], p["water_bottom"])
    c.polygon([(0.62, 0.62), (0.74, 0.62), (0.72, 0.66), (0.64, 0.66)], "#f2f2f2")
    c.rect((0.67, 0.57, 0.69, 0.62), "#d9dde0")
    c.circle(0.5, 0.63, 0.012, "#e8572a")
    for _ in range(26):
        x, y = c.rng.uniform(-0.05, 0.55), c.rng.uniform(0.72, 1.02)
        size = c.rng.uniform(0.05, 0.12)
        c.ellipse((x, y, x + size, y + size * 0.6), c.rng.choice(p["rocks"].split()))
    for _ in range(40):
        x, y = c.rng.uniform(0.0, 0.6), c.rng.uniform(0.76, 1.0)
        c.line([(x, y), (x + c.rng.uniform(-0.03, 0.03), y - 0.06)], p["weed"], 0.01)
    c.person(0.82, 0.95, 0.4, "#e8572a", legs="#1e2a3a", hair="#c9a36b")


def _scene_lab(c: Canvas, p: dict[str, str]) -> None:
    """A laboratory: shelves of coloured bottles, a bench with instruments, a researcher."""
    c.gradient((0, 0, 1, 0.7), p["wall_top"], p["wall_bottom"])
    for shelf in (0.18, 0.36):
        c.rect((0.05, shelf, 0.6, shelf + 0.015), "#9aa3aa")
        x = 0.07
        while x < 0.56:
            colour = c.rng.choice(p["liquids"].split())
            tall = c.rng.uniform(0.06, 0.11)
            c.rect((x, shelf - tall, x + 0.03, shelf), (230, 240, 245, 200), radius=0.005)
            c.rect((x + 0.003, shelf - tall * 0.6, x + 0.027, shelf), colour)
            x += 0.045
    c.rect((0.66, 0.1, 0.95, 0.48), "#dfe5ea")
    c.rect((0.68, 0.13, 0.93, 0.33), p["screen"])
    c.person(
        0.42,
        0.95,
        0.62,
        "#f7f9fa",
        legs="#2c3e50",
        shirt=p["shirt"],
        hair="#1b1b1b",
        skin="#c68a64",
    )
    c.gradient((0, 0.64, 1, 1), p["bench_top"], p["bench_bottom"])
    for x in (0.12, 0.72):
        c.polygon(
            [(x, 0.66), (x + 0.05, 0.66), (x + 0.09, 0.78), (x - 0.04, 0.78)], (220, 235, 240, 210)
        )
        c.polygon(
            [(x - 0.02, 0.74), (x + 0.07, 0.74), (x + 0.09, 0.78), (x - 0.04, 0.78)],
            c.rng.choice(p["liquids"].split()),
        )


def _scene_stage(c: Canvas, p: dict[str, str]) -> None:
    """A lit stage with a person holding an award, an audience in silhouette below."""
    c.gradient((0, 0, 1, 1), p["dark_top"], p["dark_bottom"])
    c.rect((0.2, 0.08, 0.8, 0.2), p["banner"])
    c.polygon([(0.45, 0), (0.55, 0), (0.7, 0.78), (0.3, 0.78)], (255, 244, 214, 55))
    c.rect((0, 0.72, 1, 0.78), p["stage"])
    c.person(0.5, 0.74, 0.46, p["outfit"], hair=p["hair"], legs="#1c1c1c")
    c.polygon([(0.555, 0.4), (0.6, 0.4), (0.59, 0.46), (0.565, 0.46)], "#e6bf3a")
    c.rect((0.57, 0.46, 0.585, 0.5), "#e6bf3a")
    c.rect((0, 0.78, 1, 1), "#0c0c10")
    x = -0.02
    while x < 1.02:
        c.circle(x, 0.9 + c.rng.uniform(-0.02, 0.02), 0.05, "#1d1d24")
        x += c.rng.uniform(0.05, 0.08)


def _scene_event(c: Canvas, p: dict[str, str]) -> None:
    """A campus courtyard with tents, balloons and a crowd in front of a brick building."""
    horizon = 0.6
    _sky(c, p, horizon)
    c.rect((0.05, 0.16, 0.95, horizon), p["building"])
    for x in _frange(0.09, 0.9, 0.08):
        for y in (0.22, 0.36):
            c.rect((x, y, x + 0.045, y + 0.09), (200, 225, 240, 210))
    c.gradient((0, horizon, 1, 1), p["lawn_top"], p["lawn_bottom"])
    for x, colour in ((0.08, p["tent1"]), (0.38, p["tent2"]), (0.68, p["tent1"])):
        c.rect((x, 0.58, x + 0.22, 0.72), "#f7f7f7")
        c.polygon([(x - 0.02, 0.58), (x + 0.11, 0.48), (x + 0.24, 0.58)], colour)
    for _ in range(10):
        x, y = c.rng.uniform(0.05, 0.95), c.rng.uniform(0.1, 0.35)
        c.line([(x, y), (x + 0.01, y + 0.2)], (60, 60, 60, 120), 0.002)
        c.circle(x, y, 0.03, c.rng.choice(p["balloons"].split()))
    for _ in range(22):
        x = c.rng.uniform(0.02, 0.98)
        base = c.rng.uniform(0.8, 1.0)
        c.person(
            x,
            base,
            0.16 + (base - 0.8) * 0.6,
            c.rng.choice(p["clothes"].split()),
            hair=c.rng.choice(("#2a1d15", "#a0763e", "#111111", "#d8c39a")),
        )


def _scene_library(c: Canvas, p: dict[str, str]) -> None:
    """Bookshelves full of coloured spines, a reading table, a lamp and a reader."""
    c.rect((0, 0, 1, 1), p["wall"])
    for shelf in _frange(0.05, 0.6, 0.14):
        c.rect((0.03, shelf + 0.12, 0.97, shelf + 0.135), p["wood"])
        x = 0.04
        while x < 0.96:
            width = c.rng.uniform(0.01, 0.022)
            c.rect(
                (x, shelf + c.rng.uniform(0.02, 0.045), x + width, shelf + 0.12),
                c.rng.choice(p["books"].split()),
            )
            x += width + 0.002
    c.person(0.36, 0.78, 0.44, p["reader"], seated=True, hair="#7a4b2a")
    c.gradient((0, 0.72, 1, 1), p["table_top"], p["table_bottom"])
    c.line([(0.72, 0.74), (0.72, 0.56)], "#b08d57", 0.008)
    c.polygon([(0.66, 0.56), (0.78, 0.56), (0.75, 0.5), (0.69, 0.5)], p["lamp"])
    c.polygon([(0.66, 0.56), (0.78, 0.56), (0.86, 0.76), (0.58, 0.76)], (255, 240, 190, 45))
    c.rect((0.3, 0.76, 0.46, 0.84), "#f8f5ec")
    c.line([(0.38, 0.76), (0.38, 0.84)], (0, 0, 0, 90), 0.003)


def _scene_winter(c: Canvas, p: dict[str, str]) -> None:
    """A snowy campus: a building, a covered bicycle shelter with bikes, falling snow."""
    horizon = 0.55
    _sky(c, p, horizon)
    c.rect((0.55, 0.12, 1.0, horizon), p["building"])
    for x in _frange(0.58, 0.98, 0.07):
        for y in (0.18, 0.3, 0.42):
            c.rect((x, y, x + 0.04, y + 0.07), (255, 226, 160, 220))
    c.gradient((0, horizon, 1, 1), "#f4f7fb", "#cdd7e3")
    c.polygon([(0.02, 0.5), (0.62, 0.44), (0.62, 0.48), (0.02, 0.54)], p["roof"])
    for x in (0.04, 0.6):
        c.rect((x, 0.5, x + 0.012, 0.8), "#4a4f57")
    for x in _frange(0.08, 0.52, 0.13):
        colour = c.rng.choice(p["bikes"].split())
        for wheel in (x, x + 0.075):
            cx, cy = c.xy(wheel, 0.75)
            r = 0.038 * c.height
            c.draw.ellipse(
                (cx - r, cy - r, cx + r, cy + r), outline="#222222", width=max(2, c.height // 150)
            )
        c.line(
            [(x, 0.75), (x + 0.03, 0.69), (x + 0.075, 0.75), (x + 0.04, 0.75), (x, 0.75)],
            colour,
            0.008,
        )
        c.line([(x + 0.03, 0.69), (x + 0.065, 0.69), (x + 0.075, 0.75)], colour, 0.008)
        c.line([(x + 0.03, 0.69), (x + 0.027, 0.665)], "#222222", 0.006)
        c.line([(x + 0.065, 0.69), (x + 0.07, 0.665), (x + 0.062, 0.665)], "#222222", 0.006)
    for _ in range(260):
        c.circle(
            c.rng.uniform(0, 1),
            c.rng.uniform(0, 1),
            c.rng.uniform(0.002, 0.005),
            (255, 255, 255, 200),
        )


SCENES: dict[str, Callable[[Canvas, dict[str, str]], None]] = {
    "signing": _scene_signing,
    "city": _scene_city,
    "stairs": _scene_stairs,
    "workshop": _scene_workshop,
    "lecture": _scene_lecture,
    "portrait": _scene_portrait,
    "coast": _scene_coast,
    "lab": _scene_lab,
    "stage": _scene_stage,
    "event": _scene_event,
    "library": _scene_library,
    "winter": _scene_winter,
}


def draw_photo(scene: str, palette: dict[str, str], size: tuple[int, int], seed: str) -> bytes:
    """A JPEG of one of the scenes above, in the given colours."""
    canvas = Canvas(size, seed)
    SCENES[scene](canvas, palette)
    return canvas.finish()
