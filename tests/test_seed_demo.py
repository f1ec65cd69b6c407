"""`manage.py seed_demo`: the demo content, its idempotency and the synthetic load-test articles."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image, ImageStat
from taggit.models import Tag

from articles.demo import content, seeding
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleContact,
    Category,
    GalleryPhoto,
    Person,
    RelatedLink,
    Status,
    TaggedArticle,
)
from photos import renditions
from photos.models import Photo

from .factories import make_article

# Every test stores real files, but each picture is drawn and rendered once a session.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_photos_once")]

PARTNERSHIP_SLUG = "city-of-helsinki-and-university-deepen-their-partnership"


@pytest.fixture
def seeded() -> None:
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def partnership(seeded) -> Article:
    return Article.objects.get(language="en", slug=PARTNERSHIP_SLUG)


def _media_files(settings) -> dict[str, int]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {str(path.relative_to(root)): path.stat().st_mtime_ns for path in root.rglob("*")}


def _snapshot() -> dict[str, object]:
    """Counts of everything seed_demo writes, and the rows' last-modified stamps."""
    return {
        "categories": list(Category.objects.values_list("slug", "name_en", "order")),
        "photos": list(Photo.objects.values_list("pk", "image", "alt_text", "caption")),
        "articles": list(Article.objects.values_list("pk", "modified_at").order_by("pk")),
        "article_categories": Article.categories.through.objects.count(),
        "tags": Tag.objects.count(),
        "tagged": TaggedArticle.objects.count(),
        "people": list(Person.objects.values_list("pk", "name", "title_en", "title_fi")),
        "authors": ArticleAuthor.objects.count(),
        "contacts": ArticleContact.objects.count(),
        "gallery": GalleryPhoto.objects.count(),
        "links": RelatedLink.objects.count(),
    }


def test_seed_demo_creates_the_four_categories_with_finnish_and_swedish_names(seeded):
    categories = {c.slug: c for c in Category.objects.all()}

    assert list(categories) == ["studies", "cooperation", "university", "research"]
    names = {slug: (c.name_en, c.name_fi, c.name_sv) for slug, c in categories.items()}
    assert names == {
        "studies": ("Studies", "Opiskelu", "Studier"),
        "cooperation": ("Cooperation", "Yhteistyö", "Samarbete"),
        "university": ("University", "Yliopisto", "Universitet"),
        "research": ("Research", "Tutkimus", "Forskning"),
    }
    for category in categories.values():
        assert category.description_en and category.description_fi and category.description_sv


def test_partnership_article_has_a_hero_photo_with_caption_and_photographer_credit(partnership):
    photo = partnership.hero_photo

    assert "Helena Korhonen" in partnership.caption and "Antti Lehtinen" in partnership.caption
    assert photo.credit == "Veera Lindholm"
    assert photo.alt_text.startswith("Two people in dark suits sit at a table with documents")
    assert (photo.width, photo.height) == (1600, 1067)


def test_partnership_article_body_has_subheadings_paragraphs_and_quotes(partnership):
    body = partnership.body

    assert body.count("<h2>") >= 2
    assert body.count("<blockquote>") >= 2
    assert body.count("<p>") >= 8
    assert "2026" in partnership.lead and "2030" in body


def test_partnership_article_is_featured_published_and_updated_later(partnership):
    assert partnership.featured
    assert partnership.is_published()
    assert partnership.updated_at > partnership.published_at
    assert [c.person.name for c in partnership.authors.all()] == ["Laura Mäkinen", "Emma Laine"]
    assert set(partnership.categories.values_list("slug", flat=True)) == {
        "cooperation",
        "university",
    }
    assert {"partnership", "Helsinki", "design"} <= set(partnership.tags.names())


def test_partnership_article_lists_media_contacts_under_further_information(partnership):
    contacts = [credit.person for credit in partnership.contacts.all()]

    assert [contact.name for contact in contacts] == ["Marja Nieminen", "Jussi Salo"]
    for contact in contacts:
        assert contact.title_en and contact.title_fi and contact.title_sv
        assert contact.unit_en and contact.unit_fi and contact.unit_sv
        assert "@" in contact.email and contact.phone.startswith("+358")
    assert contacts[0].bio_en and contacts[0].bio_fi and contacts[0].bio_sv


def test_every_demo_article_has_an_author(seeded):
    assert not Article.objects.filter(authors__isnull=True).exists()


def test_partnership_article_has_an_ordered_gallery_of_two_captioned_photos(partnership):
    gallery = list(partnership.gallery.select_related("photo"))

    assert [item.position for item in gallery] == [0, 1]
    assert gallery[0].shown_caption.startswith("Eteläranta")
    assert gallery[1].caption == ""  # the photo's own caption is shown instead
    assert gallery[1].shown_caption == gallery[1].photo.caption != ""
    assert all((item.photo.width, item.photo.height) == (1200, 800) for item in gallery)


