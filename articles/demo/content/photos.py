"""The demo photos, drawn at seeding time. `key` is the stable identity: the file is
saved as demo-<key>.jpg."""

from dataclasses import dataclass

from photos.licences import Licence

# The university's own photographers: it holds the rights.
UNIVERSITY = "University of Helsinki-Uusimaa"
HERO = (1600, 1067)
GALLERY = (1200, 800)


@dataclass(frozen=True)
class DemoPhoto:
    key: str
    scene: str
    palette: dict[str, str]
    alt_text: str
    caption: str
    credit: str
    focal: tuple[float, float] = (0.5, 0.5)
    size: tuple[int, int] = HERO
    copyright_holder: str = UNIVERSITY
    licence: Licence = Licence.ALL_RIGHTS_RESERVED


PHOTOS: tuple[DemoPhoto, ...] = (
    DemoPhoto(
        key="signing",
        scene="signing",
        palette={
            "wall_top": "#d8c9ad",
            "wall_bottom": "#b9a382",
            "frame": "#b08d3e",
            "vase": "#2f5d8a",
            "flowers": "#f2f2f2 #f5c542 #e8845c #f6d4e0",
            "suit1": "#23262d",
            "suit2": "#1f2f4a",
            "table_top": "#5b3a24",
            "table_bottom": "#2d1c12",
        },
        alt_text=(
            "Two people in dark suits sit at a table with documents. Behind them are a "
            "mirror and a vase of flowers."
        ),
        caption=(
            "President Helena Korhonen and Mayor Antti Lehtinen signing the partnership "
            "agreement at Helsinki City Hall."
        ),
        credit="Veera Lindholm",
        focal=(0.48, 0.42),
    ),
    DemoPhoto(
        key="waterfront",
        scene="city",
        palette={
            "sky_top": "#5d8fc9",
            "sky_bottom": "#dbe8f3",
            "sun": "#fff6da",
            "buildings": "#e9dfc9 #d6b98f #c9cfd6 #e7c7a1 #b7c4b0",
            "dome": "#6d9a84",
            "water_top": "#356c8f",
            "water_bottom": "#173c56",
        },
        alt_text=(
            "A city waterfront on a sunny day: pale stone buildings, a white building with "
            "a green dome, and a boat on the water."
        ),
        caption="The Eteläranta waterfront, where the Museum of Architecture and Design will open.",
        credit="Veera Lindholm",
        # A freelancer's photo shared under CC BY: credited with its licence's deed.
        copyright_holder="",
        licence=Licence.CC_BY,
        focal=(0.5, 0.45),
        size=GALLERY,
    ),
    DemoPhoto(
        key="design-studio",
        scene="workshop",
        palette={
            "floor": "#6f6a64",
            "table_top": "#e8e2d6",
            "table_bottom": "#d3cab9",
            "screen": "#8fb7d9",
            "models": "1",
        },
        alt_text=(
            "Seen from above, a large table with white paper models of buildings, laptops, "
            "a notebook and coffee cups."
        ),
        caption="Architecture students present their ideas for the waterfront to city planners.",
        credit="Mikael Forsman",
        focal=(0.5, 0.4),
        size=GALLERY,
    ),
    DemoPhoto(
        key="stairs",
        scene="stairs",
        palette={
            "wall_top": "#caa57a",
            "wall_bottom": "#9c7650",
            "slat": "#b88b5a",
            "decor": "#e94f37 #f6bd60 #3a7ca5",
            "tread": "#d7b184",
            "riser": "#b48a5e",
            "coat1": "#2d4f6c",
            "coat2": "#7a2e3b",
            "coat3": "#3f6b3a",
        },
        alt_text=(
            "Three people walk up wide wooden stairs beside a wall of vertical wooden slats "
            "with hanging decorations."
        ),
        caption="New students on their way to the orientation week opening.",
        credit="Mikael Forsman",
        focal=(0.55, 0.5),
    ),
    DemoPhoto(
        key="workshop",
        scene="workshop",
        palette={
            "floor": "#3b4a54",
            "table_top": "#f1ede4",
            "table_bottom": "#ddd5c5",
            "screen": "#4e8a6c",
            "notes": "#f7e36b #f49ac1 #8fd3f4 #b5e48c",
        },
        alt_text=(
            "People working around a table with laptops, sticky notes and coffee cups. One "
            "of them is taking notes."
        ),
        caption="Participants sketch sustainability projects for their own campuses.",
        credit="Anna Salmi",
        focal=(0.5, 0.45),
    ),
    DemoPhoto(
        key="lecture",
        scene="lecture",
        palette={
            "wall_top": "#39465a",
            "wall_bottom": "#5d6b80",
            "accent": "#f2a541",
            "speaker": "#8c2f39",
            "floor_top": "#6b4e3d",
            "floor_bottom": "#3e2b20",
            "seats": "#7e2f2f",
            "clothes": "#2e4057 #6c757d #d1495b #00798c #edae49 #f2f2f2",
        },
        alt_text=(
            "An audience seen from the back of a lecture hall, facing a speaker and a screen "
            "with a bar chart."
        ),
        caption="An evening course on the energy transition drew a full hall.",
        credit="Anna Salmi",
        focal=(0.5, 0.3),
        size=GALLERY,
    ),
    DemoPhoto(
        key="portrait",
        scene="portrait",
        palette={
            "wall_top": "#7a4a26",
            "wall_bottom": "#4e2c14",
            "panel_top": "#a86d3c",
            "panel_bottom": "#7d4b24",
            "blazer": "#1f2a44",
            "jumper": "#7b2231",
        },
        alt_text=(
            "A person in a navy blazer and a maroon jumper sits at a black table in front of "
            "a wooden panelled wall."
        ),
        caption="Timo Haavisto has studied management and data analysis alongside his job.",
        credit="Mikael Forsman",
        focal=(0.52, 0.3),
    ),
    DemoPhoto(
        key="coast",
        scene="coast",
        palette={
            "sky_top": "#8fb3d1",
            "sky_bottom": "#e9eef0",
            "forest": "#23402c",
            "water_top": "#4d7f8f",
            "water_bottom": "#22495a",
            "rocks": "#8d8a84 #a39e94 #6e6b66 #b6a58c",
            "weed": "#6b5a22",
        },
        alt_text=(
            "A rocky shore with brown seaweed in the water, a forested island and a small "
            "white boat. A researcher in an orange jacket stands on the rocks."
        ),
        caption="Bladderwrack has returned to sheltered bays on the Gulf of Finland.",
        credit="Sanna Virtanen",
        focal=(0.3, 0.8),
    ),
    DemoPhoto(
        key="lab",
        scene="lab",
        palette={
            "wall_top": "#eef3f6",
            "wall_bottom": "#cfd9e0",
            "screen": "#1f3b57",
            "liquids": "#3aa6b9 #f4a259 #8cb369 #bc4b51 #5b8e7d",
            "shirt": "#2a9d8f",
            "bench_top": "#2f3640",
            "bench_bottom": "#1b1f24",
        },
        alt_text=(
            "A researcher in a white lab coat stands at a bench with glass flasks; shelves "
            "of coloured bottles and a monitor are behind."
        ),
        caption="The new laboratory can make battery materials in kilogram batches.",
        credit="Anna Salmi",
        focal=(0.42, 0.45),
    ),
    DemoPhoto(
        key="stage",
        scene="stage",
        palette={
            "dark_top": "#1a1633",
            "dark_bottom": "#3b1f47",
            "banner": "#b5651d",
            "stage": "#4a3526",
            "outfit": "#c44536",
            "hair": "#111111",
        },
        alt_text=(
            "A person in a red dress holds a golden trophy on a lit stage; the audience is "
            "in silhouette in front."
        ),
        caption="Aino Lehto received the Nordic Timber Student Award in Oslo.",
        credit="Jonas Berg",
        focal=(0.5, 0.45),
    ),
    DemoPhoto(
        key="campus-day",
        scene="event",
        palette={
            "sky_top": "#4f9bd9",
            "sky_bottom": "#cfe6f7",
            "sun": "#fff6da",
            "building": "#a4553a",
            "lawn_top": "#6aa84f",
            "lawn_bottom": "#3d7a2d",
            "tent1": "#e63946",
            "tent2": "#1d3557",
            "balloons": "#e63946 #f1c453 #2a9d8f #a8dadc",
            "clothes": "#264653 #e76f51 #f4a261 #2a9d8f #e9c46a #ffffff",
        },
        alt_text=(
            "A crowd on a lawn with white tents and balloons in front of a red brick building "
            "on a sunny day."
        ),
        caption="Campus Day brought around 8,000 visitors to the main campus.",
        credit="Jonas Berg",
        focal=(0.5, 0.7),
    ),
    DemoPhoto(
        key="street-lights",
        scene="city",
        palette={
            "sky_top": "#0f1a33",
            "sky_bottom": "#3a4f7a",
            "lit": "1",
            "buildings": "#2b3147 #353b52 #262b3d #3d4359",
            "dome": "#2f4f4f",
            "water_top": "#1b2a44",
            "water_bottom": "#0b1322",
        },
        alt_text=(
            "A row of glowing street lamps along a waterfront at dusk, with lit windows in "
            "the buildings behind."
        ),
        caption="Sensor-guided lamps brighten when someone approaches.",
        credit="Olli Hämäläinen",
        focal=(0.5, 0.4),
        size=GALLERY,
    ),
    DemoPhoto(
        key="library",
        scene="library",
        palette={
            "wall": "#efe6d2",
            "wood": "#7a5230",
            "books": "#8e3b46 #2e5266 #6e8898 #d3a625 #3c6e47 #c06c84 #1b263b",
            "reader": "#4a6c6f",
            "table_top": "#9c6b3f",
            "table_bottom": "#6b4527",
            "lamp": "#2f6b3a",
        },
        alt_text=(
            "A student reads at a wooden table under a green lamp in front of tall shelves "
            "of colourful books."
        ),
        caption="Pääkirjaston lukusalissa on sata uutta opiskelupaikkaa.",
        credit="Riikka Laine",
        focal=(0.38, 0.5),
    ),
    DemoPhoto(
        key="winter-bikes",
        scene="winter",
        palette={
            "sky_top": "#7d8fa6",
            "sky_bottom": "#d9e0e8",
            "building": "#8a6f5a",
            "roof": "#3c4a5c",
            "bikes": "#d62828 #003049 #f77f00 #2a9d8f",
        },
        alt_text=(
            "Bicycles parked under a covered shelter in the snow, in front of a building "
            "with lit windows."
        ),
        caption="Den nya cykelparkeringen vid huvudbyggnaden har 400 platser under tak.",
        credit="Johan Lindberg",
        focal=(0.3, 0.65),
    ),
    DemoPhoto(
        key="summer-school",
        scene="event",
        palette={
            "sky_top": "#2f80c0",
            "sky_bottom": "#f6e7b8",
            "sun": "#fff1c1",
            "building": "#d9c7a7",
            "lawn_top": "#8bbf5a",
            "lawn_bottom": "#4f8a2b",
            "tent1": "#f4a261",
            "tent2": "#2a9d8f",
            "balloons": "#ffb703 #fb8500 #8ecae6",
            "clothes": "#ffffff #ffb703 #219ebc #fb8500 #023047",
        },
        alt_text=("Students gather on a sunny lawn with tents in front of a light stone building."),
        caption="Summer school students on the main campus lawn.",
        credit="Anna Salmi",
        focal=(0.5, 0.7),
        size=GALLERY,
    ),
    DemoPhoto(
        key="conferment",
        scene="stage",
        palette={
            "dark_top": "#0d1b2a",
            "dark_bottom": "#1b263b",
            "banner": "#e0c068",
            "stage": "#3a2e28",
            "outfit": "#111111",
            "hair": "#c9a36b",
        },
        alt_text=(
            "A new doctor in a dark suit stands in the spotlight on a stage decorated with a "
            "gold banner; the audience is seated in front."
        ),
        caption="The conferment ceremony is the high point of the academic year.",
        credit="Jonas Berg",
        focal=(0.5, 0.45),
    ),
)
