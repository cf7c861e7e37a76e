"""Staff pages: list, create, edit and delete price lists, entries, breaks, contracts and rules; bad input refused."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from b2b_pricing.models import ContractPrice, PriceList, PriceListEntry, ProductOrderRule, QuantityBreak, TierTable
from b2b_pricing_testkit import switch
from django.urls import reverse
from django.utils import timezone

from shop.core.models import AuditEntry

pytestmark = pytest.mark.django_db
D = Decimal
NS = "b2b_pricing_dashboard"


def url(name: str, **kwargs) -> str:
    return reverse(f"{NS}:{name}", kwargs=kwargs)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def form_errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    return {k: [str(e) for e in v] for k, v in response.context["form"].errors.items()}


def list_data(**overrides) -> dict:
    return {"name": "Distributors", "currency": "CNY", "priority": "0", "is_active": "on"} | overrides


def test_every_page_is_staff_only_and_gone_while_switched_off(client, buyer_a, staff, price_list, pen):
    pl = price_list(entries={pen: "3.00"})
    pages = [url("index"), url("pricelist-list"), url("pricelist-create"), url("pricelist-detail", pk=pl.pk),
             url("pricelist-import", pk=pl.pk), url("contract-list"), url("rule-list"),
             url("entry-create", list_pk=pl.pk), url("tiers-create", list_pk=pl.pk)]
    client.force_login(buyer_a)
    for page in pages:
        assert client.get(page).status_code in (302, 403), page
    client.force_login(staff)
    for page in pages:
        assert client.get(page).status_code == 200, page
    switch(False)
    for page in pages:
        assert client.get(page).status_code == 404, page


def test_create_edit_and_delete_a_price_list(staff_client, company_a):
    response = staff_client.post(url("pricelist-create"), list_data(company=company_a.pk, priority="5"))
    pl = PriceList.objects.get()
    assert response.status_code == 302 and response["Location"] == url("pricelist-detail", pk=pl.pk)
    assert (pl.company, pl.priority, pl.currency) == (company_a, 5, "CNY")
    response = staff_client.post(url("pricelist-update", pk=pl.pk), list_data(name="Renamed", currency="USD"))
    pl.refresh_from_db()
    assert (pl.name, pl.currency, pl.company) == ("Renamed", "USD", None)
    staff_client.post(url("pricelist-delete", pk=pl.pk))
    assert not PriceList.objects.exists()
    assert AuditEntry.objects.filter(action__startswith="b2b_pricing.list.").count() == 3


def test_a_list_needs_a_currency_of_the_shop_and_one_audience(staff_client, company_a, group):
    assert "currency" in form_errors(staff_client.post(url("pricelist-create"), list_data(currency="")))
    assert "currency" in form_errors(staff_client.post(url("pricelist-create"), list_data(currency="GBP")))
    errors = form_errors(staff_client.post(url("pricelist-create"),
                                           list_data(company=company_a.pk, customer_group=group.pk)))
    assert errors["customer_group"] == ["A price list is for one company or one customer group, not both."]
    errors = form_errors(staff_client.post(url("pricelist-create"),
                                           list_data(valid_from="2026-12-01", valid_until="2026-11-01")))
    assert errors["valid_until"] == ["The end date is before the start date."]
    assert not PriceList.objects.exists()


def test_entries_refuse_zero_negative_over_precise_and_duplicate_prices(staff_client, price_list, pen):
    pl = price_list()
    create = url("entry-create", list_pk=pl.pk)
    assert "price" in form_errors(staff_client.post(create, {"sku": "GP-05-BLUE", "price": "0"}))
    assert "price" in form_errors(staff_client.post(create, {"sku": "GP-05-BLUE", "price": "-3"}))
    assert "price" in form_errors(staff_client.post(create, {"sku": "GP-05-BLUE", "price": "3,5x"}))
    assert form_errors(staff_client.post(create, {"sku": "NOPE", "price": "3"}))["sku"] == ["No product has SKU NOPE."]
    assert staff_client.post(create, {"sku": "gp-05-blue", "price": "3.10", "pack_size": "12"}).status_code == 302
    entry = PriceListEntry.objects.get()
    assert (entry.product, entry.price, entry.pack_size) == (pen, D("3.10"), 12)
    errors = form_errors(staff_client.post(create, {"sku": "GP-05-BLUE", "price": "3.00"}))
    assert errors["sku"] == ["This list already has an entry for this product; edit that one."]
    yen = price_list("Yen", currency="JPY")
    errors = form_errors(staff_client.post(url("entry-create", list_pk=yen.pk), {"sku": "GP-05-BLUE", "price": "70.5"}))
    assert errors["price"] == ["JPY prices have at most 0 decimals."]


def test_edit_and_delete_an_entry_within_its_own_list_only(staff_client, price_list, pen):
    pl, other = price_list("A", entries={pen: "3.00"}), price_list("B")
    entry = pl.entries.get()
    assert staff_client.get(url("entry-update", list_pk=other.pk, pk=entry.pk)).status_code == 404
    page = staff_client.get(url("entry-update", list_pk=pl.pk, pk=entry.pk))
    assert page.context["form"]["sku"].value() == "GP-05-BLUE"
    staff_client.post(url("entry-update", list_pk=pl.pk, pk=entry.pk), {"sku": "GP-05-BLUE", "price": "2.95"})
    entry.refresh_from_db()
    assert entry.price == D("2.95")
    staff_client.post(url("entry-delete", list_pk=pl.pk, pk=entry.pk))
    assert not PriceListEntry.objects.exists()


def breaks(*rows) -> dict:
    data = {}
    for index, (low, high, price) in enumerate(rows):
        data |= {f"min_{index}": low, f"max_{index}": high, f"price_{index}": price}
    return data


def test_overlapping_breaks_are_refused_and_nothing_is_saved(staff_client, price_list, pen):
    pl = price_list()
    response = staff_client.post(url("tiers-create", list_pk=pl.pk),
                                 {"sku": "GP-05-BLUE"} | breaks(("1", "20", "3.50"), ("12", "", "3.20")))
    assert form_errors(response)["__all__"] == ["The break from 12 overlaps the break 1–20."]
    response = staff_client.post(url("tiers-create", list_pk=pl.pk),
                                 {"sku": "GP-05-BLUE"} | breaks(("1", "", "3.50"), ("144", "", "2.90")))
    assert form_errors(response)["__all__"] == ["The break from 144 overlaps the break 1+."]
    response = staff_client.post(url("tiers-create", list_pk=pl.pk),
                                 {"sku": "GP-05-BLUE"} | breaks(("1", "11", "0"), ("12", "", "")))
    errors = form_errors(response)
    assert errors["price_1"] == ["Give the unit price of this break."]
    assert not TierTable.objects.exists()


def test_breaks_are_saved_and_replaced_on_edit(staff_client, price_list, pen):
    pl = price_list()
    data = {"sku": "GP-05-BLUE"} | breaks(("1", "11", "3.50"), ("12", "143", "3.20"), ("144", "", "2.90"))
    assert staff_client.post(url("tiers-create", list_pk=pl.pk), data).status_code == 302
    table = TierTable.objects.get()
    assert table.breaks.count() == 3
    data = {"sku": "GP-05-BLUE"} | breaks(("1", "23", "3.40"), ("24", "", "3.00"))
    assert staff_client.post(url("tiers-update", list_pk=pl.pk, pk=table.pk), data).status_code == 302
    assert list(QuantityBreak.objects.values_list("min_quantity", "max_quantity", "price")) == [
        (1, 23, D("3.40")), (24, None, D("3.00"))]
    staff_client.post(url("tiers-delete", list_pk=pl.pk, pk=table.pk))
    assert not TierTable.objects.exists() and not QuantityBreak.objects.exists()


def test_counting_variants_together_needs_a_parent(staff_client, price_list, pen, pen_family):
    pl = price_list()
    response = staff_client.post(url("tiers-create", list_pk=pl.pk),
                                 {"sku": "GP-05-BLUE", "count_variants_together": "on"} | breaks(("1", "", "3")))
    assert "count_variants_together" in form_errors(response)
    response = staff_client.post(url("tiers-create", list_pk=pl.pk),
                                 {"sku": "GP-05", "count_variants_together": "on"} | breaks(("12", "", "3")))
    assert response.status_code == 302


def contract_data(company, **overrides) -> dict:
    today = timezone.localdate()
    return {"company": company.pk, "sku": "GP-05-BLUE", "currency": "CNY", "kind": "fixed", "price": "2.80",
            "valid_from": today.isoformat(), "valid_until": (today + datetime.timedelta(days=90)).isoformat(),
            "alert_days": "30"} | overrides


def test_contract_prices_are_validated(staff_client, company_a, pen):
    create = url("contract-create")
    assert "price" in form_errors(staff_client.post(create, contract_data(company_a, price="")))
    assert "price" in form_errors(staff_client.post(create, contract_data(company_a, price="-1")))
    errors = form_errors(staff_client.post(create, contract_data(company_a, kind="percent_off", price="",
                                                                 percent_off="")))
    assert errors["percent_off"] == ["Give the percentage off the list price."]
    assert "percent_off" in form_errors(staff_client.post(create, contract_data(
        company_a, kind="percent_off", percent_off="120")))
    assert "valid_until" in form_errors(staff_client.post(create, contract_data(company_a, valid_until="2000-01-01")))
    assert not ContractPrice.objects.exists()
    assert staff_client.post(create, contract_data(company_a)).status_code == 302
    errors = form_errors(staff_client.post(create, contract_data(company_a, price="2.70")))
    assert errors["valid_until"] == [
        "Another contract price for this company, product and currency overlaps these dates."
    ]
    assert ContractPrice.objects.count() == 1


def test_a_percentage_contract_keeps_no_fixed_price(staff_client, company_a, pen):
    staff_client.post(url("contract-create"), contract_data(company_a, kind="percent_off", price="9",
                                                            percent_off="12.5"))
    contract = ContractPrice.objects.get()
    assert (contract.price, contract.percent_off) == (None, D("12.50"))


def test_order_rules_pages(staff_client, pen):
    assert staff_client.post(url("rule-create"), {"sku": "GP-05-BLUE", "min_quantity": "0", "pack_size": "12"}
                             ).status_code == 200
    assert staff_client.post(url("rule-create"), {"sku": "GP-05-BLUE", "min_quantity": "24", "pack_size": "12"}
                             ).status_code == 302
    rule = ProductOrderRule.objects.get()
    assert (rule.min_quantity, rule.pack_size) == (24, 12)
    page = staff_client.get(url("rule-list")).content.decode()
    assert "Gel pen 0.5 blue" in page
    staff_client.post(url("rule-delete", pk=rule.pk))
    assert not ProductOrderRule.objects.exists()


def test_list_pages_query_count_does_not_grow_with_rows(staff_client, price_list, make_product,
                                                        django_assert_max_num_queries):
    products = [make_product(f"Q-{n:03d}", "1.00") for n in range(60)]
    small = price_list("Small", entries={p: "0.90" for p in products[:5]})
    large = price_list("Large", entries={p: "0.90" for p in products})
    with django_assert_max_num_queries(40) as few:
        staff_client.get(url("pricelist-detail", pk=small.pk))
    with django_assert_max_num_queries(len(few.captured_queries)):
        staff_client.get(url("pricelist-detail", pk=large.pk))
