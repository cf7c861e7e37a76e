"""Contract prices end: the price lapses the day after, staff are alerted once before, the dashboard says so."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from b2b_pricing import tasks
from b2b_pricing.models import ContractPrice
from b2b_pricing.services import contracts
from b2b_pricing.services.pricebook import PriceBook
from b2b_pricing_testkit import switch
from django.core import mail
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture(autouse=True)
def _recipients(settings):
    settings.B2B_PRICING_ALERT_EMAILS = "pricing@inkstone.example"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def make_contract(company, product, ends_in: int, alert_days: int = 30, **kwargs) -> ContractPrice:
    today = timezone.localdate()
    return ContractPrice.objects.create(
        company=company, product=product, currency="CNY", price=D("2.50"), reference=kwargs.pop("reference", ""),
        valid_from=today - datetime.timedelta(days=100), valid_until=today + datetime.timedelta(days=ends_in),
        alert_days=alert_days, **kwargs,
    )


def test_the_price_lapses_the_day_after_the_end_date(company_a, pen):
    contract = make_contract(company_a, pen, ends_in=3)
    end = contract.valid_until
    assert PriceBook(company_a, "CNY", end).quote(pen, D("3.50")).amount == D("2.50")
    assert PriceBook(company_a, "CNY", end + datetime.timedelta(days=1)).quote(pen, D("3.50")).amount == D("3.50")


def test_contracts_in_their_alert_window_are_ending_soon(company_a, company_b, pen, make_product):
    soon = make_contract(company_a, pen, ends_in=10)
    make_contract(company_b, pen, ends_in=45)  # outside its 30-day window
    short_notice = make_contract(company_b, make_product("CLIP-19", "0.80"), ends_in=5, alert_days=7)
    make_contract(company_a, make_product("OLD-1", "1.00"), ends_in=-2)  # already ended
    assert [(item.contract, item.days_left) for item in contracts.ending_soon()] == [(short_notice, 5), (soon, 10)]


def test_the_task_alerts_once_per_end_date(company_a, pen, django_capture_on_commit_callbacks):
    contract = make_contract(company_a, pen, ends_in=10, reference="K-2026-17")
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.alert_ending_contracts.delay().get() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["pricing@inkstone.example"]
    assert message.subject == "1 contract price ends soon"
    assert "Alpha Stationers — Gel pen 0.5 blue: ends on" in message.body and "[K-2026-17]" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.alert_ending_contracts() == 0  # already alerted
    assert len(mail.outbox) == 1
    contract.refresh_from_db()
    assert contract.alert_sent_at is not None


def test_a_new_end_date_re_arms_the_alert(client, staff, company_a, pen):
    contract = make_contract(company_a, pen, ends_in=10)
    tasks.alert_ending_contracts()
    client.force_login(staff)
    new_end = timezone.localdate() + datetime.timedelta(days=20)
    response = client.post(reverse("b2b_pricing_dashboard:contract-update", kwargs={"pk": contract.pk}), {
        "company": company_a.pk, "sku": "GP-05-BLUE", "currency": "CNY", "kind": "fixed", "price": "2.50",
        "valid_from": contract.valid_from.isoformat(), "valid_until": new_end.isoformat(), "alert_days": "30",
    })
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.alert_sent_at is None
    assert tasks.alert_ending_contracts() == 1


def test_the_task_does_nothing_while_switched_off(company_a, pen):
    make_contract(company_a, pen, ends_in=10)
    switch(False)
    assert tasks.alert_ending_contracts() == 0
    assert mail.outbox == []


def test_the_dashboard_shows_contracts_ending_soon(client, staff, company_a, pen):
    contract = make_contract(company_a, pen, ends_in=10)
    client.force_login(staff)
    for name in ("index", "contract-list"):
        html = client.get(reverse(f"b2b_pricing_dashboard:{name}")).content.decode()
        assert 'id="contracts-ending"' in html
        assert "1 contract price ends soon:" in html
        assert f"ends on {contract.valid_until:%b. %-d, %Y}" in html or "(in 10 days)" in html


def test_staff_delete_a_contract(client, staff, company_a, pen):
    contract = make_contract(company_a, pen, ends_in=10)
    client.force_login(staff)
    url = reverse("b2b_pricing_dashboard:contract-delete", kwargs={"pk": contract.pk})
    assert "Alpha Stationers — Gel pen 0.5 blue" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not ContractPrice.objects.exists()


def test_beat_runs_the_alert_daily_from_the_plugins_schedule_entry(company_a, pen):
    from celery.beat import Scheduler
    from celery.schedules import crontab
    from django.conf import settings

    from shop.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["b2b_pricing:contract-end-alerts"]
    assert entry == {"task": "b2b_pricing.tasks.alert_ending_contracts", "schedule": crontab(hour=6, minute=0)}
    scheduled = Scheduler(app=app).schedule["b2b_pricing:contract-end-alerts"]  # what `celery -A shop beat` loads
    assert scheduled.task == entry["task"]
    make_contract(company_a, pen, ends_in=10)
    switch(False)
    assert app.tasks[entry["task"]].delay().get() == 0  # beat keeps calling it; the task skips
    switch(True)
    assert app.tasks[entry["task"]].delay().get() == 1