def test_partnership_article_links_to_two_related_articles_in_order(partnership):
    targets = [link.target.slug for link in partnership.related_links.all()]

    assert targets == [
        "city-and-university-test-street-lights-that-adapt",
        "sustainability-training-programme-for-future-leaders",
    ]
    assert RelatedLink.objects.exclude(article=partnership).count() >= 3


def test_partnership_article_has_linked_finnish_and_swedish_translations(partnership):
    translations = {article.language: article for article in partnership.translations.all()}

    assert set(translations) == {"fi", "sv"}
    assert translations["fi"].title.startswith("Helsingin kaupunki ja yliopisto")
    assert translations["sv"].title.startswith("Helsingfors stad och universitetet")
    for translation in translations.values():
        assert translation.slug != partnership.slug
        assert "<h2>" in translation.body and "<blockquote>" in translation.body
        assert translation.hero_photo == partnership.hero_photo
        assert translation.hero_caption  # translated caption
        assert translation.is_published()
    assert set(partnership.public_translations()) == {"fi", "sv"}


def test_at_least_eight_other_public_english_articles_cover_every_category(partnership):
    others = Article.objects.published().in_language("en").exclude(pk=partnership.pk)

    assert others.count() >= 8
    assert set(others.values_list("categories__slug", flat=True)) == {
        "studies",
        "cooperation",
        "university",
        "research",
    }
    for article in others.select_related("hero_photo"):
        assert article.lead and "<p>" in article.body
        assert article.hero_photo.alt_text and article.hero_photo.credit
        assert article.tags.exists()
    assert len(set(others.values_list("published_at", flat=True))) == others.count()


def test_finnish_and_swedish_articles_exist_beyond_the_translations(seeded):
    for language in ("fi", "sv"):
        originals = (
            Article.objects.published().in_language(language).filter(translation_of__isnull=True)
        )
        assert originals.exists(), language


def test_draft_and_scheduled_articles_are_not_public(seeded):
    draft = Article.objects.get(status=Status.DRAFT)
    scheduled = Article.objects.get(
        status=Status.PUBLISHED, slug="conferment-ceremony-celebrates-140-new-doctors"
    )

    public = Article.objects.published()
    assert draft not in public and not draft.is_published()
    assert scheduled not in public and not scheduled.is_published()
    assert draft.published_at is None


def test_every_demo_photo_is_a_drawn_scene_with_alt_text_caption_credit_and_focal_point(seeded):
    photos = Photo.objects.all()

    assert photos.count() == len(content.PHOTOS) >= 15
    for photo in photos:
        assert photo.alt_text and photo.caption and photo.credit
        assert 0 <= photo.focal_x <= 1 and 0 <= photo.focal_y <= 1
        assert (photo.width, photo.height) in {(1600, 1067), (1200, 800)}
        with photo.image.open("rb") as stored:
            image = Image.open(io.BytesIO(stored.read()))
            assert image.format == "JPEG"
            assert image.size == (photo.width, photo.height)
            # Not a flat colour: the channels vary across the picture.
            assert min(ImageStat.Stat(image.convert("RGB")).stddev) > 10


def test_every_demo_photo_has_its_renditions_stored(seeded, settings):
    for photo in Photo.objects.all():
        assert renditions.is_current(photo)
        names = renditions.rendition_names(photo.renditions)
        assert any(name.endswith("full-960.webp") for name in names)
        assert all((Path(settings.MEDIA_ROOT) / name).is_file() for name in names)


def test_demo_photos_differ_from_each_other(seeded):
    digests = set()
    for photo in Photo.objects.all():
        with photo.image.open("rb") as stored:
            digests.add(hashlib.sha256(stored.read()).hexdigest())

    assert len(digests) == Photo.objects.count()


def test_running_twice_creates_nothing_changes_nothing_and_writes_no_files(seeded, settings):
    before, files_before = _snapshot(), _media_files(settings)

    out = io.StringIO()
    call_command("seed_demo", stdout=out)

    assert _snapshot() == before
    assert _media_files(settings) == files_before
    assert "already in place" in out.getvalue()


def test_running_again_keeps_an_editors_changes(partnership):
    partnership.title = "Edited by an editor"
    partnership.save()
    partnership.related_links.all().delete()

    call_command("seed_demo", verbosity=0)

    partnership.refresh_from_db()
    assert partnership.title == "Edited by an editor"
    assert not partnership.related_links.exists()
    assert Article.objects.filter(language="en", slug=PARTNERSHIP_SLUG).count() == 1


def test_a_deleted_demo_article_is_recreated_with_its_links(seeded):
    Article.objects.get(language="en", slug=PARTNERSHIP_SLUG).delete()
    photos_before = Photo.objects.count()

    call_command("seed_demo", verbosity=0)

    partnership = Article.objects.get(language="en", slug=PARTNERSHIP_SLUG)
    assert partnership.related_links.count() == 2
    assert Photo.objects.count() == photos_before


