"""Settings come from the environment and refuse nonsense with a sentence."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def _check(**env: str) -> subprocess.CompletedProcess:
    """`manage.py check` in a fresh process with exactly these Django variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_debug_off_without_a_secret_key_is_refused():
    result = _check(DJANGO_DEBUG="0")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in result.stderr


def test_debug_off_with_a_secret_key_starts():
    result = _check(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="a-long-random-production-key")

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_DEBUG", "maybe", "DJANGO_DEBUG must be a boolean"),
        ("DATABASE_CONN_MAX_AGE", "soon", "DATABASE_CONN_MAX_AGE must be a whole number"),
        ("CACHE_URL", "memcached://x", "CACHE_URL must be a redis:// URL"),
    ],
)
def test_nonsense_values_are_refused_with_a_sentence(variable, value, message):
    result = _check(**{"DJANGO_DEBUG": "1", variable: value})

    assert result.returncode != 0
    assert message in result.stderr
