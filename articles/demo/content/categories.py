"""The demo categories, named and described in three languages."""

from dataclasses import dataclass


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
