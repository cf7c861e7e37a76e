"""Role-aware navigation: each person finds their own functions first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def role_nav(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    nav = page.select_one("nav.role-nav")
    assert nav is not None
    return nav


def link_targets(nav) -> list[str]:
    return [a["href"] for a in nav.select("a.role-nav__link")]


def en(url_name: str) -> str:
    with translation.override("en"):
        return reverse(url_name)


def test_anonymous_visitors_see_the_catalogue_and_sign_in(client):
    nav = role_nav(client.get("/en/catalogue/"))

    targets = link_targets(nav)
    assert targets[0] == en("catalogue:index")
    assert en("customer:login") in targets
    assert en("dashboard:index") not in targets
    assert nav.select_one(".role-nav__role") is None
    assert nav.select_one(f'a[href="{en("catalogue:index")}"]')["aria-current"] == "page"


def test_retail_buyer_sees_buying_links_first(client, retail_buyer):
    # given
    client.force_login(retail_buyer)

    # when
    nav = role_nav(client.get("/en/catalogue/"))

    # then
    assert nav.select_one(".role-nav__role").get_text(strip=True) == "Retail buyer"
    assert nav.select_one(".role-nav__role")["data-role"] == "retailer"
    assert link_targets(nav)[:3] == [en("catalogue:index"), en("customer:order-list"), en("basket:summary")]
    assert en("dashboard:index") not in link_targets(nav)
    assert en("customer:login") not in link_targets(nav)


def test_operator_sees_running_the_platform_first(client, operator):
    # given
    client.force_login(operator)

    # when
    nav = role_nav(client.get("/en/catalogue/"))

    # then
    assert nav.select_one(".role-nav__role").get_text(strip=True) == "Operator"
    targets = link_targets(nav)
    assert targets[0] == en("dashboard:index")
    assert en("shop_plugins:list") in targets


def test_role_links_follow_the_language(client, retail_buyer):
    # given
    client.force_login(retail_buyer)

    # when
    nav = role_nav(client.get("/zh-hans/catalogue/"))

    # then
    labels = [a.get_text(strip=True) for a in nav.select("a.role-nav__link")]
    assert "我的订单" in labels
    assert nav.select_one(".role-nav__role").get_text(strip=True) == "零售买家"
    with translation.override("zh-hans"):
        assert reverse("customer:order-list") in link_targets(nav)


def test_signed_in_account_menu_offers_sign_out(client, retail_buyer):
    # given
    client.force_login(retail_buyer)

    # when
    page = BeautifulSoup(client.get("/en/catalogue/").content.decode(), "html.parser")

    # then
    assert page.select_one("#logout_link")["href"] == en("customer:logout")
    assert page.select_one("#login_link") is None
    assert "retail-buyer@example.com" in page.select_one("#account-menu-toggle").get_text()
