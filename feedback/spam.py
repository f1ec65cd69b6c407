"""Spam protection that needs no outside service: a hidden field people leave empty,
a signed start time (a form sent within seconds of being shown was not typed), and a
limit on messages per address per hour."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

_SALT = "feedback-form-started"
MAX_AGE = 24 * 3600
# Tests may shorten or lengthen these with override_settings.
MIN_SECONDS, PER_HOUR = 3, 5


def start_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(int(time.time())))


def typed_by_a_person(token: str) -> bool:
    """The form was shown by this site at least MIN_SECONDS ago (3; the setting
    FEEDBACK_MIN_SECONDS in tests), and at most a day ago."""
    try:
        started = int(signing.TimestampSigner(salt=_SALT).unsign(token, max_age=MAX_AGE))
    except (signing.BadSignature, ValueError):
        return False
    return time.time() - started >= getattr(settings, "FEEDBACK_MIN_SECONDS", MIN_SECONDS)


def over_the_limit(request: HttpRequest) -> bool:
    """Counts this message against the sender's address: True past PER_HOUR (5).
    The key holds a hash, not the address itself."""
    address = request.META.get("REMOTE_ADDR", "")
    key = "newsroom:feedback:" + hashlib.sha256(address.encode()).hexdigest()[:24]
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 3600)
        count = 1
    return count > getattr(settings, "FEEDBACK_PER_HOUR", PER_HOUR)
