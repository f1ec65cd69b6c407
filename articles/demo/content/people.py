"""The demo's people: the writers of its stories and the contacts of the reference
story, with titles and units in three languages and short bios."""

from .shapes import DemoPerson

PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        key="laura",
        name="Laura Mäkinen",
        slug="laura-makinen",
        title=("Science Journalist", "Tiedetoimittaja", "Vetenskapsjournalist"),
        unit=("University Communications", "Yliopiston viestintä", "Universitetets kommunikation"),
        email="laura.makinen@uhu.example",
        bio=(
            "Laura writes about research, cities and the people who study them. Before "
            "joining the university she was a reporter at a regional newspaper.",
            "Laura kirjoittaa tutkimuksesta, kaupungeista ja niitä tutkivista ihmisistä. "
            "Ennen yliopistoa hän työskenteli maakuntalehden toimittajana.",
            "Laura skriver om forskning, städer och människorna som forskar i dem. Innan "
            "hon kom till universitetet var hon reporter på en regional dagstidning.",
        ),
    ),
    DemoPerson(
        key="emma",
        name="Emma Laine",
        slug="emma-laine",
        title=("Communications Specialist", "Viestinnän asiantuntija", "Kommunikationsexpert"),
        unit=("University Communications", "Yliopiston viestintä", "Universitetets kommunikation"),
        email="emma.laine@uhu.example",
        bio=(
            "Emma covers studies, admissions and student life.",
            "Emma kirjoittaa opiskelusta, valinnoista ja opiskelijaelämästä.",
            "Emma skriver om studier, antagning och studentliv.",
        ),
    ),
    DemoPerson(
        key="sofia",
        name="Sofia Karlsson",
        slug="sofia-karlsson",
        title=("Communications Officer", "Tiedottaja", "Informatör"),
        unit=("University Communications", "Yliopiston viestintä", "Universitetets kommunikation"),
        email="sofia.karlsson@uhu.example",
    ),
    DemoPerson(
        key="marja",
        name="Marja Nieminen",
        slug="marja-nieminen",
        title=(
            "Head of Strategic Partnerships",
            "Strategisten kumppanuuksien päällikkö",
            "Chef för strategiska partnerskap",
        ),
        unit=(
            "University of Helsinki-Uusimaa",
            "Helsingin-Uudenmaan yliopisto",
            "Helsingfors-Nylands universitet",
        ),
        email="marja.nieminen@uhu.example",
        phone="+358 50 555 0142",
        bio=(
            "Marja leads the university's partnerships with cities, companies and other "
            "universities.",
            "Marja johtaa yliopiston kumppanuuksia kaupunkien, yritysten ja muiden "
            "yliopistojen kanssa.",
            "Marja leder universitetets partnerskap med städer, företag och andra universitet.",
        ),
    ),
    DemoPerson(
        key="jussi",
        name="Jussi Salo",
        slug="jussi-salo",
        title=("Director of Economic Development", "Elinkeinojohtaja", "Näringslivsdirektör"),
        unit=("City of Helsinki", "Helsingin kaupunki", "Helsingfors stad"),
        email="jussi.salo@hel.example",
        phone="+358 9 310 55501",
    ),
)
