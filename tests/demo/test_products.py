"""The demo catalog's product sequence: deterministic, unique, bilingual, realistically priced."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest

from shop.demo.catalog_data import CATEGORIES
from shop.demo.products import ean13, product_specs

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def specs():
    return list(product_specs())


def test_the_first_products_do_not_depend_on_how_many_are_asked_for(specs):
    # given / when
    first_60 = list(itertools.islice(product_specs(), 60))

    # then
    def key(spec):
        return spec.code, spec.upc, spec.price, spec.stock

    assert [key(s) for s in first_60] == [key(s) for s in specs[:60]]


def test_a_different_seed_gives_different_prices(specs):
    other = list(itertools.islice(product_specs(seed=7), 60))
    assert [s.price for s in other] != [s.price for s in specs[:60]]


def test_at_least_2000_products_with_unique_codes_and_valid_barcodes(specs):
    assert len(specs) >= 2000
    assert len({s.code for s in specs}) == len(specs)
    assert len({s.upc for s in specs}) == len(specs)
    assert all(len(s.upc) == 13 and ean13(s.upc[:12]) == s.upc for s in specs)


def test_every_product_has_titles_and_descriptions_in_both_languages(specs):
    for spec in specs:
        assert spec.title.en and spec.description.en and not CJK.search(spec.title.en), spec.code
        assert CJK.search(spec.title.zh) and CJK.search(spec.description.zh), spec.code
        assert "{" not in spec.description.en + spec.description.zh, spec.code


def test_the_first_60_products_span_every_top_level_category(specs):
    tops = {c.code for c in CATEGORIES if "/" not in c.code}
    assert len(tops) >= 8
    assert {s.kind.category.split("/")[0] for s in specs[:60]} == tops


def test_prices_are_decimal_yuan_in_realistic_ranges(specs):
    assert all(isinstance(s.price, Decimal) and s.price > 0 and s.price.as_tuple().exponent == -2 for s in specs)
    gel_pens = [s.price for s in specs if s.kind.code == "gel-pen" and s.pack == 1]
    a4_reams = [
        s.price for s in specs
        if s.kind.code == "copy-paper" and s.pack == 1 and s.attributes["paper_size"] == "a4"
    ]
    shredders = [s.price for s in specs if s.kind.code == "shredder"]
    assert gel_pens and a4_reams and shredders
    assert Decimal("1.50") <= min(gel_pens) and max(gel_pens) <= Decimal("4.00")
    assert Decimal("20.00") <= min(a4_reams) and max(a4_reams) <= Decimal("35.00")
    assert Decimal("600.00") <= min(shredders) and max(shredders) <= Decimal("2000.00")


def test_every_product_is_stocked_by_one_to_three_suppliers(specs):
    for spec in specs:
        assert 1 <= len(spec.stock) <= 3
        assert len({line.partner for line in spec.stock}) == len(spec.stock)
        assert all(line.price > 0 and line.partner_sku.endswith(spec.code) for line in spec.stock)
