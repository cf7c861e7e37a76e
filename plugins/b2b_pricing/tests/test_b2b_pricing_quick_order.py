"""Quick order (pad, paste, upload), its autocomplete, and reorder — per-line messages and company isolation."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from b2b_pricing.models import ContractPrice, ProductOrderRule
from b2b_pricing_testkit import PEN_TIERS, switch
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop.companies.models import Membership

pytestmark = pytest.mark.django_db
D = Decimal
Basket = get_model("basket", "Basket")
URL = "/en/p/b2b_pricing/quick-order/"
SEARCH = "/en/p/b2b_pricing/quick-order/products/"


def basket_of(user) -> dict[str, int]:
    basket = Basket.open.get(owner=user)
    return {line.product.get_title(): line.quantity for line in basket.all_lines()}


def results(response) -> dict[str, str]:
    """SKU → "OK" or the line's message, from the checked lines the page shows."""
    return {line.sku: ("OK" if line.ok else line.error) for line in response.context["checked"]}


@pytest.fixture
def paper(make_product):
    product = make_product("A4-80G-500", "25.00", "A4 copy paper 80g, 500 sheets", stock=40)
    ProductOrderRule.objects.create(product=product, min_quantity=5)
    return product


@pytest.fixture
def boxed_pen(pen):
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    return pen


def test_the_page_is_for_signed_in_buyers_and_answers_404_while_off(client, buyer_a):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(buyer_a)
    assert client.get(URL).status_code == 200
    assert reverse("b2b_pricing:quick-order") == URL
    switch(False)
    assert client.get(URL).status_code == 404
    assert client.get(SEARCH, {"q": "GP"}).status_code == 404


def test_every_line_is_checked_with_a_clear_message(client, buyer_a, boxed_pen, paper, make_product, pen_family):
    make_product("OUT-1", "9.00", "Sold-out stapler", stock=0)
    make_product("TONER-1", "199.00", "Toner cartridge", stock=40)
    client.force_login(buyer_a)
    pasted = "\n".join([
        "GP-05-BLUE,13", "gp-05-blue,11", "NOPE-1,3", "A4-80G-500,2", "OUT-1,1", "GP-05,12", "TONER-1,x",
        "TONER-1,41",
    ])
    response = client.post(URL, {"pasted": pasted, "action": "check"})
    assert response.status_code == 200
    by_number = {line.number: line.error for line in response.context["checked"]}
    # lines 1 and 2 name the same pen (case does not matter): 24 together, a pack multiple
    assert by_number[1] == by_number[2] == ""
    assert by_number[3] == "No product has the SKU NOPE-1."
    assert by_number[4] == "A4 copy paper 80g, 500 sheets: the minimum order is 5, so 2 is too few. Order 5."
    assert by_number[5] == "Sold-out stapler: no stock available."
    assert by_number[6] == "GP-05 comes in several variants; enter the SKU of the one you want."
    assert by_number[7] == "'x' is not a quantity; enter a whole number of 1 or more."
    assert by_number[8] == "Toner cartridge: a maximum of 40 can be bought."
    assert not Basket.open.filter(owner=buyer_a, lines__isnull=False).exists()  # checking adds nothing


def test_a_quantity_off_the_pack_suggests_the_nearest_packs(client, buyer_a, boxed_pen):
    client.force_login(buyer_a)
    response = client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["13"], "action": "check"})
    assert results(response) == {
        "GP-05-BLUE": "Gel pen 0.5 blue is sold in packs of 12, so 13 cannot be ordered: order 12 or 24."
    }
    response = client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["5"], "action": "check"})
    assert results(response)["GP-05-BLUE"].endswith("so 5 cannot be ordered: order 12.")


