"""The rest of the demo news: published, scheduled, in review and draft, so every list,
filter and state has something to show."""

from ...models import Status
from .shapes import DemoArticle

MORE_NEWS: tuple[DemoArticle, ...] = (
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
        authors=("sofia",),
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
        authors=("emma",),
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
        authors=("sofia",),
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
