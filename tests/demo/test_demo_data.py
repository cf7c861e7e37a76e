"""``demo_data`` builds a bilingual catalog with suppliers, warehouse stock, role accounts and a home page — once."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Q, Sum
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.models import Locale, Site

from cms.models import HomePage
from shop.core.roles import GROUP_NAMES, Role
from shop.demo.builder import DemoBuilder
from shop.demo.site_data import ACCOUNTS, PARTNERS
from shop.inventory.models import Warehouse, WarehouseStock
from shop.inventory.services import stock_drift

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
AttributeOption = get_model("catalogue", "AttributeOption")
ProductImage = get_model("catalogue", "ProductImage")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

N = 60


@pytest.fixture
def built(media):
    return DemoBuilder(N, storage=media).build()


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Product, Category, AttributeOption, ProductImage, Partner, StockRecord, Warehouse,
                      WarehouseStock, HomePage, get_user_model())
    }


def test_at_least_eight_top_level_categories_with_subcategories_in_both_languages(built):
    roots = Category.get_root_nodes()
    assert roots.count() >= 8
    for root in roots:
        assert root.get_children_count() >= 3, root.code
    for category in Category.objects.all():
        assert category.name_en and category.name_zh_hans, category.code


def test_products_have_both_titles_a_category_attributes_and_an_image(built, media):
    products = Product.objects.annotate(
        n_categories=Count("categories", distinct=True), n_attributes=Count("attribute_values", distinct=True)
    )
    assert products.count() == N
    for product in products:
        assert product.title_en and product.title_zh_hans and product.title_en != product.title_zh_hans
        assert product.description_en and product.description_zh_hans
        assert product.n_categories == 1 and product.n_attributes >= 3  # brand, model and more
    assert Product.objects.values("categories__path").distinct().count() > 30
    image = ProductImage.objects.select_related("product").first()
    assert media.exists(image.original.name) and image.original.name.endswith(f"{image.product.code}.jpg")


def test_option_values_are_translated_where_they_are_words(built):
    black = AttributeOption.objects.get(code="colour-black")
    assert (black.option_en, black.option_zh_hans) == ("Black", "黑色")
    deli = AttributeOption.objects.get(code="brand-deli")
    assert (deli.option_en, deli.option_zh_hans) == ("Deli", "得力")


def test_every_supplier_has_stock_in_at_least_two_warehouses(built):
    assert Partner.objects.count() >= 3
    for spec in PARTNERS:
        stocked = (
            Warehouse.objects.filter(partner__code=spec.code)
            .annotate(units=Sum("stock_lines__quantity"))
            .filter(units__gt=0)
        )
        assert stocked.count() >= 2, spec.code


def test_stock_records_hold_the_sum_of_their_warehouses(built):
    records = StockRecord.objects.annotate(total=Sum("warehouse_stock__quantity"))
    assert records.count() >= N
    for record in records:
        assert record.num_in_stock == record.total
        assert record.price_currency == "CNY" and record.price > 0
    assert not stock_drift().exists()


def test_one_account_per_role_in_its_group(built):
    User = get_user_model()
    for spec in ACCOUNTS:
        user = User.objects.get(username=spec.username)
        assert user.check_password(spec.password)
        assert user.groups.filter(name=GROUP_NAMES[spec.role]).exists()
    supplier = User.objects.get(username="supplier")
    assert supplier.partners.filter(code="huadong-stationery").exists()
    assert supplier.has_perm("partner.dashboard_access")
    editor = User.objects.get(username="editor")
    assert editor.groups.filter(name="Editors").exists() and editor.has_perm("wagtailadmin.access_admin")
    operator = User.objects.get(username="operator")
    assert operator.is_staff and operator.is_superuser
    assert not User.objects.filter(username__in=["retailer", "distributor"], is_staff=True).exists()
    assert GROUP_NAMES[Role.EDITOR] == "Editors"


def test_the_home_page_is_the_site_root_with_a_chinese_translation(built):
    home = HomePage.objects.get(locale=Locale.get_default())
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert [block.block_type for block in home.body] == ["hero", "rich_text"]
    chinese = home.get_translations().get(locale__language_code="zh-hans").specific
    assert chinese.title == "砚台商贸"
    assert chinese.body[0].value["headline"] == "文具整盒批，纸张整托供"
    assert "为什么选择我们" in chinese.body[1].value.source


def test_a_second_run_creates_nothing(built, media):
    # given
    before = _counts()

    # when
    report = DemoBuilder(N, storage=media).build()

    # then
    assert report.nothing_new
    assert _counts() == before


def test_asking_for_more_products_adds_only_the_missing_ones_without_per_product_queries(built, media):
    # when
    with CaptureQueriesContext(connection) as queries:
        report = DemoBuilder(N + 200, storage=media).build()

    # then
    assert report.created["products"] == 200
    assert Product.objects.count() == N + 200
    # ~76 for the catalog chunks and reference data, 6 for checking that companies, stock levels and orders exist
    assert len(queries) < 86, f"{len(queries)} queries for 200 products"
    assert not stock_drift().exists()
    assert not Product.objects.filter(Q(title_zh_hans="") | Q(title_zh_hans=None)).exists()


def test_the_command_reports_what_it_did_and_then_that_nothing_was_new(media):
    first, second, logins = StringIO(), StringIO(), StringIO()

    call_command("demo_data", products=20, stdout=first, stderr=StringIO())
    call_command("demo_data", products=20, stdout=second, stderr=StringIO())
    call_command("demo_data", logins=True, stdout=logins)

    assert "20  products" in first.getvalue() and "Paper-Crane-2026" in first.getvalue()
    assert "Nothing new" in second.getvalue() and "search_reindex" in second.getvalue()
    assert all(a.username in logins.getvalue() and a.password in logins.getvalue() for a in ACCOUNTS)


def test_quiet_prints_nothing(media):
    out = StringIO()
    call_command("demo_data", products=5, quiet=True, stdout=out, stderr=out)
    assert out.getvalue() == ""
    assert Product.objects.count() == 5


@pytest.mark.django_db
def test_a_recreated_editors_group_may_draft_but_not_publish():
    # given: the Editors group was deleted (e.g. by an operator), so the demo creates it again
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    from shop.demo.accounts import ensure_groups

    Group.objects.filter(name=GROUP_NAMES[Role.EDITOR]).delete()

    # when
    groups = ensure_groups(Counter())

    # then: publishing stays with the approvers
    codenames = set(
        GroupPagePermission.objects.filter(group=groups[Role.EDITOR]).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page", "lock_page"}
