"""The demo's accessibility statements and readers' feedback, in three languages."""

STATEMENT_ISSUES = {
    "en": (
        "Some photos published before 2025 have no text alternative. We are adding them "
        "by the end of June 2027.\n\n"
        "Videos embedded in older stories have no captions. New videos are captioned "
        "before they are published."
    ),
    "fi": (
        "Osasta ennen vuotta 2025 julkaistuista kuvista puuttuu tekstivastine. Lisäämme "
        "ne kesäkuun 2027 loppuun mennessä.\n\n"
        "Vanhempiin uutisiin upotetuissa videoissa ei ole tekstitystä. Uudet videot "
        "tekstitetään ennen julkaisua."
    ),
    "sv": (
        "En del bilder som publicerats före 2025 saknar textalternativ. Vi lägger till dem "
        "före utgången av juni 2027.\n\n"
        "Videor i äldre nyheter saknar textning. Nya videor textas innan de publiceras."
    ),
}
STATEMENT_CHECKED_HOW = {
    "en": "A self-assessment with automated tools, a screen reader and the keyboard.",
    "fi": "Omaehtoinen arviointi automaattisilla työkaluilla, ruudunlukijalla ja näppäimistöllä.",
    "sv": "En egen bedömning med automatiska verktyg, skärmläsare och tangentbord.",
}
FEEDBACK = (
    (
        "en",
        "The arrows of the photo gallery on the partnership story are hard to see on my "
        "phone in sunlight.",
        "Sam Reader",
        "sam.reader@example.org",
        "/en/news/city-of-helsinki-and-university-deepen-their-partnership/",
    ),
    (
        "fi",
        "Kirjaston aukioloajat puuttuvat ruotsinkielisestä uutisesta. Voisitteko lisätä ne?",
        "Aino Lukija",
        "",
        "/fi/news/paakirjasto-on-auki-iltaisin-koko-tenttikauden/",
    ),
    (
        "sv",
        "Tack för nyheterna på svenska! Skulle ni kunna publicera fler om forskningen?",
        "",
        "",
        "",
    ),
)
