"""A bare Django view for bench/load.py: a static HTML string of the asked size, through
the same middleware as every page. The yardstick the real pages are measured against.
Only routed when NEWSROOM_BENCH=1 (settings.BENCHMARK_VIEW)."""

from functools import cache

from django.http import HttpRequest, HttpResponse


@cache
def _page(size: int) -> str:
    head = '<!DOCTYPE html><html lang="en"><head><title>Bare</title></head><body><p>'
    tail = "</p></body></html>\n"
    return head + "x" * max(0, size - len(head) - len(tail)) + tail


def bare_page(request: HttpRequest) -> HttpResponse:
    size = request.GET.get("bytes", "20000")
    return HttpResponse(_page(min(int(size), 1_000_000) if size.isdigit() else 20000))
