"""Production settings, security headers, JSON logs and the health check."""

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_article
from tests.security.servers import gunicorn

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_HTTPS": "1",
    "DJANGO_SECRET_KEY": "k8J2-production-like-secret-7Qw9xZ0pLm4Rt6Yu1Io3Pa5Sd8Fg2Hj4Kl6Zx",
    "DJANGO_ALLOWED_HOSTS": "news.example.edu",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://news.example.edu",
    "SITE_URL": "https://news.example.edu",
}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    """A fresh process with exactly these Django variables (none inherited)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    # Our own interpreter with fixed arguments from this module.
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_deploy_check_is_clean_with_the_documented_production_variables():
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_complains_without_tls():
    result = _run(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING",
        **{**PRODUCTION, "DJANGO_HTTPS": "0"},
    )  # fmt: skip

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr


def test_an_unknown_log_format_is_refused_with_a_sentence():
    result = _run("manage.py", "check", DJANGO_DEBUG="1", DJANGO_LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "DJANGO_LOG_FORMAT must be json or text" in result.stderr


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client: Client):
    article = make_article()

    for url in ["/en/news/", article.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style(client: Client):
    """What the policy forbids is absent from the markup (the browser test checks the
    console as well)."""
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>" not in html
    assert "<script src=" in html
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html


_HEALTH_PROBE = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "cache": response.get("Cache-Control", "")}))
"""


def _probe(database_url: str) -> tuple[dict, list[dict]]:
    """GET /healthz in a production-like process; its status and its JSON log lines."""
    result = _run(
        "-c",
        _HEALTH_PROBE,
        **{
            **PRODUCTION,
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        },
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return lines[-1], lines[:-1]


_TLS_PROBE = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="news.example.edu")
print(json.dumps({path: client.get(path).status_code for path in ["/healthz", "/en/news/"]}))
"""


def test_behind_tls_pages_redirect_to_https_but_the_health_check_does_not(tmp_path):
    """Load balancers probe /healthz over plain HTTP inside the network."""
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert _run("manage.py", "migrate", "-v0", **PRODUCTION, DATABASE_URL=db).returncode == 0

    result = _run("-c", _TLS_PROBE, **PRODUCTION, DATABASE_URL=db,
                  DJANGO_SETTINGS_MODULE="newsroom.settings")  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"/healthz": 200, "/en/news/": 301}


def test_healthz_answers_200_when_the_database_answers(tmp_path):
    outcome, logs = _probe(f"sqlite:///{tmp_path / 'db.sqlite3'}")

    assert outcome["status"] == 200
    assert "no-cache" in outcome["cache"]
    assert logs == []


def test_healthz_answers_503_and_logs_json_when_the_database_is_down():
    # Port 9 (discard) has no PostgreSQL: the connection is refused at once.
    outcome, logs = _probe("postgres://newsroom@127.0.0.1:9/newsroom")

    assert outcome["status"] == 503
    assert "no-cache" in outcome["cache"]
    failure = next(line for line in logs if line["logger"] == "newsroom.health")
    assert failure["level"] == "ERROR"
    assert failure["message"].startswith("Health check failed: the database does not answer")
    assert "time" in failure


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    # Only ever the local test server's http:// address.
    request = urllib.request.Request(url, headers={"Host": "news.example.edu", **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_the_site_and_compressed_far_future_static_files(tmp_path):
    """The image's steps, run here: collectstatic, migrate, gunicorn with its config."""
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
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    with gunicorn({**clean, **env}, tmp_path / "gunicorn.log") as base:
        status, _headers, _body = _get(f"{base}/healthz")
        assert status == 200

        status, headers, body = _get(f"{base}/en/news/")
        assert status == 200
        stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
        assert stylesheet, "pages link the hashed stylesheet from collectstatic"

        status, headers, _body = _get(base + stylesheet[1].decode(), **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers["Content-Encoding"] == "gzip"
        assert "immutable" in headers["Cache-Control"]
        assert "max-age=315360000" in headers["Cache-Control"]
    output = (tmp_path / "gunicorn.log").read_text()
    access = [json.loads(line) for line in output.splitlines() if '"gunicorn.access"' in line]
    assert any("GET /en/news/" in line["message"] for line in access), output


# The settings alone (an S3 deployment installs requirements-s3.txt; these tests do not).
_STORAGE_PROBE = """
import json
from django.conf import settings
print(json.dumps({"storage": settings.STORAGES["default"], "serve_media": settings.SERVE_MEDIA,
                  "originals": settings.STORAGES["originals"],
                  "img": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]}))
"""


def test_a_bucket_name_switches_media_to_s3_compatible_storage():
    result = _run(
        "-c",
        _STORAGE_PROBE,
        **PRODUCTION,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        AWS_STORAGE_BUCKET_NAME="newsroom-media",
        AWS_S3_ENDPOINT_URL="https://s3.eu-north.example.com",
    )

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.splitlines()[-1])
    assert probe["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert probe["storage"]["OPTIONS"]["bucket_name"] == "newsroom-media"
    assert probe["serve_media"] is False
    # The originals stay private: a prefix of their own, private objects, no public domain.
    originals = probe["originals"]["OPTIONS"]
    assert probe["originals"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert originals["bucket_name"] == "newsroom-media" and originals["location"] == "originals"
    assert originals["default_acl"] == "private" and originals["custom_domain"] is None
    # Photos from the bucket are allowed by the Content-Security-Policy.
    assert "https://s3.eu-north.example.com" in probe["img"]
