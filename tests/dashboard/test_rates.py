"""Exchange-rate pages in the dashboard: rates in use, history, manual override, the stale-rates banner."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from shop.core.models import AuditEntry
from shop.currency import rates as rate_cache
from shop.currency.models import ExchangeRate

pytestmark = pytest.mark.django_db

RATES = "/en/dashboard/rates/"
HISTORY = "/en/dashboard/rates/history/"
OVERRIDE = "/en/dashboard/rates/override/"


@pytest.fixture
def ecb_rates(db):
    today = date.today()
    for quote, value in {"CNY": "7.6123", "JPY": "162.31", "USD": "1.0512"}.items():
        ExchangeRate.objects.create(base="EUR", quote=quote, rate=Decimal(value), valid_on=today, source="ecb")
    rate_cache.invalidate()
    yield
    rate_cache.invalidate()


def test_rates_in_use_per_traded_pair_with_date_and_source(staff_client, ecb_rates):
    response = staff_client.get(RATES)

    assert response.status_code == 200
    pairs = {p.quote: p for p in response.context["pairs"]}
    assert set(pairs) == {"USD", "EUR", "JPY"}  # the base currency (CNY) against each other traded one
    eur = pairs["EUR"]
    assert eur.inverse == Decimal("7.6123")
    assert eur.valid_on == date.today() and not eur.stale
    assert [label for _, label in eur.sources] == ["European Central Bank"]
    assert len(pairs["USD"].used) == 2  # CNY → EUR → USD
    html = response.content.decode()
    assert "1 EUR = 7.6123 CNY" in html
    assert "CNY → JPY" in html


def test_pages_are_for_staff_only(client, django_user_model):
    buyer = django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")
    for path in (RATES, HISTORY, OVERRIDE):
        assert client.get(path).status_code == 302
    client.force_login(buyer)
    for path in (RATES, HISTORY, OVERRIDE):
        response = client.get(path)
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post(OVERRIDE, {"base": "CNY", "quote": "USD", "rate": "0.14", "reason": "x"}).status_code == 302
    assert not ExchangeRate.objects.exists()


def test_manual_override_is_saved_audited_and_used(staff_client, staff, ecb_rates):
    response = staff_client.post(
        OVERRIDE, {"base": "CNY", "quote": "USD", "rate": "0.1400", "reason": "Bank quote for the Acme contract"}
    )

    assert response.status_code == 302 and response["Location"] == RATES
    row = ExchangeRate.objects.get(source="manual")
    assert (row.base, row.quote, row.rate, row.valid_on, row.created_by) == (
        "CNY",
        "USD",
        Decimal("0.14"),
        date.today(),
        staff,
    )
    audit = AuditEntry.objects.get(action="currency.rate_override")
    assert audit.actor == staff and audit.data["note"] == "Bank quote for the Acme contract"
    page = staff_client.get(RATES)
    usd = next(p for p in page.context["pairs"] if p.quote == "USD")
    assert (usd.rate, usd.is_manual) == (Decimal("0.14"), True)
    assert "From today 1 CNY = 0.14 USD (manual override)." in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"rate": "0"}, "rate", "A rate must be greater than zero."),
        ({"rate": "-7.5"}, "rate", "A rate must be greater than zero."),
        ({"rate": "abc"}, "rate", "Enter a number."),
        ({"quote": "XYZ"}, "quote", "XYZ is not a currency this shop trades in."),
        ({"base": "GBP"}, "base", "GBP is not a currency this shop trades in."),
        ({"quote": "CNY"}, "quote", "Base and quote currency must differ."),
        ({"reason": "   "}, "reason", "Say why you override the rate; the reason goes into the audit log."),
        ({"reason": ""}, "reason", "Say why you override the rate; the reason goes into the audit log."),
    ],
)
def test_bad_override_shows_the_error_and_saves_nothing(staff_client, data, field, message):
    valid = {"base": "CNY", "quote": "USD", "rate": "0.14", "reason": "Bank quote"}

    response = staff_client.post(OVERRIDE, {**valid, **data})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not ExchangeRate.objects.exists()
    assert not AuditEntry.objects.filter(action="currency.rate_override").exists()


def test_history_is_paginated_and_filtered(staff_client):
    start = date(2026, 1, 1)
    for day in range(60):
        ExchangeRate.objects.create(
            base="EUR", quote="USD", rate=Decimal("1.05"), valid_on=start + timedelta(days=day), source="ecb"
        )
    ExchangeRate.objects.create(base="EUR", quote="JPY", rate=Decimal("160"), valid_on=start, source="ecb")

    first = staff_client.get(HISTORY)
    second = staff_client.get(HISTORY, {"page": 2})
    jpy = staff_client.get(HISTORY, {"currency": "JPY"})

    assert len(first.context["rates"]) == 50
    assert first.context["rates"][0].valid_on == start + timedelta(days=59)
    assert len(second.context["rates"]) == 11
    assert "Page 2 of 2" in second.content.decode()
    assert [r.quote for r in jpy.context["rates"]] == ["JPY"]
    assert "1 EUR = 160 JPY" in jpy.content.decode()


def test_stale_rates_banner_on_every_dashboard_page(staff_client, staff, settings):
    staff.user_permissions.add(Permission.objects.get(codename="view_order"))
    old = date.today() - timedelta(days=settings.SHOP_RATES_MAX_AGE_DAYS + 3)
    ExchangeRate.objects.create(base="EUR", quote="CNY", rate=Decimal("7.6"), valid_on=old, source="ecb")
    rate_cache.invalidate()

    for path in ("/en/dashboard/", "/en/dashboard/orders/", "/en/dashboard/plugins/", RATES):
        html = staff_client.get(path).content.decode()
        assert 'id="rates-alert"' in html, path
        assert f"The exchange rates in use are {settings.SHOP_RATES_MAX_AGE_DAYS + 3} days old" in html
    rate_cache.invalidate()


def test_no_banner_with_fresh_rates_and_a_plain_one_without_rates(staff_client, ecb_rates):
    assert 'id="rates-alert"' not in staff_client.get("/en/dashboard/").content.decode()
    ExchangeRate.objects.all().delete()
    rate_cache.invalidate()
    html = staff_client.get("/en/dashboard/").content.decode()
    assert "No exchange rates are stored" in html


def test_banner_and_menu_in_chinese(staff_client):
    rate_cache.invalidate()
    html = staff_client.get("/zh-hans/dashboard/").content.decode()
    assert "尚未保存任何汇率" in html
    assert 'href="/zh-hans/dashboard/rates/"' in html and "汇率" in html


def test_menu_entry_in_the_platform_group(staff_client):
    html = staff_client.get("/en/dashboard/").content.decode()
    assert 'href="/en/dashboard/rates/"' in html


def test_buyers_never_see_the_banner(db, django_user_model):
    buyer = django_user_model.objects.create_user(username="b", email="b@example.com", password="a-long-pass-123")
    client = Client()
    client.force_login(buyer)
    rate_cache.invalidate()
    assert 'id="rates-alert"' not in client.get("/en/basket/").content.decode()


def test_page_queries_do_not_grow_with_the_history(staff_client, ecb_rates):
    def count(path: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(path).status_code == 200
        return len(captured)

    for path in (RATES, HISTORY):
        count(path)  # warm the per-process caches (rate table, plugin states)
    small = {path: count(path) for path in (RATES, HISTORY)}
    for day in range(1, 40):
        ExchangeRate.objects.create(
            base="EUR", quote="USD", rate=Decimal("1.05"), valid_on=date.today() - timedelta(days=day), source="ecb"
        )
    for path in (RATES, HISTORY):
        count(path)  # saving rates emptied the rate table cache
    assert {path: count(path) for path in (RATES, HISTORY)} == small
    assert small[RATES] <= 15 and small[HISTORY] <= 13, small
