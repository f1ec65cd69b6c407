"""The article history's comparisons: any two revisions side by side, and on the restore
page what restoring a revision would change (publishing/compare.py does the diffing)."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from articles.models import Article

from ..compare import FieldDiff, compare, snapshot_of_article, snapshot_of_revision


def _split(diffs: list[FieldDiff]) -> dict[str, list[FieldDiff]]:
    return {
        "changed_fields": [diff for diff in diffs if diff.changed],
        "unchanged_fields": [diff for diff in diffs if not diff.changed],
    }


class ArticleHistoryMixin:
    """For ArticleAdmin (a VersionAdmin): the history page lets an editor pick two
    revisions, /<id>/history/compare/?from=<revision>&to=<revision> shows them side by
    side, and the restore page shows the article now beside the revision. Reading only:
    nothing is written on these pages (the restore page's own preview is rolled back by
    django-reversion)."""

    object_history_template = "admin/articles/article/object_history.html"
    revision_form_template = "admin/articles/article/revision_form.html"

    def get_urls(self) -> list[Any]:
        compare_url = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare_url, *super().get_urls()]

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Two revisions of an article, the older on the left. Queries: the article, the
        two revisions' versions, then one per kind of thing named (photos, categories,
        tags, articles, users), whatever the size of the fields."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        try:
            picked = [int(request.GET["from"]), int(request.GET["to"])]
        except (KeyError, ValueError):
            raise Http404 from None
        chosen = set(picked)  # the same revision twice compares it with itself
        versions = list(
            Version.objects.filter(revision_id__in=chosen)
            .select_related("content_type", "revision__user")
            .order_by("revision__date_created", "revision_id", "pk")
        )
        revisions = {v.revision_id: v.revision for v in versions}
        snapshots = {pk: snapshot_of_revision(_of(versions, pk), article.pk) for pk in chosen}
        if any(snapshot is None for snapshot in snapshots.values()):
            raise Http404
        older, newer = sorted(picked, key=lambda pk: (revisions[pk].date_created, pk))
        own_versions = {
            v.revision_id: v
            for v in versions
            if v.content_type.model_class() is Article and v.object_id == str(article.pk)
        }
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "original": article,
            "object_id": object_id,
            "title": _("Compare revisions of “%(title)s”") % {"title": article.title},
            "subtitle": None,
            "older": revisions[older],
            "newer": revisions[newer],
            "older_url": self._revision_url(article, own_versions[older]),
            "newer_url": self._revision_url(article, own_versions[newer]),
            "may_restore": self._may_restore(request, article),
            **_split(compare(snapshots[older], snapshots[newer])),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def revision_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """The restore page, with the article now beside the revision: computed before
        django-reversion puts the revision into the (rolled back) transaction."""
        context = dict(extra_context or {})
        if request.method == "GET":
            context |= self._restore_diff(object_id, version_id)
        return super().revision_view(request, object_id, version_id, context)

    def _restore_diff(self, object_id: str, version_id: str) -> dict[str, Any]:
        article = Article.objects.filter(pk=unquote(object_id)).first()
        version = Version.objects.filter(pk=version_id, object_id=unquote(object_id)).first()
        if article is None or version is None:
            return {}  # django-reversion answers 404
        versions = Version.objects.filter(revision_id=version.revision_id).select_related(
            "content_type"
        )
        snapshot = snapshot_of_revision(versions, article.pk)
        if snapshot is None:
            return {}
        return _split(compare(snapshot_of_article(article), snapshot))

    def _revision_url(self, article: Article, version: Version) -> str:
        return reverse(
            f"{self.admin_site.name}:articles_article_revision",
            args=[quote(article.pk), version.pk],
        )

    def _may_restore(self, request: HttpRequest, article: Article) -> bool:
        # ArticleAdmin's rule: a published article (and restoring it) is an editor's.
        return self.has_change_permission(request, article)


def _of(versions: list[Version], revision_id: int) -> list[Version]:
    return [version for version in versions if version.revision_id == revision_id]
