"""The feedback form: never cached, stored only when it passes the spam checks."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import spam
from .forms import FeedbackForm


@never_cache
def feedback(request: HttpRequest) -> HttpResponse:
    """GET: the form, with a fresh start time. POST: stored, then a redirect to the
    thanks (a bot that filled the trap is thanked too, and nothing is stored)."""
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if spam.over_the_limit(request):
            form.add_error(None, _("Too many messages from your address: try again in an hour."))
        elif form.is_valid():
            if not form.is_spam():
                message = form.save(commit=False)
                message.language = translation.get_language()
                message.save()
            return HttpResponseRedirect(reverse("feedback") + "?sent=1")
        status = 429 if form.non_field_errors() else 400
    else:
        # A form sent back with errors keeps its start time: it only gets older.
        form = FeedbackForm(
            initial={"page": request.GET.get("page", "")[:500], "started": spam.start_token()}
        )
        status = 200
    context = {"form": form, "sent": request.GET.get("sent") == "1"}
    return render(request, "feedback/feedback_form.html", context, status=status)
