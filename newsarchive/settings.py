"""Settings for newsarchive: one module, every machine-specific value from the environment.

Variables (all optional in development; see README "Configuration"):
DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DJANGO_CSRF_TRUSTED_ORIGINS,
DATABASE_URL, DATABASE_REPLICA_URLS, NEWSARCHIVE_REPLICA_RETRY_SECONDS, NEWSARCHIVE_REPLICA_STICKY_SECONDS,
NEWSARCHIVE_TEST_DB, NEWSARCHIVE_UPLOAD_MAX_BYTES, NEWSARCHIVE_SEARCH_MAX_QUERY,
DJANGO_HTTPS, DJANGO_SECURE_HSTS_SECONDS, DJANGO_LOG_LEVEL, NEWSARCHIVE_PGDATA,
NEWSARCHIVE_ACCESS_LOG, NEWSARCHIVE_HEALTH_TIMEOUT_MS, NEWSARCHIVE_BACKGROUND.
"""
from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# GENERAL
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = env_bool("DJANGO_DEBUG", False)

# https://docs.djangoproject.com/en/5.2/ref/settings/#secret-key
# With DEBUG off there is no default: left empty, Django refuses anything that signs
# (sessions, CSRF, logins) with ImproperlyConfigured, while commands that need no secret
# (parse_issue, migrate, ingest_issues) still run.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # Development only: a key that is obviously not secret.
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# APPS
# ------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
]
LOCAL_APPS = ["articles"]
INSTALLED_APPS = DJANGO_APPS + LOCAL_APPS

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    # First, so every request (static files included) gets its one access-log line.
    "newsarchive.access_log.AccessLogMiddleware",
    # Public GET/HEAD requests may read from replicas (DATABASE_REPLICA_URLS); a no-op without them.
    "newsarchive.replica_middleware.ReadReplicaMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsarchive.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsarchive.request_checks.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsarchive.urls"
WSGI_APPLICATION = "newsarchive.wsgi.application"

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
            ],
        },
    },
]

# DATABASE
# ------------------------------------------------------------------------------
# DATABASE_URL points at a PostgreSQL 15+ server; unset, the embedded server under var/ is used.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...).")
else:
    DATABASES = {
        "default": {
            "ENGINE": "newsarchive.localdb",
            "NAME": "newsarchive",
            "USER": "postgres",
        }
    }
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Each person running tests side by side can pick their own test database name.
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("NEWSARCHIVE_TEST_DB", "test_newsarchive")}

# Streaming read replicas of that primary, comma-separated postgres:// URLs (README "Deploy").
# Public pages, search and the API read from them; writes, the admin and any request that has
# written use the primary (newsarchive/read_replicas.py). Unset: everything on the primary.
DATABASE_REPLICAS: list[str] = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS", []), start=1):
    _alias = f"replica{_number}"
    DATABASES[_alias] = dj_database_url.parse(_url, conn_max_age=60)
    if not DATABASES[_alias]["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS must point at PostgreSQL (postgres://...).")
    # Tests never build a database on a replica: it reads the primary's test database.
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(_alias)
DATABASE_ROUTERS = ["newsarchive.read_replicas.ReplicaRouter"]
# A replica that did not answer is tried again after this many seconds (the primary serves meanwhile).
NEWSARCHIVE_REPLICA_RETRY_SECONDS = float(os.environ.get("NEWSARCHIVE_REPLICA_RETRY_SECONDS", 10))
# After a request that wrote, that browser reads from the primary for this long (replicas lag a little).
NEWSARCHIVE_REPLICA_STICKY_SECONDS = int(os.environ.get("NEWSARCHIVE_REPLICA_STICKY_SECONDS", 5))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# STATIC FILES
# ------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# AUTH
# ------------------------------------------------------------------------------
LOGIN_URL = "admin:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# UPLOADS AND SEARCH LIMITS
# ------------------------------------------------------------------------------
NEWSARCHIVE_UPLOAD_MAX_BYTES = int(os.environ.get("NEWSARCHIVE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSARCHIVE_UPLOAD_MAX_BYTES + 1024 * 1024
# Uploaded files stay in memory or in the OS temp dir; they are never written where they are served.
FILE_UPLOAD_MAX_MEMORY_SIZE = NEWSARCHIVE_UPLOAD_MAX_BYTES
NEWSARCHIVE_SEARCH_MAX_QUERY = int(os.environ.get("NEWSARCHIVE_SEARCH_MAX_QUERY", 200))
# The search index beside PostgreSQL (articles/search/index.py): derived, rebuilt by
# `manage.py search_index --rebuild`; each web process reads it, one at a time writes it.
NEWSARCHIVE_SEARCH_INDEX = os.environ.get("NEWSARCHIVE_SEARCH_INDEX", str(BASE_DIR / "var" / "search-index"))
# Admin login throttle (articles/editing/throttle.py): failures allowed per username and address, and the window.
NEWSARCHIVE_LOGIN_MAX_FAILURES = int(os.environ.get("NEWSARCHIVE_LOGIN_MAX_FAILURES", 5))
NEWSARCHIVE_LOGIN_WINDOW_SECONDS = int(os.environ.get("NEWSARCHIVE_LOGIN_WINDOW_SECONDS", 15 * 60))
# Uploads checked and published by the background worker (manage.py run_worker) instead of
# inside the request; make run and make serve turn it on and start the worker.
NEWSARCHIVE_BACKGROUND = env_bool("NEWSARCHIVE_BACKGROUND", False)
# /healthz (newsarchive/health.py): how long the database may take to answer before it counts as down.
NEWSARCHIVE_HEALTH_TIMEOUT_MS = int(os.environ.get("NEWSARCHIVE_HEALTH_TIMEOUT_MS", 2000))

# SECURITY
# ------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "newsarchive.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Production (DEBUG off) is served over HTTPS behind a proxy; DJANGO_HTTPS=0 turns that off.
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# Health probes come over plain HTTP from the proxy or the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 30))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"access": {"format": "%(asctime)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "access": {"class": "logging.StreamHandler", "formatter": "access"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # jieba announces its dictionary loading on every start; keep it quiet.
        "jieba": {"level": "WARNING"},
        # One line per request (newsarchive/access_log.py); NEWSARCHIVE_ACCESS_LOG=0 silences it.
        "newsarchive.access": {
            "level": "INFO" if env_bool("NEWSARCHIVE_ACCESS_LOG", True) else "WARNING",
            "handlers": ["access"],
            "propagate": False,
        },
    },
}
