"""The buyer's price reaches Oscar's basket and checkout through the core chain; order rules hold at checkout."""

from __future__ import annotations

from decimal import Decimal

import pytest
from b2b_pricing.models import PriceListEntry, ProductOrderRule
from b2b_pricing.services import editing
from b2b_pricing_testkit import PEN_TIERS, switch
from django.urls import reverse
from oscar.core.loading import get_model

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
D = Decimal


def add(client, product, quantity: int):
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302, response.content[:500]


def basket_lines(client) -> dict[str, tuple[int, Decimal, Decimal]]:
    """Title → (quantity, unit price, line price) as the basket page computes them."""
    response = client.get(reverse("basket:summary"))
    assert response.status_code == 200
    basket = response.context["basket"]
    return {
        line.product.get_title(): (line.quantity, line.unit_price_excl_tax, line.line_price_excl_tax)
        for line in basket.all_lines()
    }


def test_the_basket_applies_the_break_its_quantity_reaches(client, buyer_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    add(client, pen, 11)
    assert basket_lines(client)[pen.get_title()] == (11, D("3.50"), D("38.50"))
    add(client, pen, 1)
    assert basket_lines(client)[pen.get_title()] == (12, D("3.20"), D("38.40"))
    add(client, pen, 132)
    assert basket_lines(client)[pen.get_title()] == (144, D("2.90"), D("417.60"))


def test_reaching_a_break_is_not_reported_as_a_price_change(client, buyer_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    add(client, pen, 6)
    add(client, pen, 6)
    response = client.get(reverse("basket:summary"))
    line = response.context["basket"].all_lines()[0]
    assert line.price_excl_tax == D("3.20")
    assert line.get_warning() is None


def test_mixed_colours_reach_the_family_break_in_the_basket(client, buyer_a, pen_family, price_list):
    parent, children = pen_family
    price_list(tiers={parent: PEN_TIERS}, together=True)
    client.force_login(buyer_a)
    add(client, children["black"], 6)
    add(client, children["red"], 5)
    assert {q for q, _unit, _line in basket_lines(client).values()} == {6, 5}
    assert {unit for _q, unit, _line in basket_lines(client).values()} == {D("3.50")}
    add(client, children["green"], 1)
    assert {unit for _q, unit, _line in basket_lines(client).values()} == {D("3.20")}


def test_other_companies_keep_their_own_prices_in_their_baskets(client, buyer_a, buyer_b, company_a, pen, price_list):
    price_list(entries={pen: "2.80"}, company=company_a)
    client.force_login(buyer_b)
    add(client, pen, 2)
    assert basket_lines(client)[pen.get_title()][1] == D("3.50")
    client.force_login(buyer_a)
    add(client, pen, 2)
    assert basket_lines(client)[pen.get_title()][1] == D("2.80")


def test_switching_off_returns_everyone_to_list_prices_and_on_again_restores(client, buyer_a, company_a, pen,
                                                                             price_list):
    price_list(entries={pen: "2.80"}, company=company_a, tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    add(client, pen, 12)
    assert basket_lines(client)[pen.get_title()][1] == D("3.20")
    switch(False)
    assert basket_lines(client)[pen.get_title()][1] == D("3.50")
    assert PriceListEntry.objects.filter(product=pen).count() == 1  # nothing was deleted
    switch(True)
    assert basket_lines(client)[pen.get_title()][1] == D("3.20")


def test_a_price_change_reaches_the_next_request(client, buyer_a, company_a, pen, price_list):
    pl = price_list(entries={pen: "3.00"}, company=company_a)
    client.force_login(buyer_a)
    add(client, pen, 1)
    assert basket_lines(client)[pen.get_title()][1] == D("3.00")
    entry = pl.entries.get()
    entry.price = D("2.70")
    editing.save_entry(entry, None)
    assert basket_lines(client)[pen.get_title()][1] == D("2.70")


def checkout_problems(client) -> list[str]:
    """Messages the checkout's pre-conditions give (Oscar's line check, then the core's shop_checkout_validate)."""
    response = client.get(reverse("checkout:index"), follow=True)
    return [str(m) for m in response.context["messages"]]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def post_add(client, product, quantity: int):
    return client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity}, follow=True)


def update_line(client, quantity: int):
    """Change the basket's only line on the basket page, as the buyer's form does."""
    formset = client.get(reverse("basket:summary")).context["formset"]
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000", "form-0-id": str(formset.forms[0].instance.pk),
            "form-0-quantity": str(quantity)}
    return client.post(reverse("basket:summary"), data)


def quantity_in_basket(client, product) -> int | None:
    return basket_lines(client).get(product.get_title(), (None,))[0]


PACKS_13 = "Gel pen 0.5 blue is sold in packs of 12, so 13 cannot be ordered: order 12 or 24."


