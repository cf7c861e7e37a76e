"""``demo_data`` brings companies, shared stock, low-stock alerts and orders in several lifecycle states — once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import translation
from oscar.core.loading import get_model

from shop.companies.models import Company, Membership
from shop.demo.builder import DemoBuilder
from shop.demo.site_data import COMPANIES, ORDERS
from shop.inventory.models import StockAlert, StockMovement, StockSharing, Warehouse
from shop.orders.models import FulfilmentGroup, OrderAlert, OrderEvent, OrderPayment, PaymentTerms, Shipment, State

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

N = 60


@pytest.fixture
def built(media):
    with translation.override("en"):
        return DemoBuilder(N, storage=media).build()


def _user(username: str):
    return get_user_model().objects.get(username=username)


def test_supplier_companies_own_their_partner_and_every_warehouse_has_a_company(built):
    huadong = Company.objects.get(partner__code="huadong-stationery")

    assert huadong.kind == Company.Kind.SUPPLIER
    assert Membership.objects.get(user=_user("supplier"), company=huadong).is_admin
    assert set(Company.objects.filter(partner__isnull=False).values_list("partner__code", flat=True)) == set(
        Partner.objects.values_list("code", flat=True)
    )
    assert not Warehouse.objects.filter(company__isnull=True).exists()
    assert Warehouse.objects.get(code="HZ-XIAOSHAN").company.kind == Company.Kind.DISTRIBUTOR


def test_stock_sharing_and_pay_on_account_are_switched_on(built):
    retailer = Company.objects.get(memberships__user__username="retailer")
    distributor = Company.objects.get(memberships__user__username="distributor")

    assert StockSharing.objects.get(company__partner__code="huadong-stationery").share_with_customers
    assert StockSharing.objects.get(company=distributor).share_with_suppliers
    assert retailer.pays_on_account and retailer.credit_limit == Decimal("50000.00")
    assert PaymentTerms.objects.get(company=retailer).net_days == 30


def test_orders_were_placed_for_real_and_moved_through_the_lifecycle(built):
    orders = {o.number: o for o in Order.objects.filter(number__in=[s.number for s in ORDERS])}

    assert built.created["orders"] == len(ORDERS) == len(orders)
    assert {number: order.status for number, order in orders.items()} == {
        "DEMO-1001": "Delivered",
        "DEMO-1002": "Partially shipped",
        "DEMO-1003": "Confirmed",
        "DEMO-1004": "Submitted",
        "DEMO-1005": "Submitted",
    }
    for order in orders.values():
        assert order.company_link.company.memberships.filter(user=order.user).exists()
        assert FulfilmentGroup.objects.filter(order=order, partner__code="huadong-stationery").exists()
        assert OrderEvent.objects.filter(order=order, kind=OrderEvent.Kind.PLACED).exists()
    payments = dict(OrderPayment.objects.values_list("order__number", "status"))
    assert payments["DEMO-1001"] == OrderPayment.Status.ON_ACCOUNT
    assert payments["DEMO-1002"] == OrderPayment.Status.PAID
    assert payments["DEMO-1004"] == OrderPayment.Status.PENDING
    assert Shipment.objects.filter(group__order__number="DEMO-1002").count() == 1
    assert StockMovement.objects.filter(kind=StockMovement.Kind.SHIPMENT).exists()
    assert StockMovement.objects.filter(kind=StockMovement.Kind.RESERVATION).count() >= len(ORDERS)


def test_alerts_are_open_for_operators(built):
    assert StockAlert.objects.filter(resolved_at__isnull=True).count() == 3
    alert = OrderAlert.objects.get(resolved_at__isnull=True)
    assert alert.order.number == "DEMO-1004" and alert.kind == OrderAlert.Kind.UNCONFIRMED
    assert FulfilmentGroup.objects.get(order=alert.order).state == State.SUBMITTED


def test_a_second_run_adds_no_company_order_or_alert(built, media):
    models = (Company, Membership, Order, Shipment, StockAlert, OrderAlert, StockMovement, PaymentTerms)
    before = {model.__name__: model.objects.count() for model in models}

    report = DemoBuilder(N, storage=media).build()

    assert report.nothing_new
    assert {model.__name__: model.objects.count() for model in models} == before


def test_a_tiny_catalog_skips_the_orders_it_cannot_fill(media):
    report = DemoBuilder(5, storage=media).build()

    assert report.created["companies"] == len(COMPANIES)
    assert Order.objects.count() == report.created["orders"] < len(ORDERS)


def test_demo_people_see_their_living_pages(built, client, django_assert_max_num_queries):
    client.force_login(_user("supplier"))
    with django_assert_max_num_queries(40):
        supplier_page = client.get("/en/orders/supplier/")
    assert supplier_page.status_code == 200
    assert all(spec.number in supplier_page.content.decode() for spec in ORDERS)

    client.force_login(_user("retailer"))
    with django_assert_max_num_queries(40):
        company_orders = client.get("/zh-hans/accounts/company/orders/")
    page = BeautifulSoup(company_orders.content.decode(), "html.parser")
    assert "DEMO-1001" in page.get_text() and "DEMO-1002" not in page.get_text()
    assert "已送达" in [option.get_text() for option in page.select("select[name=status] option")]

    client.force_login(_user("operator"))
    with django_assert_max_num_queries(80):
        dashboard = BeautifulSoup(client.get("/en/dashboard/").content.decode(), "html.parser")
    assert len(dashboard.select("#stock-alerts tbody tr")) == 3
    assert "DEMO-1004" in dashboard.select_one("#order-alerts").get_text()
