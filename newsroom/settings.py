"""Newsroom settings, read from the environment (twelve-factor).

Every variable has a safe local default, so `manage.py runserver` works on a fresh
clone with `DJANGO_DEBUG=1`. With debug off, a missing secret key is an error rather
than a generated one, so a production deployment can never run with a guessable key.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "For local development, run with DJANGO_DEBUG=1."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# The path the site is mounted under when not at the root of its host ("/news"), set by
# the operator and never read from a request: a client's SCRIPT_NAME would otherwise
# decide the links in pages that other visitors are served from the cache.
FORCE_SCRIPT_NAME = env_str("DJANGO_SCRIPT_NAME", "")

# The public address of the site, used for absolute URLs where no request is at hand.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env_str("SITE_NAME", "Newsroom")
ORGANIZATION_NAME = env_str("ORGANIZATION_NAME", "University of Helsinki-Uusimaa")

INSTALLED_APPS = [
    # The admin, with the newsroom's site: the news desk, the calendar (publishing.admin).
    "publishing.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "taggit",
    "django_prose_editor",
    "reversion",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Newsroom, lowest layer first: each imports only the ones above it in this list.
    "pagecache",
    "photos",
    "siteidentity",
    "feedback",
    "articles",
    "publishing",
    "discovery",
    "portability",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cached public pages are answered here, before the rest of the stack runs.
    "pagecache.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Each transaction takes the write lock at its start, so concurrent writers (the
    # demo's threads and worker, the browser tests' live server) wait their turn rather
    # than fail with "database is locked" when a reader turns writer.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"

_cache_url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if _cache_url:
    if not _cache_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// URL, not {_cache_url!r}.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
        }
    }
else:
    # Per process: the page cache stays correct across workers because its keys carry
    # the content version (pagecache.caching). A few thousand pages of ~40 kB each.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_LOCMEM_CACHE_ENTRIES", 2000)},
        }
    }

# The public page cache (pagecache.caching): how long a proxy or CDN may keep a page
# (s-maxage, stale-while-revalidate), how long an entry lives in the cache at most (a
# change makes new keys anyway), and whether pages are cached at all (off: benchmarks).
PUBLIC_CACHE_SECONDS = env_int("DJANGO_PUBLIC_CACHE_SECONDS", 60)
PAGE_CACHE_TIMEOUT = env_int("DJANGO_PAGE_CACHE_TIMEOUT", 60 * 60)
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# Proxies (Varnish, a BAN each) and a Cloudflare zone told of every change (pagecache.purge).
EDGE_PURGE_URLS = env_list("EDGE_PURGE_URLS", [])
CLOUDFLARE_ZONE_ID = env_str("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = env_str("CLOUDFLARE_API_TOKEN", "")
CLOUDFLARE_PURGE_EVERYTHING = env_bool("CLOUDFLARE_PURGE_EVERYTHING", False)
# What tells the page cache when pages change by themselves (a scheduled article falls
# due): the content's answer, so that the cache itself knows no model.
PAGE_CACHE_NEXT_CHANGE = "articles.schedule.next_change"
# bench/load.py only: route /bench/bare/, a bare view to compare the pages with.
BENCHMARK_VIEW = env_bool("NEWSROOM_BENCH", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-axes counts failed logins and refuses further attempts for a while: its backend
# comes first so a locked-out username and address is refused before the password is
# even checked. force_login() (tests) does not authenticate, so it is unaffected.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair out for 15
# minutes (per pair, so an attacker cannot lock an editor out from elsewhere by guessing
# her name); a successful login clears the count.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# The address is REMOTE_ADDR (see SECURITY.md for deployments behind a reverse proxy).

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fi", _("Finnish")), ("sv", _("Swedish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A visitor's choice in the language switcher (articles.views.choose_language), which
# `/` prefers to the browser's Accept-Language. Read on the server only.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Helsinki"
FORMAT_MODULE_PATH = ["newsroom.formats"]  # English dates as "4 December 2026, 14:00"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# On by default so the demo and a single container need nothing else; turn it off
# when a web server or object storage serves MEDIA_URL.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)

# Photos (photos/validators.py, photos/renditions.py). Uploads over either limit are
# refused before they are decoded; renditions are made at these widths, never upscaled.
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 20 * 1024 * 1024)
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 50_000_000)
PHOTO_AVIF = env_bool("PHOTO_AVIF", True)  # AVIF renditions too, when Pillow can write them
PHOTO_RENDITION_WIDTHS = [320, 640, 960, 1280, 1920]
PHOTO_CARD_WIDTHS = [320, 640, 960]
PHOTO_FALLBACK_WIDTH = 960  # the <img src> for browsers that ignore srcset
PHOTO_RENDITIONS_DIR = "renditions"

# Renditions are made by a worker (`manage.py db_worker`, photos/tasks.py) from a queue
# in the database (django-tasks), so one machine needs no other service; with
# TASKS_BACKEND=immediate they are made in the request (most tests). A rendition that
# fails for a passing reason (a full disk) is tried again after these many seconds.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = env_str("TASKS_BACKEND", "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database or immediate, not {_task_backend!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend], "QUEUES": ["default"]}}
PHOTO_RENDITION_RETRY_DELAYS = [int(n) for n in env_list("PHOTO_RETRY_SECONDS", ["2", "10"])]

# Photo originals (which may carry GPS and camera details) are kept apart from the
# media that readers are served: outside MEDIA_ROOT, under names no one can guess, and
# opened by staff only through the admin (photos/storage.py).
PHOTO_ORIGINALS_ROOT = Path(env_str("PHOTO_ORIGINALS_ROOT", str(BASE_DIR / "originals")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {"BACKEND": "photos.storage.OriginalsStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# WhiteNoise serves the hashed names collectstatic writes (and their gzipped
# versions) with a far-future, immutable Cache-Control; unhashed names for a minute.

# Media on S3-compatible object storage (several web containers share one library):
# setting a bucket switches uploads to django-storages, installed with
# `pip install -r requirements-s3.txt`. The django-storages S3 settings (AWS_*) are
# read from the environment by the backend itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
    # The originals in a private place of their own: another bucket, or this one's
    # `originals/` prefix, written private and read only by the app (never by URL).
    STORAGES["originals"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": STORAGES["default"]["OPTIONS"]
        | {
            "bucket_name": os.environ.get("AWS_ORIGINALS_BUCKET_NAME") or AWS_STORAGE_BUCKET_NAME,
            "location": "originals",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
    SERVE_MEDIA = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TAGGIT_CASE_INSENSITIVE = True

# How long a shared preview link of an unpublished article works (publishing/views.py).
PREVIEW_LINK_MAX_AGE = env_int("PREVIEW_LINK_MAX_AGE", 7 * 24 * 60 * 60)

# How often, in seconds, an open article form keeps the editor's typing privately and
# says who else has the story open (publishing/autosave.py).
AUTOSAVE_SECONDS = env_int("AUTOSAVE_SECONDS", 30)

# Security headers that hold on plain HTTP too.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Behind TLS: redirect to HTTPS, secure cookies and HSTS.
HTTPS = env_bool("DJANGO_HTTPS", False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # Load balancers probe the health check over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading binds every subdomain of the university's domain to HTTPS for good;
        # that is the domain owner's decision (DJANGO_HSTS_PRELOAD=1), not a default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]


def _origin(url: str) -> str | None:
    """`https://cdn.example.edu` from an absolute URL; None for a path such as /media/."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (django-csp): everything from this site only. Public pages