def test_adding_13_of_a_box_of_12_on_the_product_page_is_refused_with_the_quantities_that_work(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    assert PACKS_13 in messages_of(post_add(client, pen, 13))
    assert quantity_in_basket(client, pen) is None
    add(client, pen, 12)
    add(client, pen, 12)
    assert quantity_in_basket(client, pen) == 24
    refused = "Gel pen 0.5 blue is sold in packs of 12, so 25 cannot be ordered: order 24 or 36."
    assert refused in messages_of(post_add(client, pen, 1))  # what the basket would then hold counts
    assert quantity_in_basket(client, pen) == 24


def test_visitors_who_are_not_signed_in_get_the_products_own_rule(client, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    assert PACKS_13 in messages_of(post_add(client, pen, 13))
    add(client, pen, 12)
    assert quantity_in_basket(client, pen) == 12


def test_changing_a_basket_line_to_13_is_refused(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    add(client, pen, 12)
    assert PACKS_13 in update_line(client, 13).content.decode()
    assert quantity_in_basket(client, pen) == 12
    update_line(client, 36)
    assert quantity_in_basket(client, pen) == 36


def test_adding_below_the_minimum_is_refused(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, min_quantity=30, pack_size=12)
    client.force_login(buyer_a)
    message = "Gel pen 0.5 blue: the minimum order is 30, so 24 is too few. Order 36."
    assert message in messages_of(post_add(client, pen, 24))
    add(client, pen, 36)
    assert quantity_in_basket(client, pen) == 36


def test_a_price_list_sets_its_own_rule_for_its_buyers(client, buyer_a, buyer_b, company_a, pen, price_list):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    pl = price_list(entries={pen: "3.00"}, company=company_a)
    PriceListEntry.objects.filter(price_list=pl).update(pack_size=6)
    pl.save()
    client.force_login(buyer_a)
    add(client, pen, 18)
    assert quantity_in_basket(client, pen) == 18
    client.force_login(buyer_b)
    assert any("sold in packs of 12" in m for m in messages_of(post_add(client, pen, 18)))
    assert quantity_in_basket(client, pen) is None


def test_order_rules_are_not_applied_while_switched_off(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    switch(False)
    add(client, pen, 13)
    assert quantity_in_basket(client, pen) == 13
    assert not any("packs of" in p for p in checkout_problems(client))
    switch(True)
    assert any(PACKS_13 in p for p in checkout_problems(client))


def test_checkout_refuses_what_a_rule_made_since_forbids(client, buyer_a, pen):
    client.force_login(buyer_a)
    add(client, pen, 13)
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    assert any(PACKS_13 in p for p in checkout_problems(client))


def test_checkout_refuses_a_quantity_below_the_minimum(client, buyer_a, pen):
    client.force_login(buyer_a)
    add(client, pen, 24)
    ProductOrderRule.objects.create(product=pen, min_quantity=30, pack_size=12)
    message = "Gel pen 0.5 blue: the minimum order is 30, so 24 is too few. Order 36."
    assert any(message in p for p in checkout_problems(client))


def test_the_rules_of_a_whole_basket_cost_one_query_per_request(buyer_a, make_product, django_assert_num_queries):
    from b2b_pricing.services import order_rules
    from b2b_pricing.services.buyers import book_for
    from django.test import RequestFactory

    from shop.apps.partner.strategy import Selector

    products = [make_product(f"RULE-{n:02d}") for n in range(30)]
    ProductOrderRule.objects.bulk_create(ProductOrderRule(product=p, pack_size=12) for p in products[::2])
    basket = Basket.objects.create(owner=buyer_a)
    basket.strategy = Selector().strategy(user=buyer_a, currency="CNY")
    for product in products:
        basket.add_product(product, 12)
    request = RequestFactory().get("/")
    request.user = buyer_a
    book = book_for(buyer_a, request, "CNY")
    book.lists  # noqa: B018 - the buyer's price lists, loaded once per request whatever the rules
    lines = list(basket.all_lines())
    with django_assert_num_queries(1):
        answers = [order_rules.purchase_problem(book, line.product, 13, basket=basket, request=request)
                   for line in lines]
    assert sum(1 for a in answers if a) == 15


def test_the_product_pages_quantity_box_starts_at_the_buyers_smallest_order(client, buyer_a, buyer_b, company_a, pen,
                                                                             price_list):
    ProductOrderRule.objects.create(product=pen, min_quantity=30, pack_size=12)
    pl = price_list(entries={pen: "3.00"}, company=company_a)
    PriceListEntry.objects.filter(price_list=pl).update(pack_size=6)
    pl.save()

    def box() -> str:
        html = client.get(pen.get_absolute_url()).content.decode()
        start = html.index('name="quantity"')
        return html[html.rindex("<input", 0, start):html.index(">", start)]

    client.force_login(buyer_b)
    assert 'value="36"' in box() and 'data-order-multiple="12"' in box()
    client.force_login(buyer_a)
    assert 'value="30"' in box() and 'data-order-multiple="6"' in box()  # their list: packs of 6, minimum 30
    switch(False)
    assert 'value="1"' in box()
