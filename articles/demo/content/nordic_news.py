"""Finnish and Swedish demo news: translations of English stories, so that the Finnish
and Swedish index pages look like a newsroom's and every "Read more news" block (four
cards, same language) is full."""

from .shapes import DemoArticle

_FI = ("emma",)
_SV = ("sofia",)

NORDIC_NEWS: tuple[DemoArticle, ...] = (
    DemoArticle(
        key="applications-fi",
        language="fi",
        slug="englanninkielisiin-kandiohjelmiin-lahes-6700-hakijaa",
        title="Englanninkielisiin kandiohjelmiin lähes 6 700 hakijaa",
        lead=(
            "Eniten hakijoita keräsivät kansainvälinen liiketoiminta, taloustiede ja "
            "tietotekniikka. Hakijoita tuli 128 maasta."
        ),
        body="""
<p>Yliopisto sai 6 684 hakemusta englanninkielisiin kandidaattiohjelmiinsa, noin
kahdeksan prosenttia enemmän kuin vuotta aiemmin. Suurimmat hakijaryhmät tulivat
Suomesta, Nigeriasta, Vietnamista, Pakistanista ja Saksasta.</p>
<h2>Liiketoiminta ja tekniikka kärjessä</h2>
<p>Eniten hakemuksia sai kansainvälisen liiketoiminnan ohjelma, seuraavina taloustiede ja
tietotekniikka. Myös muotoilun ja arkkitehtuurin suosio kasvoi selvästi.</p>
<p>Valinnat tehdään aiempien opintojen ja osassa ohjelmista verkossa järjestettävän
valintakokeen perusteella. Tulokset julkaistaan huhtikuun loppuun mennessä.</p>
""",
        photo="stairs",
        categories=("studies", "university"),
        tags=("haku", "kandiohjelmat"),
        days_ago=4,
        hour=11,
        authors=_FI,
        translation_of="applications",
    ),
    DemoArticle(
        key="lifelong-learning-fi",
        language="fi",
        slug="jatkuva-oppiminen-tavoitti-ennatysmaaran-osallistujia",
        title="Jatkuva oppiminen tavoitti ennätysmäärän osallistujia",
        lead=(
            "Avoimen yliopiston ja täydennyskoulutuksen osallistujat, kurssit ja suoritetut "
            "opintopisteet lisääntyivät edellisvuodesta."
        ),
        body="""
<p>Yliopiston avoimissa opinnoissa ja täydennyskoulutuksessa opiskeli viime vuonna yli
14 000 ihmistä. Suoritettujen opintopisteiden määrä kasvoi viidenneksellä.</p>
<p>Suosituimpia olivat johtamisen, ohjelmoinnin ja kestävän kehityksen kurssit. Yhä
useampi osallistuja opiskeli työn ohessa iltaisin ja verkossa.</p>
""",
        photo="lecture",
        categories=("studies", "university"),
        tags=("jatkuva oppiminen", "avoin yliopisto"),
        days_ago=11,
        hour=9,
        authors=_FI,
        translation_of="lifelong-learning",
    ),
    DemoArticle(
        key="bladderwrack-fi",
        language="fi",
        slug="rakkoleva-palaa-suomenlahden-suojaisiin-lahtiin",
        title="Rakkolevä palaa Suomenlahden suojaisiin lahtiin",
        lead=(
            "Pikkukalojen suojana kasvava rakkolevä on toipunut odotettua nopeammin lahdissa, "
            "joissa ravinnekuormitus on vähentynyt."
        ),
        body="""
<p>Yliopiston meribiologit kartoittivat kolmena kesänä 42 lahtea Suomenlahden
rannikolla. Rakkolevävyöhyke oli levinnyt puoleen niistä, ja sen alaraja oli siirtynyt
syvemmälle.</p>
<p>Tutkijoiden mukaan muutos kertoo veden kirkastumisesta. Työ jatkuu ensi kesänä
Saaristomerellä.</p>
""",
        photo="coast",
        categories=("research", "university"),
        tags=("Itämeri", "meribiologia"),
        days_ago=13,
        hour=14,
        authors=_FI,
        translation_of="bladderwrack",
    ),
    DemoArticle(
        key="street-lights-fi",
        language="fi",
        slug="katuvalot-jotka-mukautuvat-kulkijoihin",
        title="Kaupunki ja yliopisto kokeilevat kulkijoihin mukautuvia katuvaloja",
        lead=(
            "Kahdella itähelsinkiläisellä kadulla valot kirkastuvat, kun joku lähestyy, ja "
            "himmenevät, kun katu on tyhjä."
        ),
        body="""
<p>Kokeilussa mitataan, paljonko energiaa säästyy ja miten turvalliseksi asukkaat kokevat
kadun. Valaisimet tunnistavat liikkeen, mutta eivät tallenna kuvaa.</p>
<p>Tulokset julkaistaan syksyllä, ja niiden perusteella kaupunki päättää, laajennetaanko
ratkaisu muille kaduille.</p>
""",
        photo="street-lights",
        categories=("cooperation", "research", "university"),
        tags=("kaupunkitutkimus", "energia"),
        days_ago=27,
        hour=10,
        authors=_FI,
        translation_of="street-lights",
    ),
    DemoArticle(
        key="applications-sv",
        language="sv",
        slug="nastan-6700-sokande-till-engelsksprakiga-kandidatprogram",
        title="Nästan 6 700 sökande till de engelskspråkiga kandidatprogrammen",
        lead=(
            "Internationell affärsverksamhet, nationalekonomi och datateknik lockade flest "
            "sökande. De sökande kom från 128 länder."
        ),
        body="""
<p>Universitetet fick 6 684 ansökningar till sina engelskspråkiga kandidatprogram, cirka
åtta procent fler än året innan. De största grupperna sökte från Finland, Nigeria,
Vietnam, Pakistan och Tyskland.</p>
<p>Antagningen görs på basis av tidigare studier och i vissa program ett urvalsprov på
nätet. Resultaten publiceras före slutet av april.</p>
""",
        photo="stairs",
        categories=("studies", "university"),
        tags=("antagning", "kandidatprogram"),
        days_ago=4,
        hour=11,
        authors=_SV,
        translation_of="applications",
    ),
    DemoArticle(
        key="lifelong-learning-sv",
        language="sv",
        slug="livslangt-larande-nadde-fler-an-nagonsin",
        title="Livslångt lärande nådde fler deltagare än någonsin",
        lead=(
            "Antalet deltagare, kurser och avlagda studiepoäng inom öppna universitetet och "
            "fortbildningen ökade jämfört med året innan."
        ),
        body="""
<p>Över 14 000 personer studerade vid universitetets öppna universitet och
fortbildning förra året. Antalet avlagda studiepoäng ökade med en femtedel.</p>
<p>Mest populära var kurserna i ledarskap, programmering och hållbar utveckling.</p>
""",
        photo="lecture",
        categories=("studies", "university"),
        tags=("livslångt lärande", "öppna universitetet"),
        days_ago=11,
        hour=9,
        authors=_SV,
        translation_of="lifelong-learning",
    ),
    DemoArticle(
        key="campus-day-sv",
        language="sv",
        slug="campusdagen-fyllde-gardarna-med-vetenskap-och-musik",
        title="Campusdagen fyllde gårdarna med vetenskapsshower och musik",
        lead=(
            "Omkring 8 000 besökare kom för att utforska laboratorier, prova virtuell verklighet "
            "och lyssna på studentband på universitetets öppna campusdag."
        ),
        body="""
<p>Under campusdagen öppnade 40 laboratorier och verkstäder sina dörrar. Längst köer
hade robotverkstaden och kemins färgshow.</p>
<p>Dagen avslutades med en konsert på huvudgården, där studentbanden spelade till
sent på kvällen.</p>
""",
        photo="campus-day",
        categories=("university",),
        tags=("campus", "evenemang"),
        days_ago=23,
        hour=16,
        authors=_SV,
        translation_of="campus-day",
    ),
    DemoArticle(
        key="battery-lab-sv",
        language="sv",
        slug="nytt-laboratorium-for-batterimaterial-oppnar-pa-campus",
        title="Nytt laboratorium för batterimaterial öppnar på campus",
        lead=(
            "Forskare och företag kan nu testa återvunna batterimaterial i allt från gram "
            "till kilogram under samma tak."
        ),
        body="""
<p>Laboratoriet har utrustning för att skala upp nya material från laboratorieprov till
pilotskala. Företag kan hyra tid i laboratoriet tillsammans med universitetets
forskare.</p>
<p>Målet är att en större del av metallerna i gamla batterier ska kunna användas i nya.</p>
""",
        photo="lab",
        categories=("research", "university"),
        tags=("batterier", "återvinning"),
        days_ago=17,
        hour=12,
        authors=_SV,
        translation_of="battery-lab",
    ),
)
