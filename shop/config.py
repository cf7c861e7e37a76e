"""Reading deployment settings from the environment.

Every error names the setting and what was expected, in one line, so that a
mistyped ``.env`` is found at start-up and not by a confused buyer.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured


class SettingError(ImproperlyConfigured):
    """A deployment setting has a value the project cannot use."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{name}: expected true/false (1/0, yes/no, on/off), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingError(f"{name}: expected a whole number, got {raw!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(url: str, base_dir: Path, conn_max_age: int = 60) -> dict:
    """Django DATABASES['default'] from ``DATABASE_URL`` (empty = embedded SQLite)."""
    import dj_database_url

    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(base_dir / "var" / "shop.sqlite3"),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
        }
    scheme = urlparse(url).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise SettingError(
            "DATABASE_URL: expected postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:///PATH, "
            f"got scheme {scheme or '(none)'!r}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for malformed URLs
        raise SettingError(f"DATABASE_URL: cannot parse {url!r}: {exc}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise SettingError("DATABASE_URL: the URL names no database (expected .../NAME at the end)")
    return config


def redis_url(raw: str) -> str:
    """Validate ``REDIS_URL`` (empty means: no broker, no shared cache)."""
    if not raw:
        return ""
    parsed = urlparse(raw)
    if parsed.scheme not in {"redis", "rediss", "unix"}:
        raise SettingError(f"REDIS_URL: expected redis://HOST:PORT/DB or rediss://…, got {raw!r}")
    if parsed.scheme != "unix" and not parsed.hostname:
        raise SettingError(f"REDIS_URL: no host in {raw!r} (expected redis://HOST:PORT/DB)")
    try:
        parsed.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise SettingError(f"REDIS_URL: the port in {raw!r} is not a number") from None
    return raw


def http_url(name: str, raw: str) -> str:
    if not raw:
        return ""
    parsed = urlparse(raw)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise SettingError(f"{name}: expected http(s)://HOST:PORT, got {raw!r}")
    return raw.rstrip("/")
