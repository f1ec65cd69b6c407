"""The demo texts: categories, photos and articles in three languages, as data."""

from dataclasses import dataclass

from ..models import Status

# ---------------------------------------------------------------------------------------
# The demo photos. `key` is the stable identity: the file is saved as demo-<key>.jpg.
# ---------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------
# The demo texts: categories and articles. Relative publish times keep the demo fresh.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoCategory:
    slug: str
    name_en: str
    name_fi: str
    name_sv: str
    description_en: str
    description_fi: str
    description_sv: str
    order: int


CATEGORIES: tuple[DemoCategory, ...] = (
    DemoCategory(
        slug="studies",
        name_en="Studies",
        name_fi="Opiskelu",
        name_sv="Studier",
        description_en="Admissions, degree programmes, courses and student life.",
        description_fi="Hakeminen, tutkinto-ohjelmat, kurssit ja opiskelijaelämä.",
        description_sv="Antagning, utbildningsprogram, kurser och studentliv.",
        order=10,
    ),
    DemoCategory(
        slug="cooperation",
        name_en="Cooperation",
        name_fi="Yhteistyö",
        name_sv="Samarbete",
        description_en="Partnerships with cities, companies and other universities.",
        description_fi="Kumppanuudet kaupunkien, yritysten ja muiden yliopistojen kanssa.",
        description_sv="Partnerskap med städer, företag och andra universitet.",
        order=20,
    ),
    DemoCategory(
        slug="university",
        name_en="University",
        name_fi="Yliopisto",
        name_sv="Universitet",
        description_en="The university community, its people, its campus and its decisions.",
        description_fi="Yliopistoyhteisö, sen ihmiset, kampus ja päätökset.",
        description_sv="Universitetsgemenskapen, dess människor, campus och beslut.",
        order=30,
    ),
    DemoCategory(
        slug="research",
        name_en="Research",
        name_fi="Tutkimus",
        name_sv="Forskning",
        description_en="New findings, research projects and research infrastructure.",
        description_fi="Uudet tutkimustulokset, tutkimushankkeet ja tutkimusinfrastruktuuri.",
        description_sv="Nya forskningsresultat, forskningsprojekt och forskningsinfrastruktur.",
        order=40,
    ),
)


@dataclass(frozen=True)
class DemoContact:
    name: str
    title: str
    email: str
    phone: str


@dataclass(frozen=True)
class DemoArticle:
    """One demo article. `key` names it inside this module (translations, related links);
    its identity in the database is (language, slug)."""

    key: str
    language: str
    slug: str
    title: str
    lead: str
    body: str
    photo: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    # Published this many days ago at `hour` local time; negative days schedule it for
    # the future; None leaves it without a publish time (a draft).
    days_ago: int | None
    hour: int = 9
    status: str = Status.PUBLISHED
    byline: str = "Text: University Communications"
    hero_caption: str = ""
    featured: bool = False
    updated_hours_later: float | None = None
    translation_of: str | None = None
    contacts: tuple[DemoContact, ...] = ()
    gallery: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()


