# Each byline's name and each media contact become people, linked to their articles in
# order; the Writer and Editor groups get their permissions on people.

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils.text import slugify

GRANTS = {
    "Writer": [
        "add_person",
        "change_person",
        "view_person",
        *[f"{action}_{model}" for model in ("articleauthor", "articlecontact")
          for action in ("add", "change", "delete", "view")],
    ],
    "Editor": [
        "add_person",
        "change_person",
        "view_person",
        "delete_person",
        "hide_person",
        *[f"{action}_{model}" for model in ("articleauthor", "articlecontact")
          for action in ("add", "change", "delete", "view")],
    ],
}


def byline_name(byline):
    """'Text: Anna Virtanen' → 'Anna Virtanen': the person, without a short label."""
    label, separator, name = byline.partition(":")
    return name.strip() if separator and name.strip() and len(label) <= 20 else byline.strip()


class People:
    """The people made so far, found by name or by email."""

    def __init__(self, Person):
        self.Person = Person
        self.by_name = {}
        self.by_email = {}
        self.slugs = set(Person.objects.values_list("slug", flat=True))

    def _new(self, name, **fields):
        base = slugify(name)[:190] or "person"
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        person = self.Person.objects.create(name=name[:200], slug=slug, **fields)
        self.by_name.setdefault(person.name, person)
        if person.email:
            self.by_email.setdefault(person.email.lower(), person)
        return person

    def named(self, name):
        return self.by_name.get(name[:200]) or self._new(name)

    def contact(self, name, email):
        """By email when given (else a person of that name without one), else by name."""
        if email:
            person = self.by_email.get(email.lower())
            if person is None:
                person = self.by_name.get(name[:200])
                if person is not None and person.email:
                    person = None
            if person is None:
                return self._new(name, email=email)
            if not person.email:
                person.email = email
                self.by_email[email.lower()] = person
            return person
        return self.named(name)


def people_from_bylines(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    MediaContact = apps.get_model("articles", "MediaContact")
    ArticleAuthor = apps.get_model("articles", "ArticleAuthor")
    ArticleContact = apps.get_model("articles", "ArticleContact")
    people = People(apps.get_model("articles", "Person"))
    authors = []
    for pk, byline in Article.objects.exclude(byline="").order_by("pk").values_list("pk", "byline"):
        if name := byline_name(byline):
            authors.append(ArticleAuthor(article_id=pk, person=people.named(name), position=1))
    ArticleAuthor.objects.bulk_create(authors)

    contacts, changed, seen = [], {}, set()
    rows = MediaContact.objects.select_related("article").order_by("article_id", "position", "pk")
    for row in rows:
        person = people.contact(row.name.strip() or row.email, row.email)
        field = f"title_{row.article.language}"
        if row.title and not getattr(person, field):
            setattr(person, field, row.title)
        if row.phone and not person.phone:
            person.phone = row.phone
        changed[person.pk] = person
        if (row.article_id, person.pk) not in seen:
            seen.add((row.article_id, person.pk))
            contacts.append(
                ArticleContact(article_id=row.article_id, person=person, position=row.position)
            )
    for person in changed.values():
        person.save()
    ArticleContact.objects.bulk_create(contacts)


def bylines_from_people(apps, schema_editor):
    """Back: the authors' names as the byline, the contacts as media contacts."""
    Article = apps.get_model("articles", "Article")
    MediaContact = apps.get_model("articles", "MediaContact")
    ArticleAuthor = apps.get_model("articles", "ArticleAuthor")
    ArticleContact = apps.get_model("articles", "ArticleContact")
    names = {}
    for credit in ArticleAuthor.objects.select_related("person").order_by("position", "pk"):
        names.setdefault(credit.article_id, []).append(credit.person.name)
    for pk, article_names in names.items():
        Article.objects.filter(pk=pk).update(byline=", ".join(article_names)[:200])
    MediaContact.objects.bulk_create(
        MediaContact(
            article_id=credit.article_id,
            name=credit.person.name,
            title=getattr(credit.person, f"title_{credit.article.language}"),
            email=credit.person.email,
            phone=credit.person.phone,
            position=credit.position,
        )
        for credit in ArticleContact.objects.select_related("person", "article")
    )


def grant_roles(apps, schema_editor):
    # As 0004_workflow: permissions first, since post_migrate has not run yet.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
            )


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_people'),
    ]

    operations = [
        migrations.RunPython(people_from_bylines, bylines_from_people),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
