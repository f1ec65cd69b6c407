"""The reference story (the city and the university deepen their partnership) in
English, Finnish and Swedish, with its photo, gallery, two authors, media contacts and
related links."""

from .shapes import DemoArticle

STORY: tuple[DemoArticle, ...] = (
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
        authors=("laura", "emma"),
        contacts=("marja", "jussi"),
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
        authors=("laura", "emma"),
        translation_of="partnership",
        contacts=("marja",),
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
        authors=("laura", "emma"),
        translation_of="partnership",
        contacts=("marja",),
        related=("bikes-sv",),
    ),
)
