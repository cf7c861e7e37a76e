"""Order pages for buyers, suppliers and operators: scoping (404 across companies and suppliers), actions,
timeline, and query budgets."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shop.orders.lifecycle import transition
from shop.orders.models import AlertSettings, OrderEvent, Role, State, SupplierSLA

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(buyer_a, company_a, paper, pens, place_order):
    return place_order(buyer_a, company_a, [(paper, 3), (pens, 2)], method="on-account")


def group_of(order, supplier):
    return order.fulfilment_groups.get(partner=supplier[0])


# --- buyers --------------------------------------------------------------------------------------------------


def test_buyer_sees_one_order_with_both_suppliers_and_the_timeline(
    client, buyer_a, order, paper_co, django_assert_max_num_queries
):
    transition(group_of(order, paper_co), State.CONFIRMED, user=paper_co[1], role=Role.SUPPLIER)
    client.force_login(buyer_a)

    with django_assert_max_num_queries(40):
        response = client.get(reverse("companies:order-detail", kwargs={"number": order.number}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Paper Co" in html and "Pen Works" in html
    assert 'id="order-timeline"' in html and "Order placed" in html and "Confirmed" in html
    assert "Pay on account" in html
    assert 'id="cancel-order"' in html


def test_another_companys_buyer_gets_404_on_every_order_url(client, buyer_b, order, paper_co):
    client.force_login(buyer_b)
    group = group_of(order, paper_co)
    urls = [
        ("get", reverse("companies:order-detail", kwargs={"number": order.number})),
        ("post", reverse("shop_orders:buyer-cancel", kwargs={"number": order.number})),
        ("get", reverse("shop_orders:buyer-return", kwargs={"number": order.number})),
        ("post", reverse("shop_orders:buyer-transition", kwargs={"pk": group.pk})),
    ]
    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url
    order.refresh_from_db()
    assert order.status == "Submitted"


def test_buyer_cancels_from_the_order_page(client, buyer_a, order):
    client.force_login(buyer_a)
    response = client.post(reverse("shop_orders:buyer-cancel", kwargs={"number": order.number}), follow=True)
    assert "is cancelled" in response.content.decode()
    order.refresh_from_db()
    assert order.status == "Cancelled"


def test_buyer_may_not_confirm_for_the_supplier(client, buyer_a, order, paper_co):
    client.force_login(buyer_a)
    group = group_of(order, paper_co)
    response = client.post(
        reverse("shop_orders:buyer-transition", kwargs={"pk": group.pk}), {"to_state": "confirmed"}, follow=True
    )
    assert "cannot be set to Confirmed by a buyer" in response.content.decode()
    group.refresh_from_db()
    assert group.state == State.SUBMITTED


def test_buyer_searches_company_orders_by_sku(client, buyer_a, company_a, order, paper, place_order):
    other = place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    client.force_login(buyer_a)
    response = client.get(reverse("companies:order-list"), {"number": "GP-12"})
    numbers = [o.number for o in response.context["orders"]]
    assert numbers == [order.number]
    assert other.number not in numbers


# --- suppliers -----------------------------------------------------------------------------------------------


def test_supplier_lists_only_their_part_of_orders(
    client, order, paper_co, buyer_a, company_a, paper, place_order, django_assert_max_num_queries
):
    for _ in range(3):
        place_order(buyer_a, company_a, [(paper, 1)], method="on-account")
    client.force_login(paper_co[1])
    # the page layout (session, basket, navigation) takes ~18; the list a fixed handful whatever its length
    with django_assert_max_num_queries(24):
        response = client.get(reverse("shop_orders:supplier-list"))
    assert {g.partner_id for g in response.context["groups"]} == {paper_co[0].pk}
    assert len(response.context["groups"]) == 4


def test_supplier_page_shows_only_their_lines_and_other_suppliers_get_404(
    client, order, paper_co, pen_works, django_assert_max_num_queries
):
    client.force_login(paper_co[1])
    own = group_of(order, paper_co)
    with django_assert_max_num_queries(36):
        response = client.get(reverse("shop_orders:supplier-detail", kwargs={"pk": own.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "A4 paper" in html and "Gel pen" not in html

    foreign = group_of(order, pen_works)
    for name in ("supplier-detail", "supplier-transition", "supplier-ship", "supplier-merge"):
        method = client.get if name == "supplier-detail" else client.post
        assert method(reverse(f"shop_orders:{name}", kwargs={"pk": foreign.pk})).status_code == 404, name
    foreign.refresh_from_db()
    assert foreign.state == State.SUBMITTED


def test_non_suppliers_get_404_on_the_supplier_pages(client, buyer_a):
    client.force_login(buyer_a)
    assert client.get(reverse("shop_orders:supplier-list")).status_code == 404


def test_supplier_confirms_and_ships_part_through_the_pages(client, order, paper_co):
    client.force_login(paper_co[1])
    group = group_of(order, paper_co)
    line = order.lines.get(partner=paper_co[0])

    client.post(reverse("shop_orders:supplier-transition", kwargs={"pk": group.pk}), {"to_state": "confirmed"})
    response = client.post(
        reverse("shop_orders:supplier-ship", kwargs={"pk": group.pk}),
        {f"qty-{line.pk}": "2", "carrier": "SF Express", "tracking_number": "SF0001"},
        follow=True,
    )

    assert "Shipment" in response.content.decode() and "SF0001" in response.content.decode()
    # the page says where the still reserved units lie (the per-warehouse picking split)
    assert 'class="pick-from small">Paper Co warehouse: 1<' in response.content.decode()
    group.refresh_from_db()
    assert group.state == State.PARTIALLY_SHIPPED
    too_many = client.post(
        reverse("shop_orders:supplier-ship", kwargs={"pk": group.pk}), {f"qty-{line.pk}": "5"}, follow=True
    )
    assert "Only 1 of A4 paper" in too_many.content.decode()
    fractional = client.post(
        reverse("shop_orders:supplier-ship", kwargs={"pk": group.pk}), {f"qty-{line.pk}": "0.5"}, follow=True
    )
    assert "whole numbers" in fractional.content.decode()
    assert order.timeline.filter(kind=OrderEvent.Kind.SHIPMENT).count() == 1


# --- operators -----------------------------------------------------------------------------------------------


def test_staff_order_list_and_detail_show_alerts_and_timeline(
    client, staff, order, django_assert_max_num_queries
):
    client.force_login(staff)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("orders_dashboard:list"))
    assert order.number in response.content.decode()
    with django_assert_max_num_queries(40):
        response = client.get(reverse("orders_dashboard:detail", kwargs={"number": order.number}))
    assert response.status_code == 200 and 'id="order-timeline"' in response.content.decode()


def test_dashboard_is_for_staff_only(client, buyer_a, order):
    assert client.get(reverse("orders_dashboard:list")).status_code == 302
    client.force_login(buyer_a)
    assert client.get(reverse("orders_dashboard:list")).status_code == 403
    assert client.post(reverse("orders_dashboard:mark-paid", kwargs={"number": order.number})).status_code == 403


def test_staff_set_thresholds_and_supplier_slas_bad_input_refused(client, staff, paper_co):
    client.force_login(staff)
    url = reverse("orders_dashboard:settings")
    form = {"confirm_within_hours": "8", "reservation_warning_hours": "6", "unpaid_hold_hours": "48"}
    bad = client.post(url, {**form, "confirm_within_hours": "0", "recipients": "nope"})
    assert bad.status_code == 400 and "not an email address" in bad.content.decode()
    assert AlertSettings.current().confirm_within_hours == 24

    client.post(url, {**form, "recipients": "ops@x.example"})
    assert AlertSettings.current().confirm_within_hours == 8
    client.post(url, {"save_sla": "1", "partner": paper_co[0].pk, "confirm_within_hours": "4"})
    assert SupplierSLA.objects.get(partner=paper_co[0]).confirm_within_hours == 4


def test_order_pages_speak_chinese(client, buyer_a, order, paper_co):
    from django.utils import translation

    client.force_login(paper_co[1])
    with translation.override("zh-hans"):
        supplier_url = reverse("shop_orders:supplier-detail", kwargs={"pk": group_of(order, paper_co).pk})
        buyer_url = reverse("companies:order-detail", kwargs={"number": order.number})
    html = client.get(supplier_url).content.decode()
    assert "确认订单" in html and "已提交" in html and "本次发货" not in html  # not shippable before confirming
    client.force_login(buyer_a)
    html = client.get(buyer_url).content.decode()
    assert "挂账付款" in html and "取消订单" in html and "已下单" in html


def test_members_of_the_supplier_company_see_its_orders(client, order, paper_co, make_user):
    from shop.companies.models import Company, Membership

    supplier_company = Company.objects.create(name="Paper Co Ltd", kind=Company.Kind.SUPPLIER, partner=paper_co[0])
    clerk = make_user("clerk@paper.example")
    Membership.objects.create(user=clerk, company=supplier_company, role=Membership.Role.VIEWER)
    client.force_login(clerk)
    response = client.get(reverse("shop_orders:supplier-list"))
    assert [g.order.number for g in response.context["groups"]] == [order.number]