_CONTACT_UNIVERSITY = DemoContact(
    name="Marja Nieminen",
    title="Head of Strategic Partnerships, University of Helsinki-Uusimaa",
    email="marja.nieminen@uhu.example",
    phone="+358 50 555 0142",
)
_CONTACT_CITY = DemoContact(
    name="Jussi Salo",
    title="Director of Economic Development, City of Helsinki",
    email="jussi.salo@hel.example",
    phone="+358 9 310 55501",
)

ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(
        key="partnership",
        language="en",
        slug="city-of-helsinki-and-university-deepen-their-partnership",
        title=(
            "City of Helsinki and the university deepen their partnership for a sustainable, "
            "vibrant and knowledgeable city"
        ),
        lead=(
            "The City of Helsinki and the University of Helsinki-Uusimaa have signed a new "
            "partnership agreement for 2026–2030. Its three themes are vitality, innovation "
            "and entrepreneurship; research collaboration; and knowledgeable labour."
        ),
        body="""
<p>Mayor Antti Lehtinen and President Helena Korhonen signed the agreement this week. It
builds on more than a decade of joint work and aims to strengthen the vitality of the
people of Helsinki, of the students who live and study in the city, and of the whole
Helsinki Metropolitan Area.</p>
<blockquote><p>“A university shows its worth in what changes outside its walls. With
Helsinki we can test ideas where people live and work, and turn research into solutions
that residents notice in their everyday lives.”</p>
<p>— Helena Korhonen, President of the University of Helsinki-Uusimaa</p></blockquote>
<blockquote><p>“Helsinki grows when skills, ideas and talent grow here. This agreement
helps us to be an internationally competitive city that develops sustainably and where
new people and new companies want to stay.”</p>
<p>— Antti Lehtinen, Mayor of Helsinki</p></blockquote>
<p>The agreement runs from 2026 to 2030 and continues an earlier five-year agreement.
During that period the city and the university built business incubator services
together, opened city sites to researchers, ran leadership training for city staff and
introduced young people in Helsinki to university studies.</p>
<h2>Three themes for a sustainable and attractive city</h2>
<p>The cooperation now concentrates on three themes that support the long-term goals of
both partners.</p>
<p><strong>Vitality, innovation and entrepreneurship</strong> covers research-based
entrepreneurship, bringing innovations to market, growth companies, and a stronger
creative sector and design industry.</p>
<p><strong>Research collaboration</strong> combines multidisciplinary knowledge with
sustainable urban development. The city serves both as a research platform and as a
subject of study, and research data is used in its decision-making.</p>
<p><strong>Knowledgeable labour</strong> is about making Helsinki more attractive
internationally, helping international students find work in the region, widening access
to higher education, anticipating the skills the future workforce needs and developing
the city's own staff.</p>
<h2>Design and architecture in the spotlight</h2>
<p>Design and architecture increasingly set Helsinki apart in international competition,
and the university's school of arts, design and architecture is among the strongest in
its field. The partners want to be known as a city and a university that renew design
and architecture together.</p>
<p>That goal becomes concrete in the coming years, when the city and the university plan
Helsinki's celebratory year of architecture and design. It will be held in 2030, when the
new Museum of Architecture and Design opens on the Eteläranta waterfront.</p>
<blockquote><p>“The university's expertise in design and architecture is exactly what the
year of architecture and design needs. I look forward to planning and carrying it out
together.”</p>
<p>— Antti Lehtinen</p></blockquote>
""",
        photo="signing",
        categories=("cooperation", "university"),
        tags=("partnership", "Helsinki", "urban development", "design", "architecture"),
        days_ago=2,
        updated_hours_later=5,
        featured=True,
        byline="Text: Laura Mäkinen",
        contacts=(_CONTACT_UNIVERSITY, _CONTACT_CITY),
        gallery=(
            (
                "waterfront",
                "Eteläranta, where the new Museum of Architecture and Design opens in 2030.",
            ),
            ("design-studio", ""),
        ),
        related=("street-lights", "sustainability-training"),
    ),
    DemoArticle(
        key="partnership-fi",
        language="fi",
        slug="helsingin-kaupunki-ja-yliopisto-syventavat-kumppanuuttaan",
        title=(
            "Helsingin kaupunki ja yliopisto syventävät kumppanuuttaan kestävän, elinvoimaisen "
            "ja osaavan kaupungin puolesta"
        ),
        lead=(
            "Helsingin kaupunki ja Helsingin-Uudenmaan yliopisto ovat solmineet uuden "
            "kumppanuussopimuksen vuosiksi 2026–2030. Sen teemat ovat elinvoima, innovaatiot ja "
            "yrittäjyys, tutkimusyhteistyö sekä osaava työvoima."
        ),
        body="""
<p>Sopimuksen allekirjoittivat tällä viikolla pormestari Antti Lehtinen ja rehtori Helena
Korhonen. Se jatkaa yli kymmenen vuoden yhteistyötä, jonka tavoitteena on vahvistaa
helsinkiläisten, kaupungissa opiskelevien ja koko pääkaupunkiseudun elinvoimaa.</p>
<blockquote><p>”Yliopiston arvo näkyy siinä, mikä muuttuu sen seinien ulkopuolella.
Helsingin kanssa voimme kokeilla ideoita siellä, missä ihmiset asuvat ja tekevät työtä, ja
muuttaa tutkimusta ratkaisuiksi, jotka kaupunkilaiset huomaavat arjessaan.”</p>
<p>— Rehtori Helena Korhonen</p></blockquote>
<blockquote><p>”Helsinki tarvitsee lisää osaamista, elinvoimaa ja kasvua. Uusi sopimus auttaa
meitä olemaan kansainvälisesti kilpailukykyinen ja kestävästi kehittyvä kaupunki.”</p>
<p>— Pormestari Antti Lehtinen</p></blockquote>
<h2>Kolme teemaa</h2>
<p>Yhteistyö keskittyy kolmeen teemaan: elinvoimaan, innovaatioihin ja yrittäjyyteen;
tutkimusyhteistyöhön, jossa kaupunki toimii tutkimuksen alustana ja kohteena; sekä
osaavaan työvoimaan, johon kuuluvat kansainvälisten opiskelijoiden työllistyminen ja
korkeakoulutuksen saavutettavuus.</p>
<h2>Arkkitehtuuri ja muotoilu esillä</h2>
<p>Kaupunki ja yliopisto suunnittelevat yhdessä Helsingin arkkitehtuurin ja muotoilun
juhlavuotta. Sitä vietetään vuonna 2030, kun uusi arkkitehtuuri- ja designmuseo avautuu
Etelärantaan.</p>
""",
        photo="signing",
        hero_caption=(
            "Rehtori Helena Korhonen ja pormestari Antti Lehtinen allekirjoittivat "
            "kumppanuussopimuksen Helsingin kaupungintalolla."
        ),
        categories=("cooperation", "university"),
        tags=("kumppanuus", "Helsinki", "kaupunkikehitys", "muotoilu"),
        days_ago=2,
        hour=11,
        byline="Teksti: Laura Mäkinen",
        translation_of="partnership",
        contacts=(
            DemoContact(
                name="Marja Nieminen",
                title="Strategisten kumppanuuksien päällikkö, Helsingin-Uudenmaan yliopisto",
                email="marja.nieminen@uhu.example",
                phone="+358 50 555 0142",
            ),
        ),
        related=("library-fi",),
    ),
    DemoArticle(
        key="partnership-sv",
        language="sv",
        slug="helsingfors-stad-och-universitetet-fordjupar-sitt-partnerskap",
        title=(
            "Helsingfors stad och universitetet fördjupar sitt partnerskap för en hållbar, "
            "livskraftig och kunnig stad"
        ),
        lead=(
            "Helsingfors stad och Helsingfors-Nylands universitet har ingått ett nytt "
            "partnerskapsavtal för 2026–2030. Teman är livskraft, innovationer och "
            "företagande, forskningssamarbete samt kunnig arbetskraft."
        ),
        body="""
<p>Avtalet undertecknades den här veckan av borgmästare Antti Lehtinen och rektor Helena
Korhonen. Det bygger vidare på mer än tio års samarbete som ska stärka livskraften för
stadens invånare, för studerande i Helsingfors och för hela huvudstadsregionen.</p>
<blockquote><p>”Ett universitets värde syns i det som förändras utanför dess väggar.
Tillsammans med Helsingfors kan vi pröva idéer där människor bor och arbetar.”</p>
<p>— Rektor Helena Korhonen</p></blockquote>
<blockquote><p>”Helsingfors behöver mer kunnande, livskraft och tillväxt. Avtalet hjälper
oss att vara en internationellt konkurrenskraftig stad som utvecklas hållbart.”</p>
<p>— Borgmästare Antti Lehtinen</p></blockquote>
<h2>Tre teman</h2>
<p>Samarbetet koncentreras på tre teman: livskraft, innovationer och företagande;
forskningssamarbete där staden är både plattform och föremål för forskning; samt kunnig
arbetskraft, som omfattar sysselsättningen av internationella studerande och tillgången
till högre utbildning.</p>
<h2>Arkitektur och design i fokus</h2>
<p>Staden och universitetet planerar tillsammans Helsingfors jubileumsår för arkitektur och
design. Det firas år 2030, då det nya arkitektur- och designmuseet öppnar vid Södra
kajen.</p>
""",
        photo="signing",
        hero_caption=(
            "Rektor Helena Korhonen och borgmästare Antti Lehtinen undertecknade "
            "partnerskapsavtalet i Helsingfors stadshus."
        ),
        categories=("cooperation", "university"),
        tags=("partnerskap", "Helsingfors", "stadsutveckling", "design"),
        days_ago=2,
        hour=11,
        byline="Text: Laura Mäkinen",
        translation_of="partnership",
        contacts=(
            DemoContact(
                name="Marja Nieminen",
                title="Chef för strategiska partnerskap, Helsingfors-Nylands universitet",
                email="marja.nieminen@uhu.example",
                phone="+358 50 555 0142",
            ),
        ),
        related=("bikes-sv",),
    ),
    DemoArticle(
        key="applications",
        language="en",
        slug="nearly-6700-applicants-for-english-taught-bachelors-programmes",
        title="Nearly 6,700 applicants for the university's English-taught bachelor's programmes",
        lead=(
            "International Business, Economics and Computer Engineering drew the most "
            "applicants in the round for English-taught bachelor's programmes that closed "
            "last week."
        ),
        body="""
<p>The university received 6,684 applications for its English-taught bachelor's
programmes, about eight per cent more than a year earlier. Applicants came from 128
countries; the largest groups applied from Finland, Nigeria, Vietnam, Pakistan and
Germany.</p>
<h2>Business and technology lead the way</h2>
<p>International Business received the most applications, followed by Economics and
Computer Engineering. Interest in Design and Architecture also grew clearly, with a fifth
more applicants than last year.</p>
<blockquote><p>“Applicants tell us they are looking for an international community and a
safe place to study. Helsinki offers both, and many of our graduates find their first job
here.”</p>
<p>— Paula Heikkinen, Head of Admissions</p></blockquote>
<h2>What happens next</h2>
<p>Applicants are selected on the basis of their previous studies and, in some
programmes, an online entrance examination. Results are published by the end of April,
and studies begin in late August.</p>
""",
        photo="stairs",
        categories=("studies",),
        tags=("admissions", "bachelor's programmes", "international students"),
        days_ago=4,
        hour=10,
        related=("lifelong-learning", "mature-student"),
    ),
    DemoArticle(
        key="sustainability-training",
        language="en",
        slug="sustainability-training-programme-for-future-leaders",
        title="Register for the Northern Campus Alliance's sustainability programme for leaders",
        lead=(
            "A transnational online programme for students, staff and leaders who want to move "
            "sustainability work forward in their own institutions. Registration is open for "
            "three weeks."
        ),
        body="""
<p>The Northern Campus Alliance, a network of nine European universities that includes
ours, opens registration for its training programme on sustainability leadership. The
programme runs online from February to May and ends with a week together on one of the
member campuses.</p>
<h2>Who is it for?</h2>
<p>The programme is open to bachelor's, master's and doctoral students, teachers,
researchers and staff in leadership roles. Participants work in mixed teams across
universities and disciplines, each on a real challenge proposed by a member
university.</p>
<ul>
<li>Six online modules on climate, biodiversity and social sustainability</li>
<li>Coaching for a team project on your own campus</li>
<li>Five ECTS credits for students who complete the programme</li>
</ul>
<blockquote><p>“Universities shape how thousands of people think about sustainability.
This programme gives them tools to act on it in practice, not only in strategy
papers.”</p>
<p>— Elina Saarinen, Sustainability Coordinator</p></blockquote>
<h2>How to register</h2>
<p>Register through the alliance's course portal. The programme takes 120 participants,
and each member university selects its own participants within its quota.</p>
""",
        photo="workshop",
        categories=("cooperation", "studies", "university"),
        tags=("sustainability", "leadership", "online learning"),
        days_ago=6,
        hour=13,
    ),
    DemoArticle(
        key="lifelong-learning",
        language="en",
        slug="lifelong-learning-reached-more-people-than-ever",
        title="Lifelong learning reached more people than ever in the past year",
        lead=(
            "Participants, courses and completed credits in the open university and continuing "
            "education all grew compared with the year before."
        ),
        body="""
<p>More than 21,000 people studied in the university's open university and continuing
education programmes during the past twelve months, about twelve per cent more than a
year earlier. Together they completed over 160,000 ECTS credits.</p>
<h2>Short courses for working life</h2>
<p>The strongest growth came from short, flexible courses designed with employers: data
skills, leadership, the energy transition and service design. Most of them can be taken
online alongside a full-time job.</p>
<blockquote><p>“People no longer study once and then work for the rest of their lives. We
want the university to be there whenever someone needs new knowledge, whatever their
age.”</p>
<p>— Mikko Rantala, Vice President for Education</p></blockquote>
<p>Next year the university will open forty new courses and widen its offering in Swedish
and English.</p>
""",
        photo="lecture",
        categories=("studies", "university"),
        tags=("lifelong learning", "open university", "continuing education"),
        days_ago=9,
    ),
    DemoArticle(
        key="mature-student",
        language="en",
        slug="good-leadership-starts-with-listening",
        title="“Good leadership starts with listening”",
        lead=(
            "After twenty years in retail, Timo Haavisto went back to studying at the open "
            "university, because running a store now takes knowledge of everything from data "
            "to wellbeing at work."
        ),
        body="""
<p>Timo Haavisto started out stacking shelves in a grocery store in Lahti as a teenager.
Today he manages a department store with ninety employees, and for the past two years he
has also been a student.</p>
<h2>New questions at work</h2>
<p>“Retail changed faster than I did,” Haavisto says. “Suddenly I was making decisions
based on sales data, planning online orders and answering questions about sustainability
that customers ask every day.”</p>
<p>He chose open university courses in management, data analysis and organisational
psychology, studying in the evenings and at weekends. The credits count towards a degree
if he decides to apply for one later.</p>
<blockquote><p>“The most useful thing I learned was not a technique. It was that listening
to people and meeting them face to face matters more than any report.”</p>
<p>— Timo Haavisto</p></blockquote>
<h2>Advice for others</h2>
<p>His advice to anyone thinking about studying alongside work is simple: start with one
course, agree on the schedule with your family and your employer, and pick a subject you
already wonder about at work.</p>
""",
        photo="portrait",
        categories=("studies",),
        tags=("open university", "lifelong learning", "student stories"),
        days_ago=12,
        hour=8,
        byline="Text: Sofia Karlsson",
    ),
    DemoArticle(
        key="bladderwrack",
        language="en",
        slug="bladderwrack-is-returning-to-sheltered-bays",
        title="Bladderwrack is returning to sheltered bays of the Gulf of Finland",
        lead=(
            "Bladderwrack, the brown seaweed that shelters young fish, has recovered faster "
            "than expected in bays where nutrient loads have fallen, a new study shows."
        ),
        body="""
<p>Researchers at the university's coastal research station compared diving surveys made
twenty years apart at 48 sites along the Gulf of Finland. In sheltered bays where
nutrient loads from the land have fallen, bladderwrack now covers on average twice the
area it did two decades ago.</p>
<h2>Why it matters</h2>
<p>Bladderwrack stands are nurseries for young fish and home to hundreds of small
animals. They declined sharply in the 1970s and 1980s, when eutrophication clouded the
water and smothered the seaweed with filamentous algae.</p>
<blockquote><p>“This is good news, but it is local good news. On open shores and near river
mouths we see hardly any recovery, and warmer winters bring new stress.”</p>
<p>— Sanna Virtanen, doctoral researcher and lead author</p></blockquote>
<p>The study is part of a long-term monitoring programme carried out with the regional
environmental authorities. The next surveys are planned for the coming summer.</p>
""",
        photo="coast",
        categories=("research",),
        tags=("Baltic Sea", "marine biology", "climate"),
        days_ago=14,
        hour=12,
    ),
    DemoArticle(
        key="battery-lab",
        language="en",
        slug="new-laboratory-for-battery-materials-opens-on-campus",
        title="New laboratory for battery materials opens on campus",
        lead=(
            "Researchers and companies can now test recycled battery materials from grams up to "
            "kilograms under one roof."
        ),
        body="""
<p>The 900-square-metre laboratory brings together synthesis, testing and recycling
research that used to be spread across three buildings. Its dry room keeps the air dry
enough to assemble lithium-ion and sodium-ion cells.</p>
<h2>From grams to kilograms</h2>
<p>Much battery research stops at small laboratory samples. The new pilot line makes
cathode materials in kilogram batches, so companies can test them in real cells before
they invest in production.</p>
<blockquote><p>“Europe needs batteries that are made from recycled metals and last longer.
This laboratory lets us find out quickly what works outside the test tube.”</p>
<p>— Jari Koskinen, Professor of Materials Chemistry</p></blockquote>
<p>The laboratory is open to researchers from other universities and to companies through
the national research infrastructure network.</p>
""",
        photo="lab",
        categories=("research", "university"),
        tags=("energy", "materials science", "research infrastructure"),
        days_ago=17,
        hour=10,
        related=("bladderwrack",),
    ),
    DemoArticle(
        key="timber-award",
        language="en",
        slug="architecture-student-wins-nordic-timber-housing-award",
        title="Architecture student wins Nordic award for timber housing design",
        lead=(
            "Master's student Aino Lehto won this year's Nordic Timber Student Award with an "
            "affordable wooden apartment block that residents can extend themselves."
        ),
        body="""
<p>The jury praised the design for combining industrial prefabrication with room for
change: residents can add a room or a balcony as their family grows, using standard
wooden modules.</p>
<h2>A building that grows with its residents</h2>
<p>Lehto's block of 32 apartments is designed for a former airfield in northern
Helsinki. Its frame is cross-laminated timber, and its shared courtyard and workshop are
meant to bring neighbours together.</p>
<blockquote><p>“I wanted to design a home that people can afford and also shape
themselves. Wood makes that possible because it is light and easy to work with.”</p>
<p>— Aino Lehto</p></blockquote>
<p>The award comes with 10,000 euros and a study trip to timber construction sites in
Norway and Sweden.</p>
""",
        photo="stage",
        categories=("studies", "university"),
        tags=("architecture", "awards", "timber construction"),
        days_ago=20,
        hour=15,
        related=("campus-day",),
    ),
    DemoArticle(
        key="campus-day",
        language="en",
        slug="campus-day-filled-the-courtyards-with-science-and-music",
        title="Campus Day filled the courtyards with science shows and music",
        lead=(
            "Around 8,000 visitors came to explore laboratories, try virtual reality and listen "
            "to student bands at the university's annual open campus day."
        ),
        body="""
<p>Families, upper secondary school students and neighbours filled the main campus from
morning until evening. Forty research groups opened their doors, and the chemistry show
in the great hall had to be repeated three times.</p>
<h2>Science you can touch</h2>
<p>The most popular stops were the robotics laboratory, where visitors steered a rover
across a model of the Moon, and the sleep research tent, where volunteers measured their
own reaction times.</p>
<blockquote><p>“My daughter now wants to become a marine biologist. We will be back next
year.”</p>
<p>— A visitor from Espoo</p></blockquote>
<p>The day ended with a concert by student bands on the lawn in front of the main
building.</p>
""",
        photo="campus-day",
        categories=("university",),
        tags=("campus", "events", "open day"),
        days_ago=24,
        hour=17,
    ),
    DemoArticle(
        key="street-lights",
        language="en",
        slug="city-and-university-test-street-lights-that-adapt",
        title="City and university test street lights that adapt to people on the move",
        lead=(
            "On two streets in eastern Helsinki, lamps brighten when someone approaches and "
            "dim when the street is empty. Researchers measure the energy saved and how safe "
            "residents feel."
        ),
        body="""
<p>The pilot is one of the first joint projects of the partnership between the city and
the university. Eighty street lamps were fitted with motion sensors and connected to a
control system developed by the university's lighting research group.</p>
<h2>Energy and a sense of safety</h2>
<p>In the first months the lamps used 38 per cent less electricity than before. Just as
important is how people experience the street in the dark, so the researchers survey
residents and walk the route with them at night.</p>
<blockquote><p>“Darkness is part of the Nordic winter, but nobody should feel unsafe
walking home. We are looking for light that is there when you need it.”</p>
<p>— Olli Hämäläinen, researcher</p></blockquote>
<p>If the results are good, the city plans to use the same approach when it renews street
lighting across Helsinki over the coming decade.</p>
""",
        photo="street-lights",
        categories=("cooperation", "research"),
        tags=("urban development", "energy", "Helsinki"),
        days_ago=28,
    ),
    DemoArticle(
        key="library-fi",
        language="fi",
        slug="paakirjasto-on-auki-iltaisin-koko-tenttikauden",
        title="Pääkirjasto on auki iltaisin koko tenttikauden",
        lead=(
            "Tenttikauden ajan pääkirjasto on avoinna arkisin kello 22:een asti, ja lukusaliin "
            "tulee sata uutta opiskelupaikkaa."
        ),
        body="""
<p>Opiskelijat ovat toivoneet pidempiä aukioloaikoja jo pitkään. Nyt kirjasto kokeilee
ilta-aukioloa koko tenttikauden ajan.</p>
<h2>Hiljaisia ja yhteisiä tiloja</h2>
<p>Toisessa kerroksessa on hiljainen lukusali, ja kolmannen kerroksen ryhmätyötiloja voi
varata kolmeksi tunniksi kerrallaan. Kahvila on auki kello 20:een.</p>
<blockquote><p>”Moni opiskelija käy päivisin töissä, joten ilta on ainoa aika lukea
rauhassa. Haluamme, että kirjasto on silloin auki.”</p>
<p>— Kirjastonjohtaja Riikka Laine</p></blockquote>
<p>Kokeilun jälkeen kirjasto kerää palautetta ja päättää, jatketaanko ilta-aukioloa myös
kevään tenttikaudella.</p>
""",
        photo="library",
        categories=("studies", "university"),
        tags=("kirjasto", "opiskelu", "tenttikausi"),
        days_ago=5,
        hour=8,
        byline="Teksti: Viestintä",
    ),
    DemoArticle(
        key="bikes-sv",
        language="sv",
        slug="ny-cykelparkering-med-tak-pa-campus",
        title="Ny cykelparkering med tak gör det lättare att cykla till campus året runt",
        lead=(
            "Vid huvudbyggnaden finns nu 400 nya cykelplatser under tak, med laddning för "
            "elcyklar och en verkstad där man kan laga sin cykel själv."
        ),
        body="""
<p>Allt fler studerande och anställda cyklar till campus också på vintern. Den nya
parkeringen ersätter de gamla cykelställen som ofta begravdes i snö.</p>
<h2>Verktyg och laddning</h2>
<p>I cykelverkstaden finns pump, verktyg och reservdelar som alla får använda gratis.
Tjugo platser har uttag för att ladda elcyklar.</p>
<blockquote><p>”Cykeln är det snabbaste sättet att ta sig hit från många stadsdelar. Nu
behöver ingen leta efter sin cykel i en snödriva.”</p>
<p>— Campuschef Johan Lindberg</p></blockquote>
<p>Parkeringen är en del av universitetets plan att halvera utsläppen från resorna till
och från campus före 2030.</p>
""",
        photo="winter-bikes",
        categories=("university",),
        tags=("campus", "cykling", "hållbarhet"),
        days_ago=8,
        hour=10,
        byline="Text: Kommunikation",
    ),
    DemoArticle(
        key="summer-school-draft",
        language="en",
        slug="summer-school-adds-courses-on-arctic-research-and-game-design",
        title="Summer school adds courses on Arctic research and game design",
        lead=(
            "Next summer's international summer school offers twelve courses, three of them "
            "new. Applications open in February."
        ),
        body="""
<p>The summer school brings around 400 students from all over the world to the main campus
for three weeks in August.</p>
<h2>New this year</h2>
<p>The new courses cover Arctic research, game design and the economics of the energy
transition. Editors: add the course dates and fees before publishing.</p>
""",
        photo="summer-school",
        categories=("studies",),
        tags=("summer school", "international students"),
        days_ago=None,
        status=Status.DRAFT,
    ),
    DemoArticle(
        key="conferment-scheduled",
        language="en",
        slug="conferment-ceremony-celebrates-140-new-doctors",
        title="Conferment ceremony celebrates 140 new doctors",
        lead=(
            "Top hats, swords and a festive procession through the city: the university's "
            "conferment ceremony honours the doctors of the past three years."
        ),
        body="""
<p>The conferment ceremony is the most festive event of the academic year. New doctors
receive the doctoral hat, a symbol of freedom of thought, and the sword of truth.</p>
<h2>A procession through the city</h2>
<p>After the ceremony in the great hall, the doctors and their guests walk in a procession
to the cathedral steps, where a choir greets them.</p>
<blockquote><p>“A doctorate is years of patient work. Today we celebrate that work, and the
people who supported it.”</p>
<p>— Helena Korhonen, President</p></blockquote>
""",
        photo="conferment",
        categories=("university",),
        tags=("doctoral education", "events"),
        days_ago=-5,
        hour=10,
    ),
)
