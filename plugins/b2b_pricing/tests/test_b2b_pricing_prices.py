"""Which price a buyer pays: audiences, priority, dates, currency, quantity breaks, variants, contracts."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from b2b_pricing.models import ContractPrice
from b2b_pricing.services.buyers import forget_books
from b2b_pricing.services.pricebook import PriceBook, Source
from b2b_pricing_testkit import PEN_TIERS
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from shop.apps.partner.strategy import Selector

pytestmark = pytest.mark.django_db
D = Decimal


def price_for(user, product, currency: str = "CNY") -> Decimal:
    """The unit price the core strategy (list price → plugin chain) gives ``user``."""
    if user is not None and user.is_authenticated:
        forget_books(user)
    return Selector().strategy(user=user, currency=currency).fetch_for_product(product).price.excl_tax


def quote(company, product, quantity=1, family=None, currency="CNY", list_price="3.50"):
    return PriceBook(company, currency).quote(product, D(list_price), quantity, family)


def test_without_price_lists_everyone_pays_the_list_price(buyer_a, pen):
    assert price_for(buyer_a, pen) == D("3.50")


def test_visitors_who_are_not_signed_in_pay_the_list_price(pen, price_list):
    price_list(entries={pen: "3.00"})
    assert price_for(AnonymousUser(), pen) == D("3.50")
    assert price_for(None, pen) == D("3.50")


def test_a_list_for_everyone_reaches_every_signed_in_buyer(buyer_a, buyer_b, make_user, pen, price_list):
    price_list(entries={pen: "3.30"})
    loner = make_user("solo@example.com")
    assert price_for(buyer_a, pen) == price_for(buyer_b, pen) == price_for(loner, pen) == D("3.30")


def test_company_and_group_lists_reach_only_their_buyers(buyer_a, buyer_b, company_a, group, pen, price_list):
    # given a list for company A's customer group and one for company A itself
    price_list("Distributors", entries={pen: "3.10"}, customer_group=group)
    assert price_for(buyer_a, pen) == D("3.10")
    assert price_for(buyer_b, pen) == D("3.50")
    price_list("Alpha contract list", entries={pen: "3.05"}, company=company_a)
    # then A gets its own list (same priority: company before group) and B still the list price
    assert price_for(buyer_a, pen) == D("3.05")
    assert price_for(buyer_b, pen) == D("3.50")


def test_priority_decides_between_lists(buyer_a, company_a, group, pen, price_list):
    price_list("Company", entries={pen: "3.05"}, company=company_a, priority=0)
    price_list("Group promo", entries={pen: "2.99"}, customer_group=group, priority=10)
    assert price_for(buyer_a, pen) == D("2.99")


def test_lists_out_of_their_dates_inactive_or_in_another_currency_do_not_apply(buyer_a, pen, price_list):
    today = timezone.localdate()
    price_list("Next month", entries={pen: "1.00"}, valid_from=today + datetime.timedelta(days=30))
    price_list("Last year", entries={pen: "1.10"}, valid_until=today - datetime.timedelta(days=1))
    price_list("Off", entries={pen: "1.20"}, is_active=False)
    price_list("Dollars", currency="USD", entries={pen: "0.40"})
    assert price_for(buyer_a, pen) == D("3.50")
    price_list("Today only", entries={pen: "3.40"}, valid_from=today, valid_until=today)
    assert price_for(buyer_a, pen) == D("3.40")


def test_a_usd_list_prices_buyers_who_pay_in_usd(buyer_a, pen, price_list, settings):
    from shop.currency.models import ExchangeRate

    ExchangeRate.objects.create(base="CNY", quote="USD", rate=D("0.14"), valid_on=timezone.localdate(),
                                source="manual")
    price_list("Dollars", currency="USD", entries={pen: "0.45"})
    assert price_for(buyer_a, pen, "USD") == D("0.45")
    assert price_for(buyer_a, pen, "CNY") == D("3.50")


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [(1, "3.50"), (11, "3.50"), (12, "3.20"), (143, "3.20"), (144, "2.90"), (10_000, "2.90")],
)
def test_quantity_break_boundaries(company_a, pen, price_list, quantity, expected):
    price_list(tiers={pen: PEN_TIERS})
    result = quote(company_a, pen, quantity)
    assert result.amount == D(expected)
    assert result.source == Source.TIERS


def test_a_gap_between_breaks_falls_back_to_the_fixed_price_of_the_same_list(company_a, pen, price_list):
    price_list(entries={pen: "3.40"}, tiers={pen: [(12, 23, "3.20"), (48, None, "2.90")]})
    assert quote(company_a, pen, 5).amount == D("3.40")
    assert quote(company_a, pen, 30).amount == D("3.40")
    assert quote(company_a, pen, 12).amount == D("3.20")


def test_breaks_on_a_parent_count_variants_together_only_when_told(company_a, pen_family, price_list):
    parent, children = pen_family
    price_list("Mixed", tiers={parent: PEN_TIERS}, together=True)
    # 6 black + 6 red: each colour alone is below 12, together they reach the 12 break
    assert quote(company_a, children["black"], 6, family=12).amount == D("3.20")
    assert quote(company_a, children["black"], 6, family=6).amount == D("3.50")


def test_breaks_on_a_parent_without_mixing_count_each_variant_alone(company_a, pen_family, price_list):
    parent, children = pen_family
    price_list("Per colour", tiers={parent: PEN_TIERS}, together=False)
    assert quote(company_a, children["red"], 6, family=12).amount == D("3.50")
    assert quote(company_a, children["red"], 12, family=12).amount == D("3.20")


def test_a_variant_s_own_breaks_win_over_its_family_s(company_a, pen_family, price_list):
    parent, children = pen_family
    price_list("Both", tiers={parent: PEN_TIERS, children["green"]: [(1, None, "3.00")]})
    assert quote(company_a, children["green"], 1).amount == D("3.00")
    assert quote(company_a, children["red"], 1).amount == D("3.50")


def contract(company, product, days_left=60, starts_days_ago=10, **kwargs) -> ContractPrice:
    today = timezone.localdate()
    values = {"kind": ContractPrice.Kind.FIXED, "price": D("2.50"), "currency": "CNY"} | kwargs
    return ContractPrice.objects.create(
        company=company, product=product, valid_from=today - datetime.timedelta(days=starts_days_ago),
        valid_until=today + datetime.timedelta(days=days_left), **values,
    )


def test_a_contract_price_wins_over_every_list_for_its_company_only(buyer_a, buyer_b, company_a, pen, price_list):
    price_list("Promo", entries={pen: "2.00"}, priority=100)
    contract(company_a, pen)
    assert price_for(buyer_a, pen) == D("2.50")
    assert price_for(buyer_b, pen) == D("2.00")


def test_a_percentage_contract_takes_off_the_list_price_rounded_half_up(buyer_a, company_a, make_product):
    pencil = make_product("HB-12", "3.45")
    contract(company_a, pencil, kind=ContractPrice.Kind.PERCENT_OFF, price=None, percent_off=D("15"))
    assert price_for(buyer_a, pencil) == D("2.93")  # 3.45 × 0.85 = 2.9325


def test_a_contract_on_a_parent_covers_its_variants(buyer_a, company_a, pen_family):
    parent, children = pen_family
    contract(company_a, parent, price=D("2.75"))
    assert {price_for(buyer_a, child) for child in children.values()} == {D("2.75")}


def test_an_ended_or_future_contract_does_not_apply(buyer_a, company_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    contract(company_a, pen, days_left=-1, starts_days_ago=90)
    contract(company_a, pen, days_left=90, starts_days_ago=-5, price=D("1.00"))
    assert price_for(buyer_a, pen) == D("3.50")


def test_a_contract_ending_today_still_applies_and_is_gone_tomorrow(company_a, pen):
    contract(company_a, pen, days_left=0)
    today = timezone.localdate()
    assert PriceBook(company_a, "CNY", today).quote(pen, D("3.50")).amount == D("2.50")
    tomorrow = today + datetime.timedelta(days=1)
    assert PriceBook(company_a, "CNY", tomorrow).quote(pen, D("3.50")).amount == D("3.50")


def test_prices_are_rounded_to_the_currency(buyer_a, pen, price_list, settings):
    from shop.currency.models import ExchangeRate

    ExchangeRate.objects.create(base="CNY", quote="JPY", rate=D("21.3"), valid_on=timezone.localdate(),
                                source="manual")
    price_list("Yen", currency="JPY", entries={pen: "70"})
    assert price_for(buyer_a, pen, "JPY") == D("70")
