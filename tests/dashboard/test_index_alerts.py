"""The dashboard front page lists open low-stock and order alerts, each linking to its page."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model
from oscar.test import factories

from shop.inventory.models import StockAlert, Warehouse, WarehouseStock
from shop.orders.models import OrderAlert

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db
_serial = itertools.count()


def _panel(client, lang: str = "en"):
    response = client.get(f"/{lang}/dashboard/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("#open-alerts")


def _stock_alerts(n: int, *, resolved: bool = False, acknowledged: bool = False) -> Warehouse:
    partner = Partner.objects.get_or_create(name="Paper Co", code="paper")[0]
    warehouse = Warehouse.objects.get_or_create(
        partner=partner, code="NB-1", defaults={"name": "Ningbo", "city": "Ningbo"}
    )[0]
    now = timezone.now()
    for _ in range(n):
        serial = next(_serial)
        product = factories.create_product(title=f"Copy paper {serial}", partner_name=partner.name,
                                           partner_sku=f"CP-{serial}", price=Decimal("20"))
        stock = WarehouseStock.objects.create(warehouse=warehouse, stockrecord=product.stockrecords.get(),
                                              quantity=3, low_stock_threshold=10, below_threshold=True)
        StockAlert.objects.create(stock=stock, available=3, threshold=10,
                                  resolved_at=now if resolved else None, acknowledged_at=now if acknowledged else None)
    return warehouse


def _order_alerts(n: int, *, resolved: bool = False) -> list:
    orders = []
    for _ in range(n):
        order = factories.create_order(number=f"9{next(_serial):05d}")
        OrderAlert.objects.create(kind=OrderAlert.Kind.UNCONFIRMED, key=f"unconfirmed:{order.number}", order=order,
                                  message="Not confirmed", resolved_at=timezone.now() if resolved else None)
        orders.append(order)
    return orders


def test_front_page_lists_open_alerts_with_links_to_their_pages(staff_client):
    warehouse = _stock_alerts(2)
    orders = _order_alerts(1)

    with translation.override("en"):
        panel = _panel(staff_client)
        warehouse_url = reverse("inventory_dashboard:warehouse-stock", kwargs={"pk": warehouse.pk})
        order_url = reverse("orders_dashboard:detail", kwargs={"number": orders[0].number})

    stock_rows = panel.select("#stock-alerts tbody tr")
    assert len(stock_rows) == 2
    assert stock_rows[0].select_one("a")["href"] == warehouse_url
    assert "3 / 10" in stock_rows[0].get_text()
    assert "2 low-stock alerts" in panel.select_one("#stock-alerts caption").get_text()
    order_rows = panel.select("#order-alerts tbody tr")
    assert [row.select_one("a")["href"] for row in order_rows] == [order_url]
    assert "Not confirmed within the SLA" in order_rows[0].get_text()


def test_resolved_and_acknowledged_alerts_leave_the_front_page(staff_client):
    _stock_alerts(1, resolved=True)
    _stock_alerts(1, acknowledged=True)
    _order_alerts(1, resolved=True)

    panel = _panel(staff_client)

    assert panel.select("tbody tr") == []
    assert "No product is below its low-stock threshold." in panel.get_text()
    assert "No order needs attention." in panel.get_text()


def test_front_page_queries_stay_bounded_however_many_alerts(staff_client, django_assert_max_num_queries):
    _stock_alerts(1)
    _order_alerts(1)
    with django_assert_max_num_queries(60) as few:
        staff_client.get("/en/dashboard/")
    _stock_alerts(14)
    _order_alerts(14)

    with django_assert_max_num_queries(len(few.captured_queries)):
        panel = _panel(staff_client)

    assert len(panel.select("#stock-alerts tbody tr")) == 10
    assert len(panel.select("#order-alerts tbody tr")) == 10
    assert "15 order alerts" in panel.select_one("#order-alerts caption").get_text()


def test_front_page_alerts_in_chinese(staff_client):
    _stock_alerts(1)

    panel = _panel(staff_client, "zh-hans")

    assert "未解决的警报" in panel.get_text()
    assert "1 条低库存警报" in panel.select_one("#stock-alerts caption").get_text()
    assert "没有需要处理的订单。" in panel.get_text()


def test_non_staff_dashboard_users_do_not_see_the_alert_panel(client, django_user_model):
    from django.contrib.auth.models import Permission

    partner_user = django_user_model.objects.create_user(
        username="sam", email="sam@paper.example", password="x-Pass-2026"
    )
    partner_user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    Partner.objects.create(name="Paper Co", code="paper").users.add(partner_user)
    _stock_alerts(1)
    client.force_login(partner_user)

    response = client.get("/en/dashboard/")

    assert response.status_code == 200
    assert b"open-alerts" not in response.content
