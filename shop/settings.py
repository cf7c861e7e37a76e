"""Settings, all read from the environment (and ``.env`` when present).

Nothing set = the embedded default: SQLite under ``var/``, Celery inline,
local-memory cache, the embedded search index under ``var/``.
``DATABASE_URL``, ``REDIS_URL`` and ``ELASTICSEARCH_URL`` switch each part to
its production counterpart. ``SHOP_ENV=production`` turns on the production
safety net (DEBUG off, secure cookies, HSTS, JSON logs, SECRET_KEY required).
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.numbers import is_currency
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv
from oscar.defaults import *  # noqa: F403 - Oscar's documented way to take its defaults

from shop import __version__
from shop.config import (
    SettingError,
    database_config,
    env_bool,
    env_int,
    env_list,
    env_str,
    http_url,
    redis_url,
)
from shop.plugins.discovery import allowed_plugins, beat_schedules

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv(BASE_DIR / ".env", override=False)

SHOP_VERSION = __version__
SHOP_ENV = env_str("SHOP_ENV", "development").lower()
if SHOP_ENV not in {"development", "production", "test"}:
    raise SettingError(f"SHOP_ENV: expected development, production or test, got {SHOP_ENV!r}")
PRODUCTION = SHOP_ENV == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise SettingError("DEBUG: must be off when SHOP_ENV=production")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise SettingError("SECRET_KEY: required when SHOP_ENV=production (50+ random characters)")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if not PRODUCTION else "")
if PRODUCTION and not ALLOWED_HOSTS:
    raise SettingError("ALLOWED_HOSTS: required when SHOP_ENV=production (comma list of host names)")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

VAR_DIR = Path(env_str("SHOP_VAR_DIR") or BASE_DIR / "var")
VAR_DIR.mkdir(parents=True, exist_ok=True)

# --- Plugins -------------------------------------------------------------------------------
SHOP_PLUGINS = env_str("SHOP_PLUGINS", "all")
_plugins = allowed_plugins(SHOP_PLUGINS, __version__)
SHOP_ALLOWED_PLUGINS = [p.label for p in _plugins]
SHOP_PLUGIN_STATE_TTL = float(env_str("SHOP_PLUGIN_STATE_TTL", "2"))

# --- Theme ---------------------------------------------------------------------------------
SHOP_THEME = env_str("SHOP_THEME", "default")
THEME_DIR = BASE_DIR / "themes" / SHOP_THEME
if not (THEME_DIR / "templates").is_dir():
    available = ", ".join(sorted(p.name for p in (BASE_DIR / "themes").iterdir() if p.is_dir()))
    raise SettingError(f"SHOP_THEME: no theme folder themes/{SHOP_THEME}/templates; available: {available}")

# --- Applications --------------------------------------------------------------------------
INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    # Project apps whose templates extend Oscar's templates of the same name (the order email, the
    # dashboard layout): listed before Oscar so Django finds theirs first; their {% extends %} then
    # reaches Oscar's original.
    "shop.documents",
    "shop.currency",
    # Oscar (forked apps live in shop/apps and only there)
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shop.apps.shipping.apps.ShippingConfig",
    "shop.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.apps.partner.apps.PartnerConfig",
    "shop.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "shop.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "shop.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Security
    "axes",
    "csp",
    # The project
    "shop.core",
    "shop.inventory",
    "shop.companies",
    "shop.orders",
    "shop.catalogimport",
    "shop.plugins",
    "cms",
    *[p.config_path for p in _plugins],
]

MIDDLEWARE = [
    "shop.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "shop.companies.middleware.CompanyMiddleware",  # before the basket: the currency depends on the company
    "oscar.apps.basket.middleware.BasketMiddleware",
    "shop.currency.middleware.BasketCurrencyMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [THEME_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.core.context_processors.shop",
                "shop.currency.context_processors.currency",
            ],
        },
    }
]

# --- Data ----------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
DATABASES = {"default": database_config(DATABASE_URL, BASE_DIR, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
# Test databases are kept between runs (--reuse-db); one per plugin set, since the set decides the tables.
_test_suffix = env_str("SHOP_TEST_DB_SUFFIX") or "-".join(SHOP_ALLOWED_PLUGINS) or "core"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{_test_suffix}.sqlite3")}
else:
    _test_name = re.sub(r"[^a-z0-9_]", "_", f"test_{DATABASES['default']['NAME']}_{_test_suffix}".lower())[:63]
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", _test_name)}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = redis_url(env_str("REDIS_URL"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "shop"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shop"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Celery --------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
# Tests run tasks inline unless a test starts a real worker (tests/conftest.py: celery_worker).
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL or SHOP_ENV == "test")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict = {
    "refresh-exchange-rates": {"task": "shop.currency.tasks.refresh_rates", "schedule": 6 * 3600},
    "check-exchange-rates-age": {"task": "shop.currency.tasks.check_rates_age", "schedule": 24 * 3600},
    "check-order-alerts": {"task": "shop.orders.tasks.check_order_alerts", "schedule": 15 * 60},
    "release-expired-reservations": {"task": "shop.inventory.tasks.release_expired_reservations", "schedule": 300},
    "publish-scheduled-pages": {"task": "cms.tasks.publish_scheduled_pages", "schedule": 60},  # go live / expiry
}
CELERY_BEAT_SCHEDULE.update(beat_schedules(_plugins))  # each allowed plugin's PluginConfig.beat_schedule

# --- Inventory -----------------------------------------------------------------------------
# Which warehouse an order line ships from: most_stocked | nearest (shipping city/country) | priority
INVENTORY_ALLOCATION_POLICY = env_str("INVENTORY_ALLOCATION_POLICY", "most_stocked")
if INVENTORY_ALLOCATION_POLICY not in ("most_stocked", "nearest", "priority"):
    raise SettingError("INVENTORY_ALLOCATION_POLICY: use most_stocked, nearest or priority")
INVENTORY_ALERT_EMAILS = env_list("INVENTORY_ALERT_EMAILS")  # low-stock emails; ADMIN_EMAILS when empty
INVENTORY_VELOCITY_WEEKS = env_int("INVENTORY_VELOCITY_WEEKS", 8)  # sales history used for reorder suggestions
INVENTORY_REORDER_COVER_DAYS = env_int("INVENTORY_REORDER_COVER_DAYS", 30)  # a reorder covers this many days

# --- Search --------------------------------------------------------------------------------
ELASTICSEARCH_URL = http_url("ELASTICSEARCH_URL", env_str("ELASTICSEARCH_URL"))
SEARCH_INDEX_DIR = VAR_DIR / "search"
if ELASTICSEARCH_URL:
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "shop.searchengine.elasticsearch_backend.ElasticsearchEngine",
            "URL": ELASTICSEARCH_URL,
            "INDEX_NAME": env_str("ELASTICSEARCH_INDEX", "shop-products"),
        }
    }
else:
    HAYSTACK_CONNECTIONS = {
        "default": {
            "ENGINE": "shop.searchengine.embedded.EmbeddedEngine",
            "PATH": str(SEARCH_INDEX_DIR),
        }
    }
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --- Languages -----------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "zh-hans"), "zh-hans": ("en",), "en": ("zh-hans",)}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

# --- Static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [THEME_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Authentication and security -----------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "customer:login"

AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "shop/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}

X_FRAME_OPTIONS = "DENY"  # Wagtail lifts it to SAMEORIGIN on its own preview views
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    LANGUAGE_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True

# --- Company accounts ------------------------------------------------------------------------
# Keys for the encrypted company fields (tax id, bank account): a comma list, the first encrypts,
# the others still decrypt while rows are re-encrypted (manage.py companies_rotate_keys).
FIELD_ENCRYPTION_KEY = env_list("FIELD_ENCRYPTION_KEY")
if not FIELD_ENCRYPTION_KEY:
    if PRODUCTION:
        raise SettingError(
            "FIELD_ENCRYPTION_KEY: required when SHOP_ENV=production (a long random secret, kept apart from the "
            "database backups; comma list to rotate, newest first)"
        )
    FIELD_ENCRYPTION_KEY = ["dev-only-field-encryption-key-do-not-use-in-production"]
FERNET_KEYS = FIELD_ENCRYPTION_KEY
COMPANY_INVITATION_DAYS = env_int("COMPANY_INVITATION_DAYS", 7)

# --- Email ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "shop.core.mail.QueuedEmailBackend")
SHOP_EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_DELIVERY_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "shop@example.com")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Operator", email) for email in env_list("ADMIN_EMAILS")]
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Logging -------------------------------------------------------------------------------
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "text")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "shop.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "jieba": {"level": "WARNING"},
        "oscar": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Currencies ----------------------------------------------------------------------------
SHOP_BASE_CURRENCY = env_str("BASE_CURRENCY", "CNY").upper()
SHOP_CURRENCIES = [c.upper() for c in env_list("CURRENCIES", f"{SHOP_BASE_CURRENCY},USD,EUR,JPY")]
_bad_currencies = [c for c in SHOP_CURRENCIES if not is_currency(c)]
if _bad_currencies:
    raise SettingError(f"CURRENCIES: unknown ISO 4217 code(s) {', '.join(_bad_currencies)}")
if SHOP_BASE_CURRENCY not in SHOP_CURRENCIES:
    raise SettingError(f"BASE_CURRENCY: {SHOP_BASE_CURRENCY} must be one of CURRENCIES ({', '.join(SHOP_CURRENCIES)})")
# Optional "pretty" rounding steps per currency, e.g. CURRENCY_PRETTY_STEPS=USD:0.05,EUR:0.05
SHOP_CURRENCY_PRETTY_STEPS = dict(item.split(":", 1) for item in env_list("CURRENCY_PRETTY_STEPS"))
SHOP_RATES_URL = env_str("RATES_URL")  # e.g. the ECB's eurofxref-daily.xml; refreshed daily by beat
SHOP_RATES_MAX_AGE_DAYS = env_int("RATES_MAX_AGE_DAYS", 4)
SHOP_RATES_TTL = 60

# --- Orders and payment --------------------------------------------------------------------
# The shop's bank account shown to buyers who pay by bank transfer ("\n" starts a new line).
# Without it (the production default) bank transfer is not offered.
SHOP_BANK_TRANSFER_DETAILS = env_str(
    "BANK_TRANSFER_DETAILS",
    ""
    if PRODUCTION
    else "Account holder: Inkstone Trade (development example)\\nBank: Example Bank\\n"
    "IBAN: DE00 0000 0000 0000 0000 00\\nBIC: EXAMPLEXXX",
).replace("\\n", "\n")
# The order's status is the summary of its suppliers' fulfilment states (shop.orders.lifecycle.STATUS_NAMES);
# only that state machine changes it, so Oscar's dashboard offers no status changes. Payment is separate.
OSCAR_INITIAL_ORDER_STATUS = "Submitted"
OSCAR_ORDER_STATUS_PIPELINE = {
    status: ()
    for status in (
        "Submitted", "Confirmed", "Rejected", "In production", "Partially shipped",
        "Shipped", "Delivered", "Completed", "Cancelled",
    )
}

# --- Oscar ---------------------------------------------------------------------------------
OSCAR_SHOP_NAME = env_str("SHOP_NAME", "Inkstone Trade")
OSCAR_SHOP_TAGLINE = _("Stationery & office supplies, wholesale")
OSCAR_DEFAULT_CURRENCY = SHOP_BASE_CURRENCY
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = False
OSCAR_SLUG_ALLOW_UNICODE = True
OSCAR_HOMEPAGE = "/"
OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION = "shop.core.access.dashboard_access"
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405 - from oscar.defaults
    {
        "label": _("Platform"),
        "icon": "fas fa-puzzle-piece",
        "children": [
            {"label": _("Plugins"), "url_name": "shop_plugins:list"},
            {"label": _("Exchange rates"), "url_name": "currency_dashboard:rates"},
            {"label": _("Catalog import"), "url_name": "catalogimport:upload"},
            {"label": _("Search synonyms"), "url_name": "search_dashboard:synonym-list"},
            {"label": _("Companies"), "url_name": "companies_dashboard:company-list"},
            {"label": _("Inventory"), "url_name": "inventory_dashboard:warehouse-list"},
            {"label": _("B2B orders"), "url_name": "orders_dashboard:list"},
            {"label": _("Customer groups"), "url_name": "companies_dashboard:group-list"},
            {"label": _("CMS"), "url_name": "wagtailadmin_home"},
        ],
    },
]
THUMBNAIL_DEBUG = False
THUMBNAIL_KEY_PREFIX = "shop"

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = OSCAR_SHOP_NAME
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]