def test_articles_option_adds_public_synthetic_articles_and_a_second_run_adds_more(
    seeded, settings
):
    public_before = Article.objects.published().count()
    files_before = _media_files(settings)

    call_command("seed_demo", articles=25, verbosity=0)

    synthetic = Article.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 25
    assert Article.objects.published().count() == public_before + 25
    assert set(synthetic.values_list("slug", flat=True)) == {f"synthetic-{n}" for n in range(1, 26)}
    assert not synthetic.filter(categories=None).exists()
    assert not synthetic.filter(tags=None).exists()
    demo_photos = set(Photo.objects.values_list("pk", flat=True))
    assert set(synthetic.values_list("hero_photo", flat=True)) <= demo_photos
    assert _media_files(settings) == files_before

    call_command("seed_demo", "--articles", "25", verbosity=0)

    assert synthetic.count() == 50
    assert synthetic.filter(slug="synthetic-50").exists()
    assert Article.objects.published().count() == public_before + 50
    assert _media_files(settings) == files_before


def test_synthetic_numbering_continues_after_the_highest_existing_number(seeded):
    make_article(slug="synthetic-9")
    make_article(slug="synthetic-10")
    make_article(slug="synthetic-notanumber")

    call_command("seed_demo", articles=2, verbosity=0)

    assert Article.objects.filter(slug__in=["synthetic-11", "synthetic-12"]).count() == 2


def test_synthetic_bodies_are_sanitised_like_any_other_body(seeded):
    call_command("seed_demo", articles=3, verbosity=0)

    for body in Article.objects.filter(slug__startswith="synthetic-").values_list(
        "body", flat=True
    ):
        assert "<h2>" in body and "<blockquote>" in body and "&lt;" not in body


def test_articles_option_works_on_an_empty_database():
    call_command("seed_demo", articles=5, verbosity=0)

    assert Article.objects.filter(slug__startswith="synthetic-").count() == 5
    assert Category.objects.count() == 4


@pytest.mark.parametrize(
    "call",
    [
        lambda: call_command("seed_demo", articles=-1, verbosity=0),
        lambda: call_command("seed_demo", "--articles", "-3", verbosity=0),
    ],
    ids=["keyword", "command-line"],
)
def test_a_negative_number_of_articles_is_refused_with_a_sentence_and_writes_nothing(
    call, settings
):
    with pytest.raises(CommandError, match=r"^--articles must be zero or a positive .*\.$"):
        call()

    assert not Article.objects.exists()
    assert not Category.objects.exists()
    assert not Photo.objects.exists()
    assert _media_files(settings) == {}


def test_a_failure_half_way_leaves_no_rows_and_no_files(monkeypatch, settings):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(seeding, "_add_synthetic", fail)

    with pytest.raises(RuntimeError):
        call_command("seed_demo", articles=10, verbosity=0)

    assert not Article.objects.exists()
    assert not Category.objects.exists()
    assert not Photo.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.jpg"))


def test_the_command_reports_what_it_created_and_respects_verbosity():
    out = io.StringIO()
    call_command("seed_demo", articles=3, stdout=out)

    output = out.getvalue()
    assert "Synthetic articles: 3 of 3" in output
    assert (
        "Created 4 categories, 16 photos, 5 people, 24 articles, 8 related links, 3 synthetic"
        in output
    )

    quiet = io.StringIO()
    call_command("seed_demo", articles=1, stdout=quiet, verbosity=0)
    assert quiet.getvalue() == ""


def test_the_demo_has_a_statement_and_feedback_in_each_language(seeded):
    from feedback.models import FeedbackMessage
    from siteidentity.models import AccessibilityStatement, SiteIdentity

    assert SiteIdentity.objects.count() == 1
    languages = {"en", "fi", "sv"}
    assert set(AccessibilityStatement.objects.values_list("language", flat=True)) == languages
    assert set(FeedbackMessage.objects.values_list("language", flat=True)) == languages


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_finnish_and_swedish_story_has_four_more_to_read(seeded, client, language):
    from articles.models import Article

    stories = Article.objects.published().filter(language=language)
    assert stories.count() >= 5
    for story in stories:
        page = client.get(story.get_absolute_url()).text
        related = page.split('class="related-news"', 1)[1].split("</section>", 1)[0]
        assert related.count('class="card-grid__item"') == 4, story.slug


def test_the_public_news_index_shows_the_partnership_article_after_seeding(seeded, client):
    response = client.get("/en/news/")

    assert response.status_code == 200
    assert Article.objects.get(slug=PARTNERSHIP_SLUG).title in response.content.decode()


def test_the_partnership_article_page_shows_its_credit_quotes_and_contacts(partnership, client):
    response = client.get(partnership.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Veera Lindholm" in html
    assert "<blockquote>" in html
    assert "marja.nieminen@uhu.example" in html
    assert ">Laura Mäkinen</a> and <a" in html


def test_a_second_run_costs_a_handful_of_queries(seeded, django_assert_max_num_queries):
    # Eight for the news, one for the people, three for the identity, statements and
    # feedback (demo/site.py).
    with django_assert_max_num_queries(12):
        call_command("seed_demo", verbosity=0)
