"""Stepdown's one settings module, read from the environment (documented in ``.env.example``).

Local use needs no configuration: data lives in the platform's user data directory, with a secret
key generated there on first start. ``STEPDOWN_ENV=production`` turns on strict settings that pass
``manage.py check --deploy`` once ``SECRET_KEY`` and ``ALLOWED_HOSTS`` are given.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Literal

import django_stubs_ext
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from stepdown.config.caches import LOCAL_CACHE, instance_key_prefix, shared_cache
from stepdown.config.env import (
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_optional,
    env_path,
    env_str,
    sqlite_database,
)

# Lets runtime code subscript Django generics (ModelForm[Product]) the way the type checker does.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent.parent

# pytest (8.2+) announces itself in PYTEST_VERSION; tests then default to the test environment.
STEPDOWN_ENV = env_choice(
    "STEPDOWN_ENV",
    "test" if "PYTEST_VERSION" in os.environ else "local",
    {"local", "production", "test"},
)
PRODUCTION = STEPDOWN_ENV == "production"
TESTING = STEPDOWN_ENV == "test"

DATA_DIR = env_path(
    "STEPDOWN_DATA_DIR",
    Path(tempfile.mkdtemp(prefix="stepdown-test-"))
    if TESTING
    else Path(platformdirs.user_data_dir("stepdown", "stepdown")),
)


def _local_secret_key(data_dir: Path) -> str:
    """A random key kept in the data directory, so sessions survive restarts on one machine."""
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


_secret = env_optional("SECRET_KEY")
if _secret is None and PRODUCTION:
    raise ImproperlyConfigured("SECRET_KEY must be set when STEPDOWN_ENV=production")
SECRET_KEY = _secret or _local_secret_key(DATA_DIR)

DEBUG = env_bool("STEPDOWN_DEBUG", False)
if DEBUG and PRODUCTION:
    raise ImproperlyConfigured("STEPDOWN_DEBUG must be off when STEPDOWN_ENV=production")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when STEPDOWN_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

OPEN_SIGNUP = env_bool("STEPDOWN_OPEN_SIGNUP", True)
SESSION_IDLE_MINUTES = env_int("STEPDOWN_SESSION_IDLE_MINUTES", 30, minimum=1)
# Accounts that must use a second factor (clinicians) are signed out sooner (HIPAA automatic
# logoff: 15 minutes for clinicians, 30 for the person).
CLINICIAN_SESSION_IDLE_MINUTES = env_int("STEPDOWN_CLINICIAN_SESSION_IDLE_MINUTES", 15, minimum=1)
# API tokens stop working this many days after they are made.
TOKEN_DAYS = env_int("STEPDOWN_TOKEN_DAYS", 90, minimum=1)
# How many reverse proxies in front of Stepdown append to X-Forwarded-For; 0 reads only the
# connecting address. The client is the address the outermost trusted proxy saw.
TRUSTED_PROXIES = env_int("STEPDOWN_TRUSTED_PROXIES", 0)
# Per client address per hour: failed sign-ins over all accounts, sign-ups, reset requests.
RATE_LIMITS = {
    "sign-in": env_int("STEPDOWN_SIGNIN_FAILURES_PER_ADDRESS", 30, minimum=1),
    "sign-up": env_int("STEPDOWN_SIGNUPS_PER_ADDRESS", 10, minimum=1),
    "reset": env_int("STEPDOWN_RESETS_PER_ADDRESS", 10, minimum=1),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "ninja",  # serves the API docs page's assets locally instead of from a CDN
    "axes",
    "csp",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "stepdown.accounts",
    "stepdown.audit",
    "stepdown.journal",
    "stepdown.profile",
    "stepdown.plans",
    "stepdown.checkins",
    "stepdown.goals",
    "stepdown.learn",
    "stepdown.skin",
    "stepdown.alerts",
    "stepdown.substances",
    "stepdown.reminders",
    "stepdown.today",
    "stepdown.clinic",
    "stepdown.records",
    "stepdown.web",
]

MIDDLEWARE = [
    "stepdown.web.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the browser's Accept-Language or the language cookie.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Middleware only a browser needs (stepdown.web.browser_only, and ours marked browser_only:
    # idle timeout, MFA gate, account language) lets a bearer-token API call, and the public
    # files (service worker, manifest), pass untouched.
    "stepdown.web.browser_only.AuthenticationMiddleware",
    "stepdown.web.browser_only.OTPMiddleware",
    "stepdown.accounts.middleware.IdleTimeoutMiddleware",
    "stepdown.accounts.gate.MfaGateMiddleware",
    "stepdown.accounts.middleware.UserTimeZoneMiddleware",
    "stepdown.accounts.middleware.UserLanguageMiddleware",
    "stepdown.accounts.middleware.PrivateResponseMiddleware",
    "stepdown.web.browser_only.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "stepdown.web.middleware.CSPMiddleware",  # django-csp's, its policy text built once
    "stepdown.web.browser_only.HtmxMiddleware",
    "stepdown.web.browser_only.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stepdown.config.urls"
# Django's check of template library names warns about the ones replaced on purpose (i18n and
# static, see TEMPLATES); stepdown/web/checks.py runs the same check knowing those.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]
WSGI_APPLICATION = "stepdown.config.wsgi.application"

# Django's widget templates drawn in Python, with the same markup (see stepdown/web/widgets.py).
FORM_RENDERER = "stepdown.web.widgets.WidgetRenderer"

TEMPLATES = [
    {
        # Django's engine, printing numbers as they are unless a filter formats them for the
        # language (stepdown/web/template_backend.py). Named "django" as the stock one is, so
        # django-template-partials sets its loader up for it.
        "NAME": "django",
        "BACKEND": "stepdown.web.template_backend.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "stepdown.web.context_processors.site",
            ],
            # Django's {% url %}, {% translate %} and {% static %}, remembering what does not
            # change between two renders (web/remembered_*.py).
            "builtins": ["stepdown.web.remembered_builtins"],
            "libraries": {
                "i18n": "stepdown.web.remembered_i18n",
                "static": "stepdown.web.remembered_static",
            },
        },
    },
]

_database_url = env_optional("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url)
    if _database_url
    else sqlite_database(DATA_DIR / "stepdown.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache per process in memory, unless STEPDOWN_CACHE_URL names one that every app server
# shares (Redis, or a table in the database): docs/deploy.md. Sessions stay in the database.
_cache_url = env_optional("STEPDOWN_CACHE_URL")
CACHES = {
    "default": shared_cache(_cache_url, key_prefix=instance_key_prefix(SECRET_KEY, PACKAGE_DIR))
    if _cache_url
    else LOCAL_CACHE
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "stepdown.accounts.backends.AddressLimitBackend",
    "axes.backends.AxesStandaloneBackend",
    "stepdown.accounts.backends.PersonBackend",  # ModelBackend, the per-request read in SQL
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Authenticator apps show this name next to the account (the otpauth:// URI's issuer).
OTP_TOTP_ISSUER = "Stepdown"

# Lockout after repeated failures, keyed on the address and the email tried, so the answer is the
# same whether or not the account exists.
AXES_FAILURE_LIMIT = env_int("STEPDOWN_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
# The address comes from the trusted proxy count, never from a header anyone can send.
AXES_CLIENT_IP_CALLABLE = "stepdown.accounts.client.client_address"
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "stepdown.accounts.lockout.lockout_response"
AXES_VERBOSE = False

# Sessions: kept in the database, which every worker process reads, so signing out or a revoked
# session ends at once everywhere (a per-process cache kept them alive for a while). The idle
# timeout is enforced by IdleTimeoutMiddleware; the cookie's own age is the absolute limit.
SESSION_ENGINE = "stepdown.accounts.sessions"  # Django's db sessions, each read in plain SQL
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "stepdown.web.views.csrf_failure"

HTTPS = env_bool("STEPDOWN_HTTPS", PRODUCTION)
# Production without HTTPS only when something in front of Stepdown terminates TLS and the
# operator says so; AccountsConfig.ready logs a warning then.
TLS_TERMINATED_ELSEWHERE = env_bool("STEPDOWN_TLS_TERMINATED_ELSEWHERE", False)
if PRODUCTION and not HTTPS and not TLS_TERMINATED_ELSEWHERE:
    raise ImproperlyConfigured(
        "STEPDOWN_HTTPS=false in production needs STEPDOWN_TLS_TERMINATED_ELSEWHERE=true "
        "(only when a proxy in front of Stepdown serves HTTPS)"
    )
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("STEPDOWN_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("STEPDOWN_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Features no page uses, turned off for every page (PrivateResponseMiddleware sends it).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Background tasks (reminder emails) are queued in the database and run by `stepdown worker`.
# Tests run each task at once when it is enqueued (the immediate backend); the worker's own tests
# switch to the database backend to exercise the queue.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
    }
}

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = env_str("STEPDOWN_EMAIL_BACKEND", "" if PRODUCTION else CONSOLE_EMAIL)
if PRODUCTION and EMAIL_BACKEND in ("", CONSOLE_EMAIL):
    # The console backend writes every email, reset links included, into the server's log.
    raise ImproperlyConfigured(
        "STEPDOWN_EMAIL_BACKEND must be set in production: "
        "django.core.mail.backends.smtp.EmailBackend, "
        "django.core.mail.backends.filebased.EmailBackend, "
        "or django.core.mail.backends.dummy.EmailBackend for no email"
    )
EMAIL_FILE_PATH = env_path("STEPDOWN_EMAIL_FILE_PATH", DATA_DIR / "mail")
# Reset links and sign-up confirmations go by email only through a real mail server; otherwise
# the reset page points to `stepdown password-reset` on the computer that runs Stepdown.
MAIL_CONFIGURED = EMAIL_BACKEND not in (
    CONSOLE_EMAIL,
    "django.core.mail.backends.dummy.EmailBackend",
)
# Clinic instances: sign-up answers "check your email" for new and taken addresses alike and the
# account starts once the link in that email is opened. Needs a mail server.
SIGNUP_CONFIRMATION = env_bool("STEPDOWN_SIGNUP_CONFIRMATION", False)
if SIGNUP_CONFIRMATION and not MAIL_CONFIGURED:
    raise ImproperlyConfigured(
        "STEPDOWN_SIGNUP_CONFIRMATION needs a mail server (STEPDOWN_EMAIL_BACKEND)"
    )
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Stepdown <stepdown@localhost>")

# English and French (docs/i18n.md). The language comes from the browser's Accept-Language,
# the language switch in the footer (a cookie), or the account's own choice when signed in.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "stepdown_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE: Literal["Lax"] = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Production collects static files here; locally they are served straight from the package.
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Static files come straight from the package: no collectstatic step for a local install.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
# Skin photos one person may keep, in megabytes of stored photos (previews not counted).
SKIN_QUOTA_MB = env_int("STEPDOWN_SKIN_QUOTA_MB", 500, minimum=1)
# The address people open Stepdown at (e.g. https://stepdown.example.org): links that leave the
# browser (calendar feeds, emails) use it. Empty: the address of the request.
SITE_URL = (env_optional("STEPDOWN_SITE_URL") or "").rstrip("/")
# Only the account that runs Stepdown reads its files.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"one_line": {"()": "stepdown.accounts.logs.OneLine"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "one_line": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("STEPDOWN_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Request logs carry URLs and sometimes bodies; keep them out of the log by default.
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # A request with a Host header not in ALLOWED_HOSTS: one line, not a traceback each.
        "django.security.DisallowedHost": {
            "handlers": ["one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

if TESTING:
    # Argon2 costs ~90 ms a hash by design; tests use a fast hasher.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
