"""A URL configuration with public views that must never be kept: for tests/test_caching.py."""

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.urls import path

from pagecache.caching import cache_public_page

CALLS: list[str] = []


def failing(request: HttpRequest) -> HttpResponse:
    CALLS.append("failing")
    return HttpResponseServerError("down")


def with_cookie(request: HttpRequest) -> HttpResponse:
    CALLS.append("with_cookie")
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [
    path("failing/", cache_public_page(failing)),
    path("with-cookie/", cache_public_page(with_cookie)),
]
