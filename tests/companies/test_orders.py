"""The company order list: placed orders join it, members of other companies get 404, CSV, query budget."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.companies.models import CompanyOrder, Membership

from .conftest import join

pytestmark = pytest.mark.django_db


def test_an_order_placed_for_the_active_company_joins_its_list(client, buyer_a, company_a, place_order):
    # given a buyer whose basket was recorded for company A
    order = place_order(buyer_a, company_a)
    # then the order belongs to company A and is listed there
    assert CompanyOrder.objects.get(order=order).company == company_a
    client.force_login(buyer_a)
    response = client.get(reverse("companies:order-list"))
    assert response.status_code == 200
    assert order.number in response.content.decode()


def test_the_basket_company_is_recorded_by_the_middleware(client, buyer_a, company_a, pen):
    client.force_login(buyer_a)
    client.post(reverse("basket:add", kwargs={"pk": pen.pk}), {"quantity": 3})
    from shop.companies.models import CompanyBasket

    link = CompanyBasket.objects.get(basket__owner=buyer_a)
    assert link.company == company_a


def test_without_a_recorded_basket_a_single_company_buyer_buys_for_it(buyer_a, company_a, place_order):
    order = place_order(buyer_a)
    assert order.company_link.company == company_a


def test_a_buyer_of_two_companies_without_a_recorded_basket_buys_for_none(
    buyer_a, company_b, place_order
):
    join(buyer_a, company_b)
    order = place_order(buyer_a)
    assert not CompanyOrder.objects.filter(order=order).exists()


def test_a_basket_recorded_for_a_company_the_buyer_left_is_not_linked(buyer_a, company_a, company_b, place_order):
    order = place_order(buyer_a, company_b)  # never a member of B
    assert order.company_link.company == company_a  # falls back to the only company the buyer has


def test_the_receiver_is_idempotent(buyer_a, company_a, place_order):
    from shop.companies.services import record_order_company

    order = place_order(buyer_a, company_a)
    assert record_order_company(order, buyer_a).company == company_a
    assert CompanyOrder.objects.filter(order=order).count() == 1


def test_colleagues_see_each_others_orders_but_not_other_companies(
    client, admin_a, buyer_a, admin_b, company_a, company_b, place_order
):
    mine = place_order(buyer_a, company_a)
    theirs = place_order(admin_b, company_b)
    client.force_login(admin_a)
    body = client.get(reverse("companies:order-list")).content.decode()
    assert mine.number in body
    assert theirs.number not in body


@pytest.mark.parametrize("name", ["companies:order-detail", "companies:order-reorder"])
def test_another_companys_order_is_404(client, buyer_a, admin_b, company_a, company_b, place_order, name):
    theirs = place_order(admin_b, company_b)
    client.force_login(buyer_a)
    url = reverse(name, kwargs={"number": theirs.number})
    response = client.post(url) if name.endswith("reorder") else client.get(url)
    assert response.status_code == 404
    # and the owner reaches it
    client.force_login(admin_b)
    response = client.post(url) if name.endswith("reorder") else client.get(url)
    assert response.status_code in (200, 302)


def test_an_order_without_company_is_404_for_everyone_in_a_company(client, buyer_a, make_user, place_order):
    loner = make_user("lone@example.com")
    order = place_order(loner)
    client.force_login(buyer_a)
    assert client.get(reverse("companies:order-detail", kwargs={"number": order.number})).status_code == 404


def test_people_without_a_company_get_404_on_company_order_pages(client, make_user):
    client.force_login(make_user("nobody@example.com"))
    assert client.get(reverse("companies:order-list")).status_code == 404
    assert client.get(reverse("companies:order-export")).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("companies:order-list"))
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


def test_filters_by_status_number_and_date(client, buyer_a, company_a, place_order):
    old = place_order(buyer_a, company_a, status="Shipped")
    old.date_placed = timezone.now() - timedelta(days=40)
    old.save()
    new = place_order(buyer_a, company_a, status="Pending")
    client.force_login(buyer_a)
    url = reverse("companies:order-list")

    def numbers(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {o.number for o in response.context["orders"]}

    assert numbers() == {old.number, new.number}
    assert numbers(status="Shipped") == {old.number}
    assert numbers(number=new.number) == {new.number}
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert numbers(date_from=since) == {new.number}
    until = (timezone.localdate() - timedelta(days=30)).isoformat()
    assert numbers(date_to=until) == {old.number}


def test_a_reversed_date_range_is_explained_and_filters_nothing(client, buyer_a, company_a, place_order):
    place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    response = client.get(reverse("companies:order-list"), {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert "The start date is after the end date." in response.content.decode()
    assert len(response.context["orders"]) == 1


def test_csv_export_has_the_filtered_company_orders_with_exact_amounts(
    client, buyer_a, admin_b, company_a, company_b, place_order
):
    shipped = place_order(buyer_a, company_a, quantity=3, status="Shipped")
    place_order(buyer_a, company_a, status="Pending")
    place_order(admin_b, company_b, status="Shipped")
    client.force_login(buyer_a)
    response = client.get(reverse("companies:order-export"), {"status": "Shipped"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["number", "date_placed", "status", "placed_by", "currency", "items", "total_excl_tax",
                       "total_incl_tax"]
    assert len(rows) == 2
    number, _placed, status, placed_by, currency, items, excl, incl = rows[1]
    assert (number, status, placed_by, currency, items) == (shipped.number, "Shipped", buyer_a.email, "CNY", "3")
    assert Decimal(excl) == shipped.total_excl_tax
    assert Decimal(incl) == shipped.total_incl_tax == Decimal("22.50")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, make_user, company_a, place_order):
    sneaky = make_user("=cmd@alpha.example")
    join(sneaky, company_a)
    place_order(sneaky, company_a)
    client.force_login(sneaky)
    body = b"".join(client.get(reverse("companies:order-export")).streaming_content).decode()
    assert "'=cmd@alpha.example" in body


def test_list_paginates_at_25(client, buyer_a, company_a, place_order):
    for _ in range(26):
        place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    response = client.get(reverse("companies:order-list"))
    assert len(response.context["orders"]) == 25
    assert response.context["paginator"].num_pages == 2
    assert len(client.get(reverse("companies:order-list"), {"page": 2}).context["orders"]) == 1


def test_order_list_queries_do_not_grow_with_the_orders(
    client, buyer_a, company_a, place_order, django_assert_max_num_queries
):
    place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    url = reverse("companies:order-list")
    client.get(url)  # warm-up: session, basket, caches
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for _ in range(12):
        place_order(buyer_a, company_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["orders"]) == 13


def test_export_queries_do_not_grow_with_the_orders(
    client, buyer_a, company_a, place_order, django_assert_max_num_queries
):
    place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    url = reverse("companies:order-export")
    b"".join(client.get(url).streaming_content)
    with django_assert_max_num_queries(20) as few:
        b"".join(client.get(url).streaming_content)
    for _ in range(8):
        place_order(buyer_a, company_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = b"".join(client.get(url).streaming_content)
    assert body.count(b"\n") == 10


def test_reorder_puts_the_same_lines_into_the_basket(client, buyer_a, company_a, place_order, pen):
    order = place_order(buyer_a, company_a, quantity=4)
    client.force_login(buyer_a)
    response = client.post(reverse("companies:order-reorder", kwargs={"number": order.number}), follow=True)
    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    basket = response.context["basket"]
    assert [(line.product_id, line.quantity) for line in basket.all_lines()] == [(pen.pk, 4)]
    assert "1 line from the order was added to your basket." in response.content.decode()


def test_reorder_reports_products_no_longer_sold(client, buyer_a, company_a, place_order, pen):
    order = place_order(buyer_a, company_a)
    pen.stockrecords.all().delete()
    client.force_login(buyer_a)
    response = client.post(reverse("companies:order-reorder", kwargs={"number": order.number}), follow=True)
    body = response.content.decode()
    assert "is no longer available" in body
    assert "Nothing was added to your basket." in body


def test_viewers_cannot_reorder(client, make_user, company_a, buyer_a, place_order):
    order = place_order(buyer_a, company_a)
    viewer = make_user("vic@alpha.example")
    join(viewer, company_a, Membership.Role.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("companies:order-detail", kwargs={"number": order.number})).status_code == 200
    assert client.post(reverse("companies:order-reorder", kwargs={"number": order.number})).status_code == 403
