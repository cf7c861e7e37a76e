"""Company pages (scoped, 404 across companies, sharing) and staff pages (ledger, forms), en + zh-Hans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from oscar.test import factories

from shop.companies.models import Company, Membership
from shop.inventory.models import StockMovement, StockSharing, Warehouse, WarehouseStock
from shop.inventory.services import receive_stock, reserve_order, ship_order_lines

from .conftest import make_order

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-123"  # noqa: S105 - test accounts only


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def member(django_user_model):
    def make(company, role=Membership.Role.ADMIN, name=None):
        name = name or f"{role}-{company.pk}"
        user = django_user_model.objects.create_user(username=name, email=f"{name}@example.com", password=PASSWORD)
        Membership.objects.create(company=company, user=user, role=role)
        return user

    return make


@pytest.fixture
def supplier(db):
    partner = factories.PartnerFactory(name="Deli Factory")
    return Company.objects.create(name="Deli Factory", kind=Company.Kind.SUPPLIER, partner=partner)


@pytest.fixture
def factory_stock(supplier, record):
    """The supplier's own stock record of the same pen, in its factory warehouse."""
    warehouse = Warehouse.objects.create(
        partner=supplier.partner, company=supplier, code="DELI-NB", name="Ningbo factory", city="Ningbo"
    )
    own = factories.StockRecordFactory(
        product=record.product,
        partner=supplier.partner,
        partner_sku="DELI-GP12",
        price=Decimal("5.00"),
        num_in_stock=0,
    )
    receive_stock(warehouse, own, 900)
    return warehouse


def test_a_company_sees_its_warehouse_and_gets_404_for_anothers(
    client, member, distributor, record, shanghai, supplier, factory_stock, django_assert_max_num_queries
):
    receive_stock(shanghai, record, 30)
    client.force_login(member(distributor))

    with django_assert_max_num_queries(35):  # the storefront layout (basket, menus, currency) takes ~28
        own = client.get(f"/en/accounts/company/inventory/warehouses/{shanghai.pk}/")
    other = client.get(f"/en/accounts/company/inventory/warehouses/{factory_stock.pk}/")

    assert own.status_code == 200
    assert "GP-12" in own.content.decode()
    assert other.status_code == 404


def test_supplier_sees_distributor_stock_only_when_shared(
    client, member, distributor, record, shanghai, supplier, factory_stock
):
    receive_stock(shanghai, record, 30)
    client.force_login(member(supplier))
    url = "/en/accounts/company/inventory/shared-with-me/"

    hidden = client.get(url).content.decode()
    StockSharing.objects.create(company=distributor, share_with_suppliers=True)
    shown = client.get(url).content.decode()

    assert "Shanghai DC" not in hidden
    assert "Shanghai DC" in shown and "Huadong Distribution" in shown


def test_distributor_sees_supplier_available_stock_when_shared(
    client, member, distributor, record, supplier, factory_stock
):
    client.force_login(member(distributor))
    url = "/en/accounts/company/inventory/suppliers/"

    hidden = client.get(url).content.decode()
    StockSharing.objects.create(company=supplier, share_with_customers=True)
    shown = client.get(url).content.decode()

    assert "Ningbo factory" not in hidden
    assert "Ningbo factory" in shown and "900" in shown
    assert client.get(url, {"q": "DELI-GP12"}).content.decode().count("Ningbo factory") == 1


def test_only_an_admin_changes_sharing(client, member, distributor):
    buyer = member(distributor, Membership.Role.BUYER, name="buyer")
    client.force_login(buyer)
    assert client.post("/en/accounts/company/inventory/sharing/", {"share_with_customers": "on"}).status_code == 403
    client.force_login(member(distributor))
    response = client.post("/en/accounts/company/inventory/sharing/", {"share_with_customers": "on"})
    assert response.status_code == 302
    assert StockSharing.objects.get(company=distributor).share_with_customers is True


def test_pages_need_a_company_member(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="lone", password=PASSWORD))
    assert client.get("/en/accounts/company/inventory/").status_code == 404


def test_reorder_page_and_csv(client, member, distributor, record, shanghai):
    receive_stock(shanghai, record, 60)
    order = make_order((record, 56))
    reserve_order(order)
    ship_order_lines(order, {order.lines.get().pk: 56})
    client.force_login(member(distributor))

    page = client.get("/en/accounts/company/inventory/reorder/")
    export = client.get("/en/accounts/company/inventory/reorder/", {"format": "csv"})

    assert page.status_code == 200 and "GP-12" in page.content.decode()
    rows = export.content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Warehouse,Company,SKU,Product,Available")
    assert rows[1].startswith("SH,Huadong Distribution,GP-12,")


def test_pages_in_chinese(client, member, distributor, shanghai):
    client.force_login(member(distributor))
    html = client.get("/zh-hans/accounts/company/inventory/").content.decode()
    assert "库存" in html


# --- staff ---------------------------------------------------------------------------------


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


def test_staff_pages_render_within_query_budgets(staff, record, shanghai, beijing, django_assert_max_num_queries):
    receive_stock(shanghai, record, 30)
    reserve_order(make_order((record, 3)))
    for url, budget in [
        ("/en/dashboard/inventory/warehouses/", 30),
        (f"/en/dashboard/inventory/warehouses/{shanghai.pk}/", 30),
        ("/en/dashboard/inventory/movements/", 30),
        (f"/en/dashboard/inventory/movements/?warehouse={shanghai.pk}&kind=reservation", 30),
        ("/en/dashboard/inventory/adjust/", 30),
        ("/en/dashboard/inventory/transfer/", 30),
    ]:
        with django_assert_max_num_queries(budget):
            response = staff.get(url)
        assert response.status_code == 200, url


