"""The buyer's price reaches Oscar's basket and checkout through the core chain; order rules hold at checkout."""

from __future__ import annotations

from decimal import Decimal

import pytest
from b2b_pricing.models import PriceListEntry, ProductOrderRule
from b2b_pricing.services import editing
from b2b_pricing_testkit import PEN_TIERS, switch
from django.urls import reverse

pytestmark = pytest.mark.django_db
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
    """Messages the checkout's pre-conditions give (the core runs shop_checkout_validate there)."""
    response = client.get(reverse("checkout:index"), follow=True)
    return [str(m) for m in response.context["messages"]]


def test_checkout_refuses_a_quantity_that_is_not_a_pack_multiple(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    add(client, pen, 13)
    problems = checkout_problems(client)
    expected = "Gel pen 0.5 blue is sold in packs of 12, so 13 cannot be ordered: order 12 or 24."
    assert expected in problems


def test_checkout_refuses_a_quantity_below_the_minimum(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, min_quantity=30, pack_size=12)
    client.force_login(buyer_a)
    add(client, pen, 24)
    assert "Gel pen 0.5 blue: the minimum order is 30, so 24 is too few. Order 36." in checkout_problems(client)


def test_a_price_list_sets_its_own_rule_for_its_buyers(client, buyer_a, buyer_b, company_a, pen, price_list):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    pl = price_list(entries={pen: "3.00"}, company=company_a)
    PriceListEntry.objects.filter(price_list=pl).update(pack_size=6)
    pl.save()
    client.force_login(buyer_a)
    add(client, pen, 18)
    assert not any("packs of" in p for p in checkout_problems(client))
    client.force_login(buyer_b)
    add(client, pen, 18)
    assert any("sold in packs of 12" in p for p in checkout_problems(client))


def test_order_rules_are_not_checked_while_switched_off(client, buyer_a, pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    add(client, pen, 13)
    switch(False)
    assert not any("packs of" in p for p in checkout_problems(client))
