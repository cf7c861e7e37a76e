"""Low-stock alerts: once per crossing, re-armed above the threshold, emailed via Celery."""

from __future__ import annotations

import pytest
from django.core import mail

from shop.companies.models import Membership
from shop.inventory.models import StockAlert, WarehouseStock
from shop.inventory.services import (
    StockError,
    adjust_stock,
    receive_stock,
    release_order,
    reserve_order,
    set_stock_levels,
)

from .conftest import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def watched(record, shanghai, distributor, django_user_model, settings):
    settings.INVENTORY_ALERT_EMAILS = ["stock@example.com"]
    boss = django_user_model.objects.create_user(username="boss", email="boss@huadong.example", password="x" * 12)
    Membership.objects.create(company=distributor, user=boss, role=Membership.Role.ADMIN)
    receive_stock(shanghai, record, 20)
    return set_stock_levels(WarehouseStock.objects.get(), low_stock_threshold=10, safety_stock=5, lead_time_days=7)


def test_one_alert_per_crossing_and_rearmed_above(watched, record, shanghai, django_capture_on_commit_callbacks):
    # when: stock falls below 10, then further, then recovers and falls again
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order((record, 12))
        reserve_order(order)  # available 8: crossing
    with django_capture_on_commit_callbacks(execute=True):
        adjust_stock(shanghai, record, -2, reason="damaged")  # available 6: still below, no new alert
    assert StockAlert.objects.count() == 1
    release_order(order, reason="cancelled")  # available 18: re-armed, alert resolved
    with django_capture_on_commit_callbacks(execute=True):
        reserve_order(make_order((record, 9)))  # available 9: second crossing

    # then
    alerts = list(StockAlert.objects.order_by("pk"))
    assert [(a.available, a.threshold) for a in alerts] == [(8, 10), (9, 10)]
    assert alerts[0].resolved_at is not None and alerts[1].resolved_at is None
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject == "Low stock: Gel pen, box of 12 at Shanghai DC"
    assert sorted(mail.outbox[0].to) == ["boss@huadong.example", "stock@example.com"]
    assert "8 available, below the threshold of 10" in mail.outbox[0].body


def test_viewing_stock_raises_no_alert(watched, client, admin_user):
    WarehouseStock.objects.filter(pk=watched.pk).update(quantity=25)
    client.force_login(admin_user)
    client.get("/en/dashboard/inventory/warehouses/")
    assert not StockAlert.objects.exists()


def test_setting_a_threshold_above_current_stock_alerts_at_once(record, shanghai, django_capture_on_commit_callbacks):
    receive_stock(shanghai, record, 4)
    with django_capture_on_commit_callbacks(execute=True):
        set_stock_levels(WarehouseStock.objects.get(), low_stock_threshold=5)
    assert StockAlert.objects.get().available == 4


@pytest.mark.parametrize("bad", [{"low_stock_threshold": -1}, {"safety_stock": 1.5}, {"lead_time_days": 400}])
def test_bad_levels_are_refused(record, shanghai, bad):
    receive_stock(shanghai, record, 4)
    stock = WarehouseStock.objects.get()
    with pytest.raises(StockError):
        set_stock_levels(stock, **bad)
    stock.refresh_from_db()
    assert (stock.low_stock_threshold, stock.safety_stock, stock.lead_time_days) == (None, 0, 14)


@pytest.fixture
def _worker_writes_mail_to_files(monkeypatch):
    """The worker sends the alert straight to its file backend (the fixture's EMAIL_FILE_PATH)."""
    monkeypatch.setenv("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")


@pytest.mark.celery
def test_a_real_worker_emails_the_alert(_worker_writes_mail_to_files, celery_worker, record, shanghai, distributor):
    import time

    from django.contrib.auth import get_user_model
    from django.db import transaction

    boss = get_user_model().objects.create_user(username="boss", email="boss@huadong.example", password="x" * 12)
    Membership.objects.create(company=distributor, user=boss, role=Membership.Role.ADMIN)
    receive_stock(shanghai, record, 20)
    set_stock_levels(WarehouseStock.objects.get(), low_stock_threshold=10)

    with transaction.atomic():
        reserve_order(make_order((record, 15)))  # available 5: the alert is queued when this commits

    deadline, text = time.monotonic() + 30, ""
    while time.monotonic() < deadline and "Low stock" not in text:
        files = list(celery_worker["mail_dir"].glob("*.log")) if celery_worker["mail_dir"].exists() else []
        text = "".join(f.read_text() for f in files)
        time.sleep(0.2)
    assert "Low stock: Gel pen, box of 12 at Shanghai DC" in text
    assert "boss@huadong.example" in text