def test_good_lines_go_to_the_basket_in_one_step_and_bad_ones_stay_on_the_pad(client, buyer_a, boxed_pen, paper):
    client.force_login(buyer_a)
    response = client.post(URL, {
        "sku": ["GP-05-BLUE", "A4-80G-500", "NOPE-9"], "quantity": ["24", "5", "1"], "action": "add",
    })
    assert response.status_code == 200
    assert basket_of(buyer_a) == {"Gel pen 0.5 blue": 24, "A4 copy paper 80g, 500 sheets": 5}
    assert [line.sku for line in response.context["pad"]] == ["NOPE-9"]
    html = response.content.decode()
    assert "2 lines were added to your basket." in html
    assert "No product has the SKU NOPE-9." in html


def test_all_good_lines_lead_to_the_basket(client, buyer_a, pen):
    client.force_login(buyer_a)
    response = client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["3"], "action": "add"})
    assert response.status_code == 302 and response["Location"].endswith(reverse("basket:summary"))
    assert basket_of(buyer_a) == {"Gel pen 0.5 blue": 3}


def test_the_basket_quantity_counts_towards_the_pack_multiple(client, buyer_a, boxed_pen):
    client.force_login(buyer_a)
    client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["12"], "action": "add"})
    response = client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["6"], "action": "check"})
    assert "so 18 cannot be ordered: order 12 or 24." in results(response)["GP-05-BLUE"]


def test_the_checked_price_is_the_break_the_order_reaches(client, buyer_a, pen, price_list):
    price_list(tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    response = client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["144"], "action": "check"})
    line = response.context["checked"][0]
    assert (line.unit_price, line.line_total) == (D("2.90"), D("417.60"))


def test_an_uploaded_csv_of_hundreds_of_lines(client, buyer_a, make_product, django_assert_max_num_queries):
    products = [make_product(f"BULK-{n:03d}", "1.00", f"Bulk item {n}") for n in range(300)]
    rows = ["sku,quantity"] + [f"{p.stockrecords.first().partner_sku},{n % 7 + 1}" for n, p in enumerate(products)]
    rows.append("BULK-999,2")
    upload = io.BytesIO("\n".join(rows).encode())
    upload.name = "order.csv"
    client.force_login(buyer_a)
    with django_assert_max_num_queries(60):
        response = client.post(URL, {"upload": upload, "action": "check"})
    checked = response.context["checked"]
    assert len(checked) == 301
    assert sum(line.ok for line in checked) == 300
    assert checked[-1].error == "No product has the SKU BULK-999."


def test_an_xlsx_upload(client, buyer_a, pen):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["货号", "数量"])
    workbook.active.append(["GP-05-BLUE", 7])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "order.xlsx"
    client.force_login(buyer_a)
    response = client.post(URL, {"upload": data, "action": "add"})
    assert response.status_code == 302
    assert basket_of(buyer_a) == {"Gel pen 0.5 blue": 7}


def test_a_file_that_is_not_a_spreadsheet_is_refused(client, buyer_a):
    upload = io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    upload.name = "order.csv"
    client.force_login(buyer_a)
    response = client.post(URL, {"upload": upload, "action": "check"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()


def test_viewers_may_check_but_not_order(client, make_user, company_a, pen):
    viewer = make_user("vic@alpha.example")
    Membership.objects.create(user=viewer, company=company_a, role=Membership.Role.VIEWER)
    client.force_login(viewer)
    assert client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["1"], "action": "check"}).status_code == 200
    assert client.post(URL, {"sku": ["GP-05-BLUE"], "quantity": ["1"], "action": "add"}).status_code == 403


def test_the_page_and_its_line_messages_in_chinese(client, buyer_a, boxed_pen, chinese):
    client.force_login(buyer_a)
    response = client.post("/zh-hans/p/b2b_pricing/quick-order/", {
        "sku": ["GP-05-BLUE", "NOPE-1"], "quantity": ["13", "2"], "action": "check",
    })
    html = response.content.decode()
    assert "快速下单" in html and "检查价格和库存" in html
    assert "Gel pen 0.5 blue 按 12 件一包销售，无法订购 13：请订购 12 或 24。" in html
    assert "没有 SKU 为 NOPE-1 的商品。" in html


