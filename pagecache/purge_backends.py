"""The purge backends: a Varnish BAN over HTTP, and Cloudflare's purge API.

Each is a frozen dataclass (one per configured proxy or zone, hashable, so the purger can
keep what it owes each apart) with a `purge()` that drops every public page or raises
PurgeFailed with a sentence. Both speak HTTP with the standard library and a short
timeout: the purger (pagecache.purge) retries.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

# The tag every public page carries (Cache-Tag, pagecache.caching): what a purge drops.
PAGES_TAG = "newsroom-pages"


class PurgeFailed(Exception):
    """A proxy or CDN could not be told: unreachable, refused, or an error answer."""


def _send(request: urllib.request.Request, timeout: float) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, ValueError) as error:  # refused, timed out, a bad address
        raise PurgeFailed(str(getattr(error, "reason", error))) from error


@dataclass(frozen=True)
class VarnishBan:
    """A BAN request to one Varnish (deploy/varnish/newsroom.vcl), which drops every
    object tagged with PAGES_TAG. URL: the proxy's address, e.g. http://varnish:6091/
    (its purge listener) or http://127.0.0.1:6081/."""

    URL: str
    TIMEOUT: float = 2

    def purge(self) -> None:
        request = urllib.request.Request(self.URL, method="BAN")  # noqa: S310
        status, body = _send(request, self.TIMEOUT)
        if status != 200:
            raise PurgeFailed(f"answered {status}: {body[:200].decode(errors='replace')}")

    def __str__(self) -> str:
        return f"Varnish at {self.URL}"


@dataclass(frozen=True)
class CloudflarePurge:
    """Cloudflare's purge API for one zone: POST /zones/{zone_id}/purge_cache with
    {"tags": [PAGES_TAG]} (Cloudflare strips the Cache-Tag header before visitors see
    it), or {"purge_everything": true} with EVERYTHING. API_TOKEN: a token with the
    zone's Cache Purge permission. API_URL: Cloudflare's API (tests point it at a fake)."""

    ZONE_ID: str
    API_TOKEN: str = field(repr=False)
    API_URL: str = "https://api.cloudflare.com/client/v4"
    EVERYTHING: bool = False
    TIMEOUT: float = 5

    def purge(self) -> None:
        body = {"purge_everything": True} if self.EVERYTHING else {"tags": [PAGES_TAG]}
        request = urllib.request.Request(  # noqa: S310 (an https address from settings)
            f"{self.API_URL.rstrip('/')}/zones/{self.ZONE_ID}/purge_cache",
            data=json.dumps(body).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.API_TOKEN}",
                "Content-Type": "application/json",
            },
        )
        status, answer = _send(request, self.TIMEOUT)
        try:
            result = json.loads(answer)
        except ValueError:
            result = {}
        if status == 200 and isinstance(result, dict) and result.get("success") is True:
            return
        errors = result.get("errors") if isinstance(result, dict) else None
        messages = "; ".join(
            f"{error.get('code')}: {error.get('message')}"
            for error in errors or []
            if isinstance(error, dict)
        )
        raise PurgeFailed(f"answered {status}" + (f": {messages}" if messages else ""))

    def __str__(self) -> str:
        return f"Cloudflare zone {self.ZONE_ID}"
