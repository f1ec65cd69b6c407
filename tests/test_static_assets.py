"""Static files as production serves them (DEBUG off, after collectstatic): every CSS,
script and icon a page links has a content hash in its name, is cached for good
(`max-age=315360000, public, immutable`) and is small."""

from __future__ import annotations

import json
import re

from tests.test_production import PRODUCTION, _run

# What a page links from /static/, fetched through WhiteNoise in a production process.
_PROBE = """
import django, json, re
django.setup()
from django.test import Client
from articles.models import Article
client = Client(HTTP_HOST="news.example.edu")
html = client.get("/en/news/").content.decode()
assets = {}
for url in sorted(set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html))):
    plain = client.get(url)
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assets[url] = {
        "status": plain.status_code,
        "cache": plain.get("Cache-Control"),
        "bytes": len(b"".join(plain.streaming_content)),
        "gzip": len(b"".join(gzipped.streaming_content)),
        "encoding": gzipped.get("Content-Encoding"),
    }
print(json.dumps(assets))
"""

# Budgets, uncompressed and gzipped: a hand-written stylesheet and one small script; the
# preloaded web font, the Latin subset of Inter (woff2 is compressed already: not gzipped).
BUDGET = {
    "css": (34_000, 8_500),
    "js": (4_000, 1_500),
    "svg": (4_000, 2_000),
    "woff2": (50_000, 50_000),
    "other": (32_000, 32_000),  # anything linked later (an icon, a font) stays modest
}


def test_linked_static_files_are_fingerprinted_long_cached_and_small(tmp_path):
    env = {
        **PRODUCTION,
        "DJANGO_HTTPS": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    for step in (["collectstatic", "--noinput"], ["migrate", "--noinput"]):
        done = _run("manage.py", *step, **env)
        assert done.returncode == 0, done.stderr

    probe = _run("-c", _PROBE, DJANGO_SETTINGS_MODULE="newsroom.settings", **env)

    assert probe.returncode == 0, probe.stderr
    assets = json.loads(probe.stdout.splitlines()[-1])
    kinds = {url.rsplit(".", 1)[-1] for url in assets}
    assert {"css", "js", "svg", "woff2"} <= kinds, assets
    for url, asset in assets.items():
        kind = url.rsplit(".", 1)[-1]
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} has no content hash"
        assert asset["status"] == 200, url
        assert asset["cache"] == "max-age=315360000, public, immutable", (url, asset)
        assert asset["encoding"] == (None if kind == "woff2" else "gzip"), (url, asset)
        raw, gzipped = BUDGET.get(kind, BUDGET["other"])
        assert asset["bytes"] <= raw and asset["gzip"] <= gzipped, (url, asset)
