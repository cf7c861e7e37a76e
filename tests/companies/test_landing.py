"""The company home: each kind of company sees its own page; staff go to the dashboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.test import factories

from shop.companies.models import Company, Membership

from .conftest import join

pytestmark = pytest.mark.django_db


def test_a_retailer_sees_orders_to_repeat_and_an_empty_promotions_state(client, buyer_a, company_a, place_order):
    order = place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    response = client.get(reverse("companies:home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="quick-reorder"' in body
    assert reverse("companies:order-reorder", kwargs={"number": order.number}) in body
    assert 'id="promotions"' in body
    assert "No promotions are running right now." in body
    assert 'id="stock"' not in body


def test_a_retailer_sees_the_site_offers_running_now(client, buyer_a):
    running = factories.create_offer(name="Back to school: 10% off pens")
    factories.create_offer(name="Closed offer", status="Suspended")
    client.force_login(buyer_a)
    body = client.get(reverse("companies:home")).content.decode()
    assert running.name in body
    assert reverse("offer:detail", kwargs={"slug": running.slug}) in body
    assert "Closed offer" not in body


def test_a_retailer_without_orders_gets_an_empty_state(client, buyer_a):
    client.force_login(buyer_a)
    assert "Your company has not ordered yet." in client.get(reverse("companies:home")).content.decode()


@pytest.fixture
def distributor(db, make_user):
    company = Company.objects.create(name="Delta Distribution", kind=Company.Kind.DISTRIBUTOR)
    user = make_user("dan@delta.example")
    join(user, company, Membership.Role.BUYER)
    return company, user


def test_a_distributor_sees_stock_of_what_it_ordered_and_its_customers_orders(
    client, distributor, buyer_a, company_a, company_b, admin_b, place_order, pen
):
    company, dan = distributor
    other = factories.create_product(title="A4 paper, carton", price=Decimal("99.00"), num_in_stock=0)
    place_order(dan, company, product=pen)
    company_a.distributor = company
    company_a.save()
    served = place_order(buyer_a, company_a, product=other)
    not_served = place_order(admin_b, company_b)
    client.force_login(dan)
    body = client.get(reverse("companies:home")).content.decode()
    assert 'id="stock"' in body and pen.title in body
    assert "A4 paper, carton" not in body.split('id="stock"')[1].split("</section>")[0]
    assert 'id="customer-orders"' in body
    assert served.number in body and "Alpha Stationers" in body
    assert not_served.number not in body
    assert 'id="promotions"' not in body


def test_a_distributor_stock_summary_shows_availability(client, distributor, place_order, pen):
    company, dan = distributor
    place_order(dan, company, product=pen)
    pen.stockrecords.update(num_in_stock=0, num_allocated=0)
    client.force_login(dan)
    section = client.get(reverse("companies:home")).content.decode().split('id="stock"')[1].split("</section>")[0]
    assert "text-danger" in section


def test_the_distributor_landing_queries_do_not_grow_with_orders(
    client, distributor, buyer_a, company_a, place_order, django_assert_max_num_queries
):
    company, dan = distributor
    company_a.distributor = company
    company_a.save()
    place_order(dan, company)
    client.force_login(dan)
    url = reverse("companies:home")
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(6):
        product = factories.create_product(title=f"Product {n}", price=Decimal("1.00"), num_in_stock=10)
        place_order(dan, company, product=product)
        place_order(buyer_a, company_a, product=product)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_a_customers_order_is_not_a_distributors_own_order(client, distributor, buyer_a, company_a, place_order):
    company, dan = distributor
    company_a.distributor = company
    company_a.save()
    order = place_order(buyer_a, company_a)
    client.force_login(dan)
    assert client.get(reverse("companies:order-detail", kwargs={"number": order.number})).status_code == 404


def test_staff_are_sent_to_the_dashboard(client, make_user):
    client.force_login(make_user("op@example.com", is_staff=True))
    response = client.get(reverse("companies:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:index")


def test_someone_without_a_company_is_told_how_to_get_one(client, make_user):
    client.force_login(make_user("solo@example.com"))
    response = client.get(reverse("companies:home"))
    assert response.status_code == 200
    assert 'id="no-company"' in response.content.decode()


def test_the_switcher_shows_only_with_several_companies(client, buyer_a, company_b):
    client.force_login(buyer_a)
    assert 'id="company-switcher"' not in client.get(reverse("companies:home")).content.decode()
    join(buyer_a, company_b)
    body = client.get(reverse("companies:home")).content.decode()
    assert 'id="company-switcher"' in body and "Beta Office Supply" in body


def test_admins_see_only_the_end_of_the_secrets(client, admin_a, buyer_a, company_a):
    company_a.tax_id = "91330100MA27XYZ123"
    company_a.bank_account = "ICBC Hangzhou, 6222 0000 1111 2222"
    company_a.save()
    client.force_login(admin_a)
    body = client.get(reverse("companies:home")).content.decode()
    assert "Z123" in body and "91330100MA27XYZ123" not in body
    assert "2222" in body and "6222 0000" not in body
    client.force_login(buyer_a)
    assert "Z123" not in client.get(reverse("companies:home")).content.decode()


def test_pages_render_in_chinese(client, buyer_a, place_order, company_a):
    place_order(buyer_a, company_a)
    client.force_login(buyer_a)
    for path in ("/zh-hans/accounts/company/", "/zh-hans/accounts/company/orders/",
                 "/zh-hans/accounts/company/addresses/"):
        assert client.get(path).status_code == 200