# have no inline scripts or styles (static/js/share.js is external) and the Django
# admin ships its scripts as files, so neither needs 'unsafe-inline'. Photos may come
# from object storage; DJANGO_CSP_IMG_SRC adds further image origins.
_image_sources = [
    SELF,
    # The upload cards preview each chosen file before it is sent (URL.createObjectURL):
    # addresses only this page's own script can make, of files the editor chose.
    "blob:",
    *filter(None, [_origin(MEDIA_URL)]),
    *env_list("DJANGO_CSP_IMG_SRC", []),
]
if AWS_STORAGE_BUCKET_NAME:
    _image_sources.append(
        f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
        if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
        else _origin(os.environ.get("AWS_S3_ENDPOINT_URL", "")) or "https://*.amazonaws.com"
    )
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE is sent only on responses that used one: the admin's rich-text editor
        # needs its inline import map (ArticleAdmin.render_change_form); public pages
        # have no inline scripts and get plain 'self'.
        "script-src": [SELF, NONCE],
        # The hash admits exactly one inline <style>: the base CSS that the admin's
        # rich-text editor (Tiptap, in django-prose-editor) injects. A new editor version
        # that changes it fails tests/browser/test_content_security_policy.py.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": _image_sources,
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Logs go to standard output, one JSON object a line when debug is off (for the
# container platform's log collector), readable text when it is on.
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes announces itself and every failed login at INFO; lockouts (WARNING)
    # are what operations need to see.
    "loggers": {"axes": {"level": "WARNING"}},
}
