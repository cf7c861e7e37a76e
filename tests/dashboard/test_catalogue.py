"""Oscar's product and category dashboard, forked: both languages side by side, explicit prices per currency."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from oscar.test import factories

from .forms_data import form_data, formset_data

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def editor(staff):
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalogue",
            codename__in=[
                "view_product",
                "add_product",
                "change_product",
                "view_category",
                "add_category",
                "change_category",
            ],
        )
    )
    return staff


@pytest.fixture
def pens():
    return ProductClass.objects.create(name="Pens", track_stock=True)


@pytest.fixture
def partner():
    return Partner.objects.create(name="Main warehouse")


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def product_post(page, product_fields: dict, stock_fields: dict | None = None) -> dict:
    """The product page's forms as submitted, with ``product_fields`` and the first stock row's fields changed."""
    ctx = page.context
    data = {**form_data(ctx["form"]), **product_fields, "action": "save"}
    for name in ("category_formset", "image_formset", "recommended_formset", "stockrecord_formset"):
        data.update(formset_data(ctx[name]))
    categories = ctx["category_formset"]
    if not categories.forms[0].instance.pk:  # a stand-alone product needs a category
        category = Category.objects.first() or Category.add_root(name="Writing")
        data[categories.forms[0].add_prefix("category")] = str(category.pk)
    stock = ctx["stockrecord_formset"]
    if stock_fields is not None:
        first = stock.forms[0]
        data.update(form_data(first))
        data.update({first.add_prefix(k): v for k, v in stock_fields.items()})
    return data


def test_product_form_shows_both_languages_and_a_price_per_currency(client, editor, pens):
    client.force_login(editor)
    page = client.get(en("dashboard:catalogue-product-create", product_class_slug=pens.slug))
    html = page.content.decode()

    assert page.status_code == 200
    assert 'id="translated-fields"' in html
    assert '<th scope="col" lang="en">English</th>' in html and '<th scope="col" lang="zh-hans">简体中文</th>' in html
    for name in ("title_en", "title_zh_hans", "description_en", "description_zh_hans"):
        assert f'name="{name}"' in html
    assert 'name="title"' not in html
    assert [f.label for f in page.context["stockrecord_formset"].forms[0].currency_price_fields()] == [
        "Price in USD",
        "Price in EUR",
        "Price in JPY",
    ]
    assert 'name="stockrecords-0-price_jpy"' in html and 'step="1"' in html


def test_create_product_in_both_languages_with_explicit_prices(client, editor, pens, partner):
    client.force_login(editor)
    page = client.get(en("dashboard:catalogue-product-create", product_class_slug=pens.slug))

    response = client.post(
        page.request["PATH_INFO"],
        product_post(
            page,
            {
                "title_en": "Gel pen 0.5 mm",
                "title_zh_hans": "中性笔 0.5毫米",
                "description_en": "Smooth black ink.",
                "description_zh_hans": "顺滑黑色墨水。",
                "upc": "GP05",
            },
            {
                "partner": str(partner.pk),
                "partner_sku": "GP-05",
                "price_currency": "CNY",
                "price": "3.50",
                "num_in_stock": "120",
                "price_usd": "0.49",
                "price_eur": "",
                "price_jpy": "75",
            },
        ),
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    product = Product.objects.get(upc="GP05")
    assert (product.title_en, product.title_zh_hans) == ("Gel pen 0.5 mm", "中性笔 0.5毫米")
    assert (product.description_en, product.description_zh_hans) == ("Smooth black ink.", "顺滑黑色墨水。")
    with translation.override("zh-hans"):
        assert product.get_title() == "中性笔 0.5毫米"
    record = product.stockrecords.get()
    assert (record.price_currency, record.price) == ("CNY", Decimal("3.50"))
    assert record.currency_prices == {"USD": "0.49", "JPY": "75"}  # EUR left blank: converted


def test_a_chinese_only_title_is_enough(client, editor, pens):
    client.force_login(editor)
    page = client.get(en("dashboard:catalogue-product-create", product_class_slug=pens.slug))
    response = client.post(page.request["PATH_INFO"], product_post(page, {"title_zh_hans": "订书机", "upc": "ST1"}))
    assert response.status_code == 302
    product = Product.objects.get(upc="ST1")
    with translation.override("en"):
        assert product.get_title() == "订书机"  # falls back to the Chinese title
    assert product.slug == "订书机"


@pytest.mark.parametrize(
    ("product_fields", "stock_fields", "where", "message"),
    [
        ({"title_en": "", "title_zh_hans": ""}, None, "title_en", "Fill this in for at least one language."),
        ({}, {"price_usd": "-1"}, "price_usd", "A price must be greater than zero; leave it blank to convert."),
        ({}, {"price_usd": "0"}, "price_usd", "A price must be greater than zero; leave it blank to convert."),
        ({}, {"price_jpy": "75.5"}, "price_jpy", "Ensure that there are no more than 0 decimal places."),
        ({}, {"price_eur": "abc"}, "price_eur", "Enter a number."),
        (
            {},
            {"price_currency": "USD", "price_usd": "0.49"},
            "price_usd",
            "This is the stock record's own currency: enter the price under Price.",
        ),
        (
            {},
            {"price_currency": "GBP"},
            "price_currency",
            "Select a valid choice. GBP is not one of the available choices.",
        ),
    ],
)
def test_bad_input_shows_errors_and_saves_nothing(
    client, editor, pens, partner, product_fields, stock_fields, where, message
):
    client.force_login(editor)
    page = client.get(en("dashboard:catalogue-product-create", product_class_slug=pens.slug))
    stock = {
        "partner": str(partner.pk),
        "partner_sku": "X-1",
        "price_currency": "CNY",
        "price": "3.50",
        "num_in_stock": "5",
        **(stock_fields or {}),
    }

    response = client.post(
        page.request["PATH_INFO"], product_post(page, {"title_en": "Eraser", "upc": "ER1", **product_fields}, stock)
    )

    assert response.status_code == 200
    if where.startswith("title"):
        errors = response.context["form"].errors[where]
    else:
        errors = response.context["stockrecord_formset"].forms[0].errors[where]
    assert errors == [message]
    assert "Your submitted data was not valid" in response.content.decode()
    assert not Product.objects.exists()
    assert not StockRecord.objects.exists()


def test_update_keeps_each_language_and_shows_stored_prices(client, editor):
    product = factories.create_product(title="Stapler", price=Decimal("12.00"), num_in_stock=10)
    product.title_en, product.title_zh_hans = "Stapler", "订书机"
    product.save()
    record = product.stockrecords.get()
    record.currency_prices = {"USD": "1.69"}
    record.save()
    client.force_login(editor)
    url = en("dashboard:catalogue-product", pk=product.pk)

    page = client.get(url)
    assert 'name="stockrecords-0-price_usd" value="1.69"' in page.content.decode()
    response = client.post(
        url, product_post(page, {"title_zh_hans": "订书机（大号）"}, {"price_usd": "1.79", "price_eur": "1.59"})
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title_en, product.title_zh_hans) == ("Stapler", "订书机（大号）")
    record.refresh_from_db()
    assert record.currency_prices == {"USD": "1.79", "EUR": "1.59"}


def test_category_in_both_languages(client, editor):
    client.force_login(editor)
    page = client.get(en("dashboard:catalogue-category-create"))
    html = page.content.decode()
    assert 'name="name_en"' in html and 'name="name_zh_hans"' in html and 'id="translated-fields"' in html

    data = form_data(page.context["form"])
    bad = client.post(page.request["PATH_INFO"], {**data, "name_en": "", "name_zh_hans": ""})
    assert bad.status_code == 200
    assert bad.context["form"].errors["name_en"] == ["Fill this in for at least one language."]
    assert not Category.objects.exists()

    response = client.post(page.request["PATH_INFO"], {**data, "name_en": "Writing", "name_zh_hans": "书写工具"})
    assert response.status_code == 302
    category = Category.objects.get()
    assert (category.name_en, category.name_zh_hans, category.slug) == ("Writing", "书写工具", "writing")
