"""Komunitas settings: one file, every knob an environment variable with a safe default.

The README's "Configuration" table lists every variable read here.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README, Configuration).")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "komunitas",
    "forums",
    "projects",
    "parents",
    "lessonstudy",
    "evaluation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "komunitas.middleware.IgnoreBrowserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "komunitas.audit.AuditMiddleware",  # who made each change, from where; refused pages
    "komunitas.middleware.IdleTimeoutMiddleware",
    "komunitas.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "komunitas.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into its page
]

ROOT_URLCONF = "komunitas.urls"
WSGI_APPLICATION = "komunitas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "komunitas.context_processors.limits",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A whole staff room taking attendance at once: WAL lets readers go on while one writes; IMMEDIATE makes a
    # writer take the lock when its transaction begins, so others wait (up to the timeout) instead of failing
    # half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),  # what DATABASE_URL says wins
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """CACHE_URL: empty for local memory (each process its own, enough for one server), redis://host:port/db
    for a cache every worker shares (needs the ``redis`` package), db://table for the database
    (``manage.py createcachetable``). Cached pages are keyed by the data they show (komunitas/freshness.py), so
    no choice here can serve a stale figure; a shared cache only computes each one once."""
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("db://"):
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": url.removeprefix("db://")}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}


# Background work (django-tasks): the final report is rendered in the request unless TASKS_BACKEND=database, where
# a worker (`python manage.py db_worker`) renders it and the page shows its progress (komunitas/report_tasks.py).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
        }.get(os.environ.get("TASKS_BACKEND", ""), "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

CACHES = {"default": {**cache_from_url(os.environ.get("CACHE_URL", "")), "KEY_PREFIX": "komunitas"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out sign-in before any password is checked
    "komunitas.auth_backends.SignInBackend",  # says "switched off" rather than "wrong password"
]
# Sign-in throttling (django-axes, komunitas.throttling): after AXES_FAILURE_LIMIT failures an account is locked,
# and an address after AXES_ADDRESS_FAILURE_LIMIT (a whole staff room shares one behind the school's router), for
# AXES_COOLOFF_TIME; a right password clears the account's count; facilitators unlock on the staff accounts page,
# superusers in the admin.
AXES_HANDLER = "komunitas.throttling.SchoolNetworkHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "50"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client's address for lockouts, the reset limit and the audit log: komunitas.middleware.client_ip (behind a
# proxy, the address the proxy saw, not what the client claims in X-Forwarded-For).
BEHIND_PROXY = envbool("BEHIND_PROXY")
AXES_CLIENT_IP_CALLABLE = "komunitas.middleware.client_ip"
AXES_VERBOSE = False
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the page says "wait 15 minutes": it holds
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are SecurityEvents (komunitas/audit.py): one record, erased with its person
# The audit log (django-auditlog, komunitas/audit.py): every model of every app, except these — each a log or a
# cache of its own, or Django's catalogue (a test fails when a model is neither tracked nor listed here).
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions.Session",  # a signed-in visit, written on every request; sign-ins are SecurityEvents
    "contenttypes.ContentType",  # Django's catalogue of models
    "auth.Permission",  # Django's catalogue of permissions
    "axes.AccessAttempt",  # sign-in failure counters; failures are SecurityEvents
    "axes.AccessLog",  # axes' own log of sign-ins
    "axes.AccessFailureLog",  # axes' own log of failures
    "komunitas.SecurityEvent",  # the security half of this log
    "komunitas.PasswordResetRequest",  # a day's rate-limit counter
    "komunitas.SchoolDataVersion",  # a cache key bumped by every logged write (komunitas/freshness.py)
    "django_tasks_database.DBTaskResult",  # the queue of background work (a report being rendered)
)
AUDITLOG_EXCLUDE_TRACKING_FIELDS = ("password", "last_login")  # a hash is no one's business; sign-ins logged apart
AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_DISABLE_ON_RAW_SAVE = True  # loaddata and restore bring back rows, they do not create them
# "Forgot your password?" requests an hour, per network and per e-mail address (komunitas.views.accounts).
PASSWORD_RESET_PER_NETWORK = int(os.environ.get("PASSWORD_RESET_PER_NETWORK", "10"))
# Public questionnaire answers one network may send in ten minutes (a class answers from one school network).
QUESTIONNAIRE_PER_NETWORK = int(os.environ.get("QUESTIONNAIRE_PER_NETWORK", "120"))
PASSWORD_RESET_PER_EMAIL = 3
# Passwords as ASVS asks: long (12+), not a common one, no composition rules, any length above.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Signed out after SESSION_IDLE_MINUTES without a request, and after SESSION_MAX_HOURS in any case
# (komunitas.middleware.IdleTimeoutMiddleware).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "60"))
SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
# Django's database sessions, read with SQL built once per process (every signed-in request reads one).
SESSION_ENGINE = "komunitas.session_store"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "/accounts/login/?signed_out=1"

# Indonesian first; English complete. Message ids are English, locale/id holds the Indonesian.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Uploaded files are private: there is no MEDIA_URL route; komunitas.views_files serves them after a
# permission check.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "komunitas.static_storage.StaticFilesStorage"  # whitenoise's, each URL found once
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Upload limits: Django refuses bodies above this before any view runs; forms give friendlier
# per-field messages below it (komunitas.uploads).
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_MB", "10")) * 1024 * 1024
# Every file of one form together (the forum form takes several); bodies above it are refused unread (413).
REQUEST_MAX_BYTES = int(os.environ.get("REQUEST_MAX_MB", "50")) * 1024 * 1024
ANONYMOUS_REQUEST_MAX_BYTES = 1024 * 1024  # sign-in and password reset need a few hundred bytes
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "komunitas@localhost")

# Production hardening; HTTPS-only cookies unless explicitly served over plain HTTP on a school LAN.
SECURE_SSL = envbool("SECURE_SSL", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_SSL
CSRF_COOKIE_SECURE = SECURE_SSL
SECURE_SSL_REDIRECT = SECURE_SSL and envbool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if SECURE_SSL else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer's probe over plain HTTP gets its answer, not a redirect
# Content-Security-Policy (django-csp): our own files only — no inline script or style, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): the app uses no device feature; the camera only through
# the phone's own file picker.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = ["security.W021"] if not SECURE_HSTS_PRELOAD else []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
