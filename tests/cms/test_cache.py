"""Page bodies are cached per language, currency and price audience, and dropped when they go stale."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.cache import CSRF_PLACEHOLDER, price_audience
from tests.checkout.flow import store_rates
from tests.cms.conftest import grid

pytestmark = pytest.mark.django_db


def prices(client, url: str = "/en/spring-sale/") -> list[str]:
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return [p.get_text(" ", strip=True) for p in page.select(".cms-products .price_color")]


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_second_visit_is_served_from_the_cache_with_fewer_queries(client, make_promo, catalogue):
    make_promo([grid(query="pen", count=3), grid(query="paper", count=2)])

    first = queries_for(client, "/en/spring-sale/")
    second = queries_for(client, "/en/spring-sale/")

    assert second < first - 3
    assert prices(client) == prices(client)


def test_each_currency_gets_its_own_cached_prices(client, make_promo, catalogue):
    store_rates()
    make_promo([grid(query="stapler", count=1)])
    cny = prices(client)

    session = client.session
    session["shop_currency"] = "USD"
    session.save()
    usd = prices(client)

    assert cny == ["CN¥45.00"]
    assert usd[0].startswith("$") and usd != cny


def test_the_chinese_page_is_cached_apart_from_the_english_one(client, make_promo):
    make_promo([("coupon", {"code": "SCHOOL-10", "text": ""})])

    english = client.get("/en/spring-sale/").content.decode()
    chinese = client.get("/zh-hans/spring-sale/").content.decode()

    assert 'lang="en"' in english and 'lang="zh-hans"' in chinese
    assert "Copy code" in english
    assert "Copy code" not in chinese  # the block text follows the language, not the first visitor's


def test_a_price_change_shows_once_committed(client, make_promo, catalogue, django_capture_on_commit_callbacks):
    make_promo([grid(query="stapler", count=1)])
    assert prices(client) == ["CN¥45.00"]

    with django_capture_on_commit_callbacks(execute=True):
        record = catalogue.products["stapler"].stockrecords.get()
        record.price = Decimal("39.90")
        record.save()

    assert prices(client) == ["CN¥39.90"]


def test_a_product_that_goes_out_of_sale_leaves_the_cached_block(
    client, make_promo, catalogue, django_capture_on_commit_callbacks
):
    products = catalogue.products
    make_promo([grid(source="picked", products=[products["stapler"], products["notes"]])])
    assert len(prices(client)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        products["stapler"].is_public = False
        products["stapler"].save()

    assert len(prices(client)) == 1


def test_publishing_a_new_revision_replaces_the_cached_body(client, make_promo, django_capture_on_commit_callbacks):
    page = make_promo([("coupon", {"code": "OLD-CODE", "text": ""})])
    assert "OLD-CODE" in client.get("/en/spring-sale/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        page.body = [("coupon", {"code": "NEW-CODE", "text": ""})]
        page.save_revision().publish()

    html = client.get("/en/spring-sale/").content.decode()
    assert "NEW-CODE" in html and "OLD-CODE" not in html


def test_versions_move_only_when_the_change_commits_and_once_per_transaction(
    make_promo, catalogue, django_capture_on_commit_callbacks
):
    from django.core.cache import cache
    from django.db import transaction

    from cms.cache import CATALOGUE_VERSION_KEY
    from cms.receivers import CatalogueBump

    def bumps(callbacks: list) -> list:
        return [callback for callback in callbacks if isinstance(callback, CatalogueBump)]

    cache.set(CATALOGUE_VERSION_KEY, 1, None)
    records = [product.stockrecords.get() for key, product in catalogue.products.items() if key != "pencil"]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for record in records:  # an import saving many rows
            record.num_in_stock += 1
            record.save()
        assert cache.get(CATALOGUE_VERSION_KEY) == 1  # not before the commit
    assert len(bumps(callbacks)) == 1
    assert cache.get(CATALOGUE_VERSION_KEY) == 2

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                records[0].save()
                raise RuntimeError("import failed")
        except RuntimeError:
            pass
    assert bumps(callbacks) == []  # rolled back: nothing to invalidate
    assert cache.get(CATALOGUE_VERSION_KEY) == 2


def test_unpublishing_takes_the_page_away(client, make_promo):
    page = make_promo([("coupon", {"code": "GONE-SOON", "text": ""})])
    assert client.get("/en/spring-sale/").status_code == 200

    page.unpublish()

    assert client.get("/en/spring-sale/").status_code == 404


def test_cached_forms_carry_each_visitor_s_own_csrf_token(make_promo, catalogue):
    from django.test import Client

    make_promo([grid(query="stapler", count=1)])
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = BeautifulSoup(visitor.get("/en/spring-sale/").content.decode(), "html.parser")
        token = page.select_one(".cms-products form input[name=csrfmiddlewaretoken]")["value"]
        assert token != CSRF_PLACEHOLDER
        response = visitor.post(page.select_one(".cms-products form")["action"],
                                {"csrfmiddlewaretoken": token, "quantity": 1})
        assert response.status_code == 302  # accepted: not a CSRF failure (403)
        tokens.append(token)
    assert tokens[0] != tokens[1]


@pytest.mark.parametrize(
    ("user", "company", "audience"),
    [
        (SimpleNamespace(is_authenticated=False), None, "public"),
        (SimpleNamespace(is_authenticated=True), None, "signed-in"),
        (SimpleNamespace(is_authenticated=True), SimpleNamespace(pk=7), "company-7"),
    ],
)
def test_prices_are_cached_per_company_because_price_lists_and_contracts_are(user, company, audience):
    assert price_audience(SimpleNamespace(user=user, company=company)) == audience


def test_image_renditions_come_from_the_cache_the_second_time(django_assert_num_queries):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), (10, 120, 200)).save(buffer, "PNG")
    image = get_image_model().objects.create(title="Banner", file=ImageFile(buffer, name="banner.png"))
    image.get_rendition("fill-120x80")

    fresh = get_image_model().objects.get(pk=image.pk)
    with django_assert_num_queries(0):
        rendition = fresh.get_rendition("fill-120x80")
    assert (rendition.width, rendition.height) == (120, 80)