# --- autocomplete ---------------------------------------------------------------------------


def test_autocomplete_shows_the_buyers_own_price_and_rule(client, buyer_a, boxed_pen, price_list, company_a):
    price_list(entries={boxed_pen: "3.10"}, company=company_a)
    client.force_login(buyer_a)
    found = client.get(SEARCH, {"q": "gp-05"}).json()["results"]
    assert found == [{
        "sku": "GP-05-BLUE", "title": "Gel pen 0.5 blue", "price": "3.10", "currency": "CNY",
        "min_quantity": 12, "pack_size": 12, "rule": "Sold in packs of 12.", "available": True,
    }]


def test_autocomplete_never_reveals_another_companys_prices(client, buyer_a, buyer_b, company_a, pen, price_list):
    price_list(entries={pen: "3.10"}, company=company_a)
    today = timezone.localdate()
    ContractPrice.objects.create(company=company_a, product=pen, currency="CNY", price=D("2.22"),
                                 valid_from=today, valid_until=today)
    client.force_login(buyer_b)
    body = client.get(SEARCH, {"q": "GP-05", "company": company_a.pk}).content.decode()
    assert '"price": "3.50"' in body
    assert "3.10" not in body and "2.22" not in body
    client.force_login(buyer_a)
    assert client.get(SEARCH, {"q": "GP-05"}).json()["results"][0]["price"] == "2.22"


def test_autocomplete_needs_sign_in_and_two_characters(client, buyer_a, pen):
    assert client.get(SEARCH, {"q": "GP"}).status_code == 302
    client.force_login(buyer_a)
    assert client.get(SEARCH, {"q": "G"}).json() == {"results": []}


# --- reorder -------------------------------------------------------------------------------


def reorder_url(order) -> str:
    return reverse("b2b_pricing:reorder", kwargs={"number": order.number})


def test_reorder_adds_a_past_order_under_todays_prices_and_rules(client, buyer_a, company_a, pen, place_order,
                                                                 price_list):
    order = place_order(buyer_a, company_a, pen, 12)
    price_list(tiers={pen: PEN_TIERS})
    client.force_login(buyer_a)
    page = client.get(reorder_url(order))
    assert page.status_code == 200
    line = page.context["lines"][0]
    assert (line.ok, line.unit_price) == (True, D("3.20"))
    response = client.post(reorder_url(order))
    assert response.status_code == 302
    assert basket_of(buyer_a) == {"Gel pen 0.5 blue": 12}


def test_reorder_reports_lines_that_now_break_a_rule(client, buyer_a, company_a, pen, place_order):
    order = place_order(buyer_a, company_a, pen, 13)
    ProductOrderRule.objects.create(product=pen, pack_size=12)
    client.force_login(buyer_a)
    line = client.get(reorder_url(order)).context["lines"][0]
    assert line.error == "Gel pen 0.5 blue is sold in packs of 12, so 13 cannot be ordered: order 12 or 24."


def test_another_companys_order_answers_404(client, buyer_a, buyer_b, company_a, pen, place_order):
    order = place_order(buyer_a, company_a, pen, 12)
    client.force_login(buyer_b)
    assert client.get(reorder_url(order)).status_code == 404
    assert client.post(reorder_url(order)).status_code == 404
    assert not Basket.open.filter(owner=buyer_b, lines__isnull=False).exists()
    assert client.get(reverse("b2b_pricing:reorder", kwargs={"number": "does-not-exist"})).status_code == 404


def test_reorder_needs_a_company_member(client, make_user, buyer_a, company_a, pen, place_order):
    order = place_order(buyer_a, company_a, pen, 12)
    assert client.get(reorder_url(order)).status_code == 302
    client.force_login(make_user("solo@example.com"))
    assert client.get(reorder_url(order)).status_code == 404
