"""bench/load.py --edge: the same pages directly from gunicorn and through Varnish in
front of it (deploy/varnish/newsroom.vcl), in one run, and the time from an editor's
save to the first fresh answer through the proxy.

For the index, an article and a feed: requests/s, p50 and p99 under wrk, direct (the
page cache's hits) and through the proxy (Varnish's hits). Then `--saves` edits of the
article's title through the ORM, each followed by asking the proxy, as fast as it
answers, until the new title shows: the time from the start of the save (the
transaction, its commit, the purge sent after it by the purge thread, Varnish's BAN
and a fresh fetch from gunicorn) to that first fresh answer. The proxy is Debian's
varnishd (`sudo apt-get install -y varnish`), as in the tests.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.security.servers import VARNISHD, varnish

EDGE_PAGES = ("index", "article", "feed")


def ensure_varnish() -> None:
    if not VARNISHD.exists():
        raise SystemExit(
            f"bench/load.py --edge needs {VARNISHD}: run 'sudo apt-get install -y varnish'."
        )


def _get(port: int, path: str) -> str:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        client.request("GET", path)
        return client.getresponse().read().decode(errors="replace")
    finally:
        client.close()


def save_to_fresh(proxy_port: int, saves: int) -> tuple[list[float], list[float]]:
    """For each save of an article's title: the seconds the save took (until its commit
    returned), and the seconds from its start to the first answer through the proxy
    that shows the new title."""
    from django.conf import settings

    from articles.models import Article

    settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{proxy_port}"]
    article = Article.objects.published().in_language("en").filter(featured=True).first()
    article = article or Article.objects.published().in_language("en").first()
    path = article.get_absolute_url()
    saving, fresh = [], []
    for number in range(saves):
        _get(proxy_port, path)  # in Varnish before the edit
        title = f"Edited for the edge benchmark, take {number} {time.time_ns()}"
        started = time.perf_counter()
        article.title = title
        article.save()
        saved = time.perf_counter()
        while title not in _get(proxy_port, path):
            pass
        saving.append(saved - started)
        fresh.append(time.perf_counter() - started)
        time.sleep(0.2)
    return saving, fresh


def compare(
    args: argparse.Namespace,
    base: str,
    proxy_port: int,
    pages: dict[str, str],
    workdir: Path,
    measure: Callable[[str], Any],
) -> None:
    """Varnish on proxy_port in front of `base`; `measure(url)` runs wrk on a URL
    (bench/load.py's settle and wrk) and returns its Result."""
    with varnish(base, workdir / "varnish", proxy_port) as proxy:
        print(f"\nthrough Varnish ({VARNISHD}, malloc 64 MB) and direct, {args.duration} s each")
        print(f"{'page':<12}{'path':<8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for name in EDGE_PAGES:
            for route, url in (("direct", base), ("proxy", proxy)):
                result = measure(url + pages[name])
                errors = result.bad_status + result.socket_errors
                print(
                    f"{name:<12}{route:<8}{result.requests_per_second:>9.0f}"
                    f"{result.p50_ms:>9.2f}{result.p99_ms:>9.2f}{errors:>8}",
                    flush=True,
                )
        saving, fresh = save_to_fresh(proxy_port, args.saves)
        print(f"\n{len(fresh)} saves of the article's title through the ORM:")
        for what, times in (("the save itself", saving), ("save → fresh via proxy", fresh)):
            print(
                f"  {what:<24} median {statistics.median(times) * 1000:6.1f} ms, "
                f"max {max(times) * 1000:6.1f} ms"
            )
