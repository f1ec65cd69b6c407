"""The demo's site identity, accessibility statements and feedback messages: what an
Editor finds in the admin, in three languages. Saved one row at a time (a handful), so
the page cache hears of them as of any save."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from feedback.models import FeedbackMessage
from siteidentity.models import AccessibilityStatement, SiteIdentity

from .content.site import FEEDBACK, STATEMENT_CHECKED_HOW, STATEMENT_ISSUES


def ensure_site(report) -> None:
    """The identity (its defaults are the demo university's), a statement for each
    language that has none, and three feedback messages on a site that has none."""
    if not SiteIdentity.objects.exists():
        SiteIdentity.objects.create()
        report.site_rows += 1
    written = set(AccessibilityStatement.objects.values_list("language", flat=True))
    checked = timezone.localdate() - timedelta(days=20)
    for language, _name in settings.LANGUAGES:
        if language not in written:
            AccessibilityStatement.objects.create(
                language=language,
                conformance="partial",
                known_issues=STATEMENT_ISSUES[language],
                checked_on=checked,
                checked_how=STATEMENT_CHECKED_HOW[language],
                feedback_email="accessibility@example.edu",
                feedback_phone="+358 29 000 0000",
            )
            report.site_rows += 1
    if not FeedbackMessage.objects.exists():
        for language, message, name, email, page in FEEDBACK:
            FeedbackMessage.objects.create(
                language=language, message=message, name=name, email=email, page=page
            )
            report.site_rows += 1