def test_movements_paginate(staff, record, shanghai):
    for _ in range(55):
        receive_stock(shanghai, record, 1)
    first = staff.get("/en/dashboard/inventory/movements/").content.decode()
    second = staff.get("/en/dashboard/inventory/movements/?page=2").content.decode()
    assert "55 movements" in first
    assert second.count("<tr>") == 1 + 5


def test_non_staff_cannot_open_the_dashboard(client, member, distributor):
    client.force_login(member(distributor))
    assert client.get("/en/dashboard/inventory/warehouses/").status_code == 302


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"delta": "-2", "reason": ""}, "This field is required"),
        ({"delta": "1.5", "reason": "x"}, "Enter a whole number"),
        ({"delta": "-40", "reason": "lost"}, "only 30 of GP-12 in stock"),
        ({"delta": "0", "reason": "x"}, "must not be 0"),
        ({"delta": "2", "reason": "x", "sku": "NOPE"}, "has no product with SKU NOPE"),
    ],
)
def test_bad_adjustments_show_a_message_and_change_nothing(staff, record, shanghai, data, error):
    receive_stock(shanghai, record, 30)
    before = StockMovement.objects.count()

    response = staff.post("/en/dashboard/inventory/adjust/", {"warehouse": shanghai.pk, "sku": "GP-12", **data})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert StockMovement.objects.count() == before
    assert WarehouseStock.objects.get().quantity == 30


def test_an_adjustment_with_a_reason_is_recorded(staff, admin_user, record, shanghai):
    receive_stock(shanghai, record, 30)
    response = staff.post(
        "/en/dashboard/inventory/adjust/", {"warehouse": shanghai.pk, "sku": "GP-12", "delta": "-4", "reason": "wet"}
    )
    assert response.status_code == 302
    movement = StockMovement.objects.get(kind="adjustment")
    assert (movement.on_hand_delta, movement.reason, movement.user) == (-4, "wet", admin_user)


def test_transfer_to_another_companys_warehouse_shows_a_message(staff, record, shanghai, beijing):
    other = Company.objects.create(name="Other", kind=Company.Kind.RETAILER)
    foreign = Warehouse.objects.create(partner=record.partner, company=other, code="OT", name="Other", city="Wuhan")
    receive_stock(shanghai, record, 30)
    before = StockMovement.objects.count()

    refused = staff.post(
        "/en/dashboard/inventory/transfer/",
        {"source": shanghai.pk, "destination": foreign.pk, "sku": "GP-12", "quantity": "5"},
    )
    done = staff.post(
        "/en/dashboard/inventory/transfer/",
        {"source": shanghai.pk, "destination": beijing.pk, "sku": "GP-12", "quantity": "5"},
    )

    assert "only be transferred between warehouses of the same company" in refused.content.decode()
    assert done.status_code == 302
    assert StockMovement.objects.count() == before + 2
    assert WarehouseStock.objects.get(warehouse=beijing).quantity == 5


def test_staff_pages_in_chinese(staff, shanghai):
    html = staff.get("/zh-hans/dashboard/inventory/warehouses/").content.decode()
    assert "仓库" in html


def _more_products(distributor, shanghai, supplier, count, start=0):
    from shop.inventory.services import StockLine, set_quantities

    lines = []
    for i in range(start, start + count):
        product = factories.ProductFactory(title=f"Marker {i}", stockrecords=None)
        factories.StockRecordFactory(product=product, partner=supplier.partner, partner_sku=f"S-{i}", num_in_stock=0)
        record = factories.StockRecordFactory(
            product=product, partner=distributor.partner, partner_sku=f"D-{i}", num_in_stock=0
        )
        lines.append(StockLine(shanghai, record, 3))
    set_quantities(lines)


@pytest.mark.parametrize(
    "url",
    [
        "/en/accounts/company/inventory/",
        "/en/accounts/company/inventory/reorder/",
        "/en/accounts/company/inventory/shared-with-me/",
        "/en/accounts/company/inventory/suppliers/",
    ],
)
def test_company_pages_do_not_query_per_line(client, member, distributor, shanghai, supplier, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    StockSharing.objects.create(company=distributor, share_with_suppliers=True, share_with_customers=True)
    client.force_login(member(supplier))
    counts = []
    for start, batch in ((0, 2), (2, 12)):
        _more_products(distributor, shanghai, supplier, batch, start)
        WarehouseStock.objects.update(safety_stock=5)  # every line needs reordering
        client.get(url)  # the first request creates the basket
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1], f"{url}: {counts[0]} queries with 2 products, {counts[1]} with 14"
    if url.rstrip("/").endswith(("reorder", "shared-with-me", "suppliers")):
        assert "Marker 13" in response.content.decode()
    assert counts[1] <= 35


@pytest.mark.parametrize("page", ["movements/", "warehouses/", "warehouse-stock"])
def test_staff_pages_do_not_query_per_row(staff, distributor, shanghai, supplier, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = (
        f"/en/dashboard/inventory/warehouses/{shanghai.pk}/"
        if page == "warehouse-stock"
        else (f"/en/dashboard/inventory/{page}")
    )
    counts = []
    for start, batch in ((0, 2), (2, 12)):
        _more_products(distributor, shanghai, supplier, batch, start)
        staff.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"{url}: {counts}"
