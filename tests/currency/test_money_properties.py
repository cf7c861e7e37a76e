"""Property-based tests for money: Decimal only, minor units, totals that add up."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shop.currency.money import minor_units, pretty_round, quantize, to_decimal
from shop.currency.rates import Rate, RateTable

CURRENCIES = ["CNY", "USD", "EUR", "JPY"]
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000"), places=2, allow_nan=False)
rates_st = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("500"), places=6, allow_nan=False)


def table(eur_cny: Decimal, eur_q: Decimal, quote: str) -> RateTable:
    day = date(2026, 11, 24)
    return RateTable([Rate(1, "EUR", "CNY", eur_cny, day, "ecb"), Rate(2, "EUR", quote, eur_q, day, "ecb")])


def test_minor_units_from_babel():
    assert [minor_units(c) for c in CURRENCIES] == [2, 2, 2, 0]


def test_float_is_refused():
    with pytest.raises(TypeError):
        to_decimal(1.5)
    with pytest.raises(TypeError):
        quantize(0.1, "CNY")


@given(amount=amounts, eur_cny=rates_st, eur_q=rates_st, quote=st.sampled_from(["USD", "EUR", "JPY"]))
@settings(max_examples=300, deadline=None)
def test_conversion_is_decimal_and_rounded_to_minor_units(amount, eur_cny, eur_q, quote):
    if quote == "EUR":
        eur_q = Decimal(1)
    t = (
        table(eur_cny, eur_q, quote)
        if quote != "EUR"
        else RateTable([Rate(1, "EUR", "CNY", eur_cny, date(2026, 1, 1), "ecb")])
    )
    result = t.convert(amount, "CNY", quote)
    assert isinstance(result.amount, Decimal)
    assert -result.amount.as_tuple().exponent == minor_units(quote)
    if quote == "JPY":
        assert result.amount == result.amount.to_integral_value()


@given(amount=amounts, eur_cny=rates_st, eur_usd=rates_st)
@settings(max_examples=200, deadline=None)
def test_converting_twice_gives_the_same_result(amount, eur_cny, eur_usd):
    t = table(eur_cny, eur_usd, "USD")
    assert t.convert(amount, "CNY", "USD") == t.convert(amount, "CNY", "USD")


@given(
    unit_prices=st.lists(amounts, min_size=1, max_size=40),
    quantities=st.lists(st.integers(min_value=1, max_value=10_000), min_size=40, max_size=40),
    currency=st.sampled_from(CURRENCIES),
    eur_cny=rates_st,
    eur_q=rates_st,
)
@settings(max_examples=200, deadline=None)
def test_line_totals_add_up_to_the_order_total(unit_prices, quantities, currency, eur_cny, eur_q):
    """Rounding happens per unit price; line totals are exact multiples; the total is their sum."""
    t = (
        table(eur_cny, eur_q, currency)
        if currency not in {"CNY", "EUR"}
        else RateTable([Rate(1, "EUR", "CNY", eur_cny, date(2026, 1, 1), "ecb")])
    )
    lines = []
    for price, qty in zip(unit_prices, quantities):
        unit = t.convert(price, "CNY", currency).amount
        lines.append(unit * qty)
    total = sum(lines, Decimal(0))
    assert total == quantize(total, currency)
    assert all(line == quantize(line, currency) for line in lines)


@given(amount=amounts)
def test_jpy_never_shows_decimals(amount):
    assert quantize(amount, "JPY").as_tuple().exponent == 0


def test_half_up():
    assert quantize(Decimal("2.345"), "CNY") == Decimal("2.35")
    assert quantize(Decimal("1234.5"), "JPY") == Decimal("1235")


def test_pretty_rounding_step(settings):
    settings.SHOP_CURRENCY_PRETTY_STEPS = {"USD": "0.05"}
    assert pretty_round(Decimal("1.2349"), "USD") == Decimal("1.25")
    assert pretty_round(Decimal("1.2749"), "USD") == Decimal("1.25")
    assert pretty_round(Decimal("1.2749"), "EUR") == Decimal("1.27")
