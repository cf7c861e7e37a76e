from pathlib import Path

import pytest

from shop.config import SettingError, database_config, env_bool, env_int, http_url, redis_url


def test_empty_database_url_is_embedded_sqlite():
    config = database_config("", Path("/srv/shop"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/shop/var/shop.sqlite3"


def test_postgres_url():
    config = database_config("postgres://shop:secret@db.internal:5433/shop", Path("/x"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == ("db.internal", 5433, "shop", "shop")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "DATABASE_URL: expected postgres://"),
        ("localhost:5432", "DATABASE_URL: expected postgres://"),
        ("postgres://u@h:5432/", "DATABASE_URL: the URL names no database"),
    ],
)
def test_bad_database_urls(url, message):
    with pytest.raises(SettingError, match=message):
        database_config(url, Path("/x"))


@pytest.mark.parametrize("url", ["http://h", "redis://", "redis://h:port/0"])
def test_bad_redis_urls(url):
    with pytest.raises(SettingError, match="^REDIS_URL: "):
        redis_url(url)


def test_good_redis_url_and_empty():
    assert redis_url("redis://127.0.0.1:6379/1") == "redis://127.0.0.1:6379/1"
    assert redis_url("") == ""


def test_elasticsearch_url():
    assert http_url("ELASTICSEARCH_URL", "http://es:9200/") == "http://es:9200"
    with pytest.raises(SettingError, match="ELASTICSEARCH_URL: expected http"):
        http_url("ELASTICSEARCH_URL", "es:9200")


def test_bools_and_ints(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(SettingError, match="X_FLAG: expected true/false"):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "12x")
    with pytest.raises(SettingError, match="X_NUM: expected a whole number, got '12x'"):
        env_int("X_NUM", 1)
