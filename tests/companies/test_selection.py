"""The active company: set per request from memberships, switched only to one's own companies, and its currency."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from shop.companies.models import Company, Membership
from shop.companies.selection import SESSION_KEY
from shop.core.navigation import links_for
from shop.core.roles import GROUP_NAMES, Role
from shop.currency.selection import currency_for_request

from .conftest import join

pytestmark = pytest.mark.django_db


def _request_of(client, path="/en/"):
    """The request object a page was rendered with."""
    return client.get(path).wsgi_request


def test_people_without_a_company_have_none(client, make_user):
    request = _request_of(client)
    assert (request.company, request.membership) == (None, None)
    client.force_login(make_user("solo@example.com"))
    request = _request_of(client)
    assert (request.company, request.membership) == (None, None)


def test_a_member_acts_for_their_company(client, buyer_a, company_a):
    client.force_login(buyer_a)
    request = _request_of(client)
    assert request.company == company_a
    assert request.membership.role == Membership.Role.BUYER


def test_switching_to_another_of_ones_companies(client, buyer_a, company_a, company_b):
    join(buyer_a, company_b, Membership.Role.VIEWER)
    client.force_login(buyer_a)
    response = client.post(reverse("companies:switch"), {"company": company_b.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("companies:home")
    assert "You are now buying for Beta Office Supply." in response.content.decode()
    request = _request_of(client)
    assert request.company == company_b
    assert request.membership.role == Membership.Role.VIEWER


def test_switching_to_a_company_one_is_not_a_member_of_is_404(client, buyer_a, company_a, company_b):
    client.force_login(buyer_a)
    assert client.post(reverse("companies:switch"), {"company": company_b.pk}).status_code == 404
    assert client.post(reverse("companies:switch"), {"company": "nonsense"}).status_code == 404
    assert _request_of(client).company == company_a


def test_switching_to_an_inactive_company_is_404(client, buyer_a, company_a, company_b):
    join(buyer_a, company_b)
    Company.objects.filter(pk=company_b.pk).update(is_active=False)
    client.force_login(buyer_a)
    assert client.post(reverse("companies:switch"), {"company": company_b.pk}).status_code == 404


def test_switch_only_answers_post(client, buyer_a, company_a):
    client.force_login(buyer_a)
    assert client.get(reverse("companies:switch")).status_code == 405


def test_a_forged_or_stale_session_company_falls_back_to_a_real_membership(client, buyer_a, company_a, company_b):
    client.force_login(buyer_a)
    session = client.session
    session[SESSION_KEY] = company_b.pk  # not a member of B
    session.save()
    request = _request_of(client)
    assert request.company == company_a
    assert client.session[SESSION_KEY] == company_a.pk


def test_removal_from_the_active_company_takes_effect_on_the_next_request(client, buyer_a, company_a, company_b):
    join(buyer_a, company_b)
    client.force_login(buyer_a)
    client.post(reverse("companies:switch"), {"company": company_b.pk})
    Membership.objects.filter(user=buyer_a, company=company_b).delete()
    assert _request_of(client).company == company_a


def test_switching_company_records_the_basket_for_the_new_company(client, buyer_a, company_a, company_b, pen):
    from shop.companies.models import CompanyBasket

    join(buyer_a, company_b)
    client.force_login(buyer_a)
    client.post(reverse("basket:add", kwargs={"pk": pen.pk}), {"quantity": 1})
    assert CompanyBasket.objects.get(basket__owner=buyer_a).company == company_a
    client.post(reverse("companies:switch"), {"company": company_b.pk})
    assert CompanyBasket.objects.get(basket__owner=buyer_a).company == company_b


def test_the_company_billing_currency_beats_the_session_choice(client, buyer_a, company_a):
    company_a.billing_currency = "USD"
    company_a.save()
    client.force_login(buyer_a)
    session = client.session
    session["shop_currency"] = "EUR"
    session.save()
    response = client.get(reverse("companies:home"))
    assert response.context["shop_currency"] == "USD"


def test_without_a_fixed_currency_the_session_choice_holds(client, buyer_a, company_a):
    client.force_login(buyer_a)
    session = client.session
    session["shop_currency"] = "EUR"
    session.save()
    response = client.get(reverse("companies:home"))
    assert response.context["shop_currency"] == "EUR"


def test_currency_without_company_attribute_still_works():
    request = RequestFactory().get("/")
    request.session = {}
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert currency_for_request(request) == "CNY"


def _labels(user) -> list[str]:
    return [link.label for link in links_for(user)]


def test_buyers_navigation_has_company_links_and_members_for_admins(client, admin_a, buyer_a, make_user):
    group, _ = Group.objects.get_or_create(name=GROUP_NAMES[Role.RETAILER])
    for user in (admin_a, buyer_a):
        user.groups.add(group)
    client.force_login(admin_a)
    admin_links = {link.label: link.url for link in links_for(_request_of(client).user)}
    assert admin_links["Company"] == reverse("companies:home")
    assert admin_links["Company orders"] == reverse("companies:order-list")
    assert admin_links["Members"] == reverse("companies:member-list")
    client.force_login(buyer_a)
    buyer_labels = _labels(_request_of(client).user)
    assert "Company orders" in buyer_labels and "Members" not in buyer_labels
    outsider = make_user("retail@example.com")
    outsider.groups.add(group)
    assert "Company" not in _labels(outsider)


def test_company_links_show_in_the_page_menu(client, buyer_a):
    buyer_a.groups.add(Group.objects.get_or_create(name=GROUP_NAMES[Role.DISTRIBUTOR])[0])
    client.force_login(buyer_a)
    body = client.get(reverse("companies:home")).content.decode()
    assert f'href="{reverse("companies:order-list")}"' in body


def test_the_switcher_tells_a_company_buyer_their_currency_is_fixed(client, buyer_a, company_a):
    company_a.billing_currency = "USD"
    company_a.save()
    client.force_login(buyer_a)
    response = client.post(reverse("set_currency"), {"currency": "EUR", "next": reverse("companies:home")}, follow=True)
    assert "buys in USD; prices stay in USD" in response.content.decode()
    assert client.session.get("shop_currency") != "EUR"
