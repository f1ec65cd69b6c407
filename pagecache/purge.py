"""Telling caching proxies and CDNs in front of the site that public pages changed.

Every change that bumps the content version (pagecache.caching) asks for a purge once
its transaction commits: `pages_changed()`, through `transaction.on_commit`. A thread of
each process sends it to every backend the settings name (backends(); none by
default), so an editor's save never waits for a proxy. A backend that fails is tried
again with growing pauses and each failure is logged; the site keeps answering without
it. Changes made meanwhile fold into the purge still owed, so the next purge that gets
through catches up. Retrying stops once every copy stored before the change has
expired by itself (twice PUBLIC_CACHE_SECONDS: s-maxage and stale-while-revalidate).

A purge drops every public page (they all carry `Cache-Tag: newsroom-pages`), as a
change to the content version does in the app's own cache. Scheduled changes need no
purge: the s-maxage a page is sent with never reaches past the next one.

A backend is a hashable object with a `purge()` that raises PurgeFailed. VarnishBan and
CloudflarePurge are built in (pagecache/purge_backends.py), made from their settings;
another (Fastly, say) is named with its options in EDGE_PURGE_BACKENDS, a list of dicts
like Django's CACHES: `{"BACKEND": "mysite.purge.Fastly", "SERVICE_ID": …}`.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from .purge_backends import CloudflarePurge, PurgeFailed, VarnishBan

__all__ = ["CloudflarePurge", "PurgeFailed", "VarnishBan", "configured", "pages_changed"]

logger = logging.getLogger(__name__)

# Pauses between the attempts of a failing purge, in seconds; the last one repeats.
RETRY_PAUSES = (0.25, 0.5, 1, 2, 4, 8, 15)


def backends() -> list[Any]:
    """What the settings name: a VarnishBan for each of EDGE_PURGE_URLS, a
    CloudflarePurge when CLOUDFLARE_ZONE_ID is set, and any other backend listed in
    EDGE_PURGE_BACKENDS (a settings module of your own). Made anew each time: cheap, and
    settings changed by a test take effect."""
    made: list[Any] = [VarnishBan(url) for url in settings.EDGE_PURGE_URLS]
    if settings.CLOUDFLARE_ZONE_ID:
        made.append(
            CloudflarePurge(
                settings.CLOUDFLARE_ZONE_ID,
                settings.CLOUDFLARE_API_TOKEN,
                EVERYTHING=settings.CLOUDFLARE_PURGE_EVERYTHING,
            )
        )
    for options in getattr(settings, "EDGE_PURGE_BACKENDS", []):
        options = dict(options)
        made.append(import_string(options.pop("BACKEND"))(**options))
    return made


def configured() -> bool:
    """Whether any proxy or CDN is to be told of changes."""
    return bool(
        settings.EDGE_PURGE_URLS
        or settings.CLOUDFLARE_ZONE_ID
        or getattr(settings, "EDGE_PURGE_BACKENDS", None)
    )


def pages_changed() -> None:
    """Ask every backend to drop the public pages: called after a change commits."""
    if configured():
        _purger.request(backends())


def wait_until_sent(timeout: float = 5) -> bool:
    """Wait until no purge is owed or being sent (tests; the end of a command); False
    when some are still owed after `timeout` seconds."""
    return _purger.wait_idle(timeout)


@dataclass
class _Owed:
    generation: int  # which request this purge answers; a newer one needs its own send
    give_up_at: float
    attempts: int = 0
    next_try: float = field(default_factory=time.monotonic)


class _Purger:
    """One thread per process sends the purges owed to each backend, one at a time."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._owed: dict[Any, _Owed] = {}
        self._sending = 0
        self._generation = 0
        self._pid: int | None = None

    def request(self, targets: list[Any]) -> None:
        give_up_at = time.monotonic() + 2 * settings.PUBLIC_CACHE_SECONDS
        with self._condition:
            self._start_thread()
            self._generation += 1
            for backend in targets:
                # A backend already failing is tried at once again: the new change may
                # find it back, and its deadline starts over.
                self._owed[backend] = _Owed(self._generation, give_up_at)
            self._condition.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._condition:
            while self._owed or self._sending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._condition.wait(left)
        return True

    def _start_thread(self) -> None:
        # A worker forked from a process that had a thread has the state but not the
        # thread: start afresh in each process.
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._owed.clear()
            self._sending = 0
            threading.Thread(target=self._run, name="edge-purge", daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._condition:
                backend, owed = self._next_due()
                self._sending += 1
            try:
                self._send(backend, owed)
            finally:
                with self._condition:
                    self._sending -= 1
                    self._condition.notify_all()

    def _next_due(self) -> tuple[Any, _Owed]:
        """Wait (holding the condition) until a purge is due; return its backend."""
        while True:
            now = time.monotonic()
            # Backends that answer go first; those already failing wait their turn.
            due = [(o.attempts, o.next_try, b) for b, o in self._owed.items() if o.next_try <= now]
            if due:
                backend = min(due, key=lambda item: item[:2])[2]
                owed = self._owed[backend]
                return backend, _Owed(owed.generation, owed.give_up_at, owed.attempts)
            soonest = min((o.next_try for o in self._owed.values()), default=None)
            self._condition.wait(None if soonest is None else max(0.01, soonest - now))

    def _send(self, backend: Any, owed: _Owed) -> None:
        attempt = owed.attempts + 1
        try:
            backend.purge()
        except Exception as error:  # a backend's own bug must not end the thread
            self._failed(backend, owed, attempt, error)
            return
        with self._condition:
            current = self._owed.get(backend)
            if current is not None and current.generation == owed.generation:
                del self._owed[backend]
        if attempt > 1:
            logger.warning("Purge of %s went through after %d attempts.", backend, attempt)

    def _failed(self, backend: Any, owed: _Owed, attempt: int, error: Exception) -> None:
        now = time.monotonic()
        with self._condition:
            current = self._owed.get(backend)
            if current is None or current.generation != owed.generation:
                return  # a newer change asked again meanwhile: its own tries follow
            if now >= owed.give_up_at:
                del self._owed[backend]
                logger.error(
                    "Purge of %s failed %d times (%s); given up: the pages it held before "
                    "the change have expired by now, and the next change purges again.",
                    backend,
                    attempt,
                    error,
                )
                return
            pause = RETRY_PAUSES[min(attempt, len(RETRY_PAUSES)) - 1]
            current.attempts, current.next_try = attempt, now + pause
        logger.warning(
            "Purge of %s failed (attempt %d: %s); trying again in %s s.",
            backend,
            attempt,
            error,
            pause,
        )


_purger = _Purger()


@atexit.register
def _send_before_exit() -> None:
    # A command (import_news, seed_demo) that changed content exits right after: give
    # its purge a moment to go out rather than lose it with the process.
    if _purger._owed or _purger._sending:
        wait_until_sent(timeout=5)
