"""What the theme includes: the tier table tag, "sign in for prices", and product list pages' query counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from b2b_pricing.models import PriceListEntry, ProductOrderRule
from b2b_pricing_testkit import PEN_TIERS, switch
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from oscar.core.loading import get_model

from shop.apps.partner.strategy import Selector
from shop.companies.selection import attach, membership_of
from shop.plugins import state

pytestmark = pytest.mark.django_db
D = Decimal
Basket = get_model("basket", "Basket")
TAG = Template("{% load b2b_pricing %}{% b2b_tier_table product %}")


def request_for(user, basket_lines=()):
    """A storefront request as the middlewares leave it: user, company, strategy and a loaded basket."""
    request = RequestFactory().get("/en/catalogue/")
    request.user = user or AnonymousUser()
    request.session = {}
    attach(request, membership_of(user) if user else None)
    request.strategy = Selector().strategy(request=request, user=request.user, currency="CNY")
    basket = Basket.objects.create(owner=user) if user else Basket()
    basket.strategy = request.strategy
    for product, quantity in basket_lines:
        basket.add_product(product, quantity)
    basket.reset_offer_applications()
    request.basket = basket
    return request


def render(request, product) -> str:
    return TAG.render(Context({"request": request, "product": product})).strip()


def test_the_tier_table_with_the_next_saving(buyer_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    html = render(request_for(buyer_a), pen)
    assert "Your price by quantity" in html
    assert [cell for cell in ("1–11", "12–143", "144+") if cell in html] == ["1–11", "12–143", "144+"]
    assert "Buy 12 or more for CN¥0.30 less each." in html


def test_with_ten_in_the_basket_two_more_reach_the_break(buyer_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    html = render(request_for(buyer_a, [(pen, 10)]), pen)
    assert "Add 2 more for CN¥0.30 less each." in html
    assert '<tr class="table-active" aria-current="true">\n                <td>1–11</td>' in html
    html = render(request_for(buyer_a, [(pen, 12)]), pen)
    assert "Add 132 more for CN¥0.30 less each." in html


def test_variants_counted_together_show_the_family_total(buyer_a, pen_family, price_list):
    parent, children = pen_family
    price_list(tiers={parent: PEN_TIERS}, together=True)
    html = render(request_for(buyer_a, [(children["black"], 6), (children["red"], 4)]), children["green"])
    assert "All variants of this product count together towards the quantity." in html
    assert "Add 2 more for CN¥0.30 less each." in html


def test_the_order_rule_is_shown_even_without_breaks(buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, min_quantity=24, pack_size=12)
    html = render(request_for(buyer_a), pen)
    assert "Your price by quantity" not in html
    assert "Sold in packs of 12; minimum order 24." in html


def test_nothing_for_a_single_price_visitors_or_while_switched_off(buyer_a, company_a, pen, price_list):
    assert render(request_for(buyer_a), pen) == ""
    price_list(tiers={pen: PEN_TIERS})
    assert render(request_for(None), pen) == ""
    switch(False)
    assert render(request_for(buyer_a), pen) == ""


def test_sign_in_for_prices_only_when_the_operator_hides_them(buyer_a, settings):
    template = Template(
        "{% load b2b_pricing %}{% b2b_prices_hidden as hidden %}[{{ hidden }}]{% b2b_sign_in_for_prices %}"
    )
    anonymous = request_for(None)
    assert template.render(Context({"request": anonymous})).strip() == "[False]"
    settings.B2B_PRICING_HIDE_ANONYMOUS = True
    html = template.render(Context({"request": anonymous}))
    assert html.startswith("[True]") and "Sign in for prices" in html and "?next=/en/catalogue/" in html
    assert template.render(Context({"request": request_for(buyer_a)})).strip() == "[False]"
    switch(False)
    assert template.render(Context({"request": anonymous})).strip() == "[False]"


def test_the_hide_setting_also_reads_the_environment(monkeypatch, settings):
    from b2b_pricing import conf

    del settings.B2B_PRICING_HIDE_ANONYMOUS
    monkeypatch.setenv("B2B_PRICING_HIDE_ANONYMOUS", "true")
    assert conf.hide_prices_from_anonymous()
    monkeypatch.setenv("B2B_PRICING_HIDE_ANONYMOUS", "0")
    assert not conf.hide_prices_from_anonymous()


# --- product list pages -----------------------------------------------------------------------


@pytest.fixture
def indexed(settings, tmp_path, make_product, price_list, company_a):
    """Twenty products in a private search index, each with a company price and quantity breaks."""
    from haystack import connections

    previous = connections.connections_info
    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(tmp_path / "index"),
                        "SILENTLY_FAIL": False, "WRITER_TIMEOUT": 5}}
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    products = [make_product(f"LP-{n:02d}", "5.00", f"List page pen {n:02d}") for n in range(20)]
    price_list("Alpha", company=company_a, entries={p: "4.50" for p in products},
               tiers={p: [(1, 11, "4.50"), (12, None, "4.00")] for p in products})
    backend = connections["default"].get_backend()
    index = connections["default"].get_unified_index().get_index(type(products[0]))
    backend.update(index, index.index_queryset())
    yield products
    # haystack's engines read their options from settings: put both back before rebuilding the engine
    settings.HAYSTACK_CONNECTIONS = previous
    connections.connections_info = previous
    connections.reload("default")


def catalogue_queries(client, page_size: int, django_assert_max_num_queries) -> int:
    from django.urls import resolve

    view = resolve("/en/catalogue/").func.view_class
    previous = view.paginate_by
    view.paginate_by = page_size
    try:
        client.get("/en/catalogue/")  # warm: sessions, site, plugin switches
        state.states()
        with django_assert_max_num_queries(500) as captured:
            response = client.get("/en/catalogue/")
        assert response.status_code == 200
        assert len(response.context["products"]) == page_size
        return len(captured.captured_queries)
    finally:
        view.paginate_by = previous


def test_the_product_list_shows_the_buyers_price(client, buyer_a, indexed):
    client.force_login(buyer_a)
    html = client.get("/en/catalogue/").content.decode()
    assert "¥4.50" in html and "¥5.00" not in html


def test_product_list_queries_added_by_the_plugin_do_not_grow_with_page_size(
    client, buyer_a, indexed, settings, django_assert_max_num_queries
):
    settings.SHOP_PLUGIN_STATE_TTL = 3600  # hold the switches still while counting
    for n, product in enumerate(indexed):  # order rules on every card: the cards' quantity boxes ask for them
        ProductOrderRule.objects.create(product=product, min_quantity=n % 3 * 10, pack_size=12 if n % 2 else 1)
    client.force_login(buyer_a)
    with_plugin = {size: catalogue_queries(client, size, django_assert_max_num_queries) for size in (4, 16)}
    boxes = [card_box(client.get("/en/catalogue/").content, product) for product in indexed[:4]]
    assert [(b["value"], b["step"]) for b in boxes] == [("1", "1"), ("12", "12"), ("20", "1"), ("12", "12")]
    switch(False)
    state.states()
    without = {size: catalogue_queries(client, size, django_assert_max_num_queries) for size in (4, 16)}
    added = {size: with_plugin[size] - without[size] for size in (4, 16)}
    assert with_plugin[4] == with_plugin[16], with_plugin  # the whole page, not only the plugin's part
    assert added[4] == added[16], (with_plugin, without)
    assert added[16] <= 3, added


# --- quantity boxes of the listing cards ---------------------------------------------------------


def card_box(html: bytes | str, product):
    """The quantity input of ``product``'s card on a product list page (None when it has none)."""
    return BeautifulSoup(html, "html.parser").select_one(f"article.product_pod input#qty-{product.pk}")


