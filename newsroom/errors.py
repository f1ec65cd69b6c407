"""The server-error page: a 503 when the database is unreachable, else the usual 500.

Django calls `handler500` from inside the except block of the failed request, so the
exception is still at hand. A database that has gone away is a temporary outage, not a
bug: the visitor gets a translated "temporarily unavailable" page with status 503 and a
Retry-After (load balancers and crawlers then retry rather than drop the page), and the
next request, once the database is back, is served as usual: Django's health checks on
persistent connections reconnect by themselves. Neither page touches the database (no
context processors), since it may be the very thing that failed.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    # In the visitor's language, also when the error came before LocaleMiddleware ran
    # (the page cache's read, near the top of the stack).
    translation.activate(translation.get_language_from_request(request, check_path=True))
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