def card_rule(html: bytes | str, product) -> str | None:
    hint = BeautifulSoup(html, "html.parser").select_one(f"#qty-rule-{product.pk}")
    return hint.get_text(" ", strip=True) if hint is not None else None


def test_listing_cards_start_at_the_buyers_smallest_order_and_step_by_the_pack(client, buyer_a, indexed):
    boxed, least_36, least_5, loose = indexed[:4]
    ProductOrderRule.objects.create(product=boxed, pack_size=12)
    ProductOrderRule.objects.create(product=least_36, min_quantity=30, pack_size=12)
    ProductOrderRule.objects.create(product=least_5, min_quantity=5)
    client.force_login(buyer_a)
    for url in ("/en/catalogue/", "/en/search/?q=pen"):
        html = client.get(url).content
        box = card_box(html, boxed)
        assert (box["value"], box["min"], box["step"]) == ("12", "12", "12"), url
        assert (box["data-order-minimum"], box["data-order-multiple"]) == ("12", "12"), url
        assert card_rule(html, boxed) == "Packs of 12, from 12"
        assert box["aria-describedby"] == f"qty-rule-{boxed.pk}"
        box = card_box(html, least_36)
        assert (box["value"], box["min"], box["step"]) == ("36", "36", "12"), url
        assert card_rule(html, least_36) == "Packs of 12, from 36"
        box = card_box(html, least_5)
        assert (box["value"], box["min"], box["step"]) == ("5", "5", "1"), url
        assert card_rule(html, least_5) == "Minimum 5"
        box = card_box(html, loose)
        assert (box["value"], box["min"], box["step"]) == ("1", "1", "1"), url
        assert card_rule(html, loose) is None and not box.has_attr("aria-describedby")
    html = client.get("/zh-hans/catalogue/").content
    assert card_rule(html, boxed) == "每包 12 件，12 件起订" and card_rule(html, least_5) == "5 件起订"


def test_a_price_list_of_the_buyers_company_sets_their_cards_rule(client, buyer_a, buyer_b, indexed):
    boxed = indexed[0]
    ProductOrderRule.objects.create(product=boxed, pack_size=12)
    PriceListEntry.objects.filter(product=boxed).update(pack_size=6, min_quantity=20)  # Alpha's list (company_a)
    client.force_login(buyer_a)  # their list: packs of 6, at least 20
    box = card_box(client.get("/en/catalogue/").content, boxed)
    assert (box["value"], box["step"]) == ("24", "6")
    client.force_login(buyer_b)  # another company: the product's own rule
    box = card_box(client.get("/en/catalogue/").content, boxed)
    assert (box["value"], box["step"]) == ("12", "12")


def test_adding_from_a_card_posts_its_quantity_and_the_server_still_enforces_the_pack(client, buyer_a, indexed):
    boxed = indexed[0]
    ProductOrderRule.objects.create(product=boxed, pack_size=12)
    client.force_login(buyer_a)
    form = card_box(client.get("/en/catalogue/").content, boxed).find_parent("form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    assert data["quantity"] == "12"

    refused = client.post(form["action"], {**data, "quantity": "13"}, follow=True)
    messages = [str(m) for m in refused.context["messages"]]
    assert any("so 13 cannot be ordered: order 12 or 24" in m for m in messages), messages
    assert not Basket.objects.filter(owner=buyer_a, lines__product=boxed).exists()

    client.post(form["action"], data, follow=True)
    basket = Basket.objects.get(owner=buyer_a, lines__product=boxed)
    assert [line.quantity for line in basket.all_lines()] == [12]


def test_with_the_plugin_switched_off_cards_start_at_1_without_a_rule(client, buyer_a, indexed):
    boxed = indexed[0]
    ProductOrderRule.objects.create(product=boxed, min_quantity=24, pack_size=12)
    switch(False)
    client.force_login(buyer_a)
    html = client.get("/en/catalogue/").content
    box = card_box(html, boxed)
    assert (box["value"], box["min"], box["step"], box["data-order-multiple"]) == ("1", "1", "1", "1")
    assert card_rule(html, boxed) is None
    form = box.find_parent("form")
    client.post(form["action"], {"quantity": "1"})
    assert [line.quantity for line in Basket.objects.get(owner=buyer_a).all_lines()] == [1]
    switch(True)  # switched back on: the rule holds again (the data was kept)
    assert card_box(client.get("/en/catalogue/").content, boxed)["value"] == "24"


def test_the_theme_product_page_shows_the_tier_table_only_while_enabled(client, buyer_a, pen, price_list):
    from shop.plugins import state

    price_list(tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    assert "Your price by quantity" in client.get(pen.get_absolute_url()).content.decode()
    state.set_enabled("b2b_pricing", False, source="command", actor="test")
    try:
        assert "Your price by quantity" not in client.get(pen.get_absolute_url()).content.decode()
    finally:
        state.set_enabled("b2b_pricing", True, source="command", actor="test")


# --- "sign in for prices" -----------------------------------------------------------------------


def list_pages(product) -> dict[str, str]:
    return {"product page": product.get_absolute_url(), "catalogue": "/en/catalogue/",
            "search results": "/en/search/?q=pen"}


def test_operators_can_hide_prices_from_visitors_on_every_page(client, indexed, settings,
                                                               django_assert_max_num_queries):
    settings.B2B_PRICING_HIDE_ANONYMOUS = True
    product = indexed[0]
    for name, url in list_pages(product).items():
        with django_assert_max_num_queries(40):
            html = client.get(url).content.decode()
        assert "Sign in for prices" in html, name
        assert "5.00" not in html and "4.50" not in html, name
        assert "/en/accounts/login/?next=" in html, name
    response = client.post(f"/en/basket/add/{product.pk}/", {"quantity": 12}, follow=True)
    assert "Sign in to see prices and to order." in [str(m) for m in response.context["messages"]]
    assert not Basket.objects.filter(lines__product=product).exists()


def test_signed_in_buyers_still_see_their_prices_when_visitors_cannot(client, buyer_a, indexed, settings):
    settings.B2B_PRICING_HIDE_ANONYMOUS = True
    client.force_login(buyer_a)
    for name, url in list_pages(indexed[0]).items():
        html = client.get(url).content.decode()
        assert "4.50" in html and "Sign in for prices" not in html, name


@pytest.mark.parametrize("why", ["operator shows prices", "plugin switched off"])
def test_visitors_see_list_prices_otherwise(client, indexed, settings, why):
    settings.B2B_PRICING_HIDE_ANONYMOUS = why == "plugin switched off"
    if why == "plugin switched off":
        switch(False)
    for name, url in list_pages(indexed[0]).items():
        html = client.get(url).content.decode()
        assert "5.00" in html and "Sign in for prices" not in html, name
    client.post(f"/en/basket/add/{indexed[0].pk}/", {"quantity": 12})
    assert Basket.objects.filter(lines__product=indexed[0]).exists()


def test_prices_are_hidden_from_visitors_only_not_from_scripts_and_tasks(pen, settings):
    settings.B2B_PRICING_HIDE_ANONYMOUS = True
    assert Selector().strategy(currency="CNY").fetch_for_product(pen).price.excl_tax == D("3.50")
    visitor = request_for(None)
    assert visitor.strategy.fetch_for_product(pen).price.is_hidden
