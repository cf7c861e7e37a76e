"""A promo page translated to Chinese is served under /zh-hans/, the English original under /en/."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def title_and_code(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select_one(".cms-page__title").get_text(strip=True), page.select_one(".cms-coupon__code").get_text()


def translate(page, title: str, code: str):
    chinese = page.copy_for_translation(Locale.objects.get(language_code="zh-hans"), copy_parents=True)
    chinese.title = title
    chinese.body = [("coupon", {"code": code, "text": ""})]
    chinese.save_revision().publish()
    return chinese


def test_each_language_url_serves_its_own_translation(client, make_promo):
    # given
    english = make_promo([("coupon", {"code": "SPRING-EN", "text": ""})])

    # when
    chinese = translate(english, "春季促销", "SPRING-ZH")

    # then
    assert chinese.translation_key == english.translation_key
    assert title_and_code(client, "/en/spring-sale/") == ("Spring sale", "SPRING-EN")
    assert title_and_code(client, "/zh-hans/spring-sale/") == ("春季促销", "SPRING-ZH")


def test_an_untranslated_page_is_still_reachable_under_the_other_language(client, make_promo):
    make_promo([("coupon", {"code": "ONLY-EN", "text": ""})])

    assert title_and_code(client, "/zh-hans/spring-sale/")[1] == "ONLY-EN"


def test_the_translation_is_offered_in_the_cms_admin(admin_client, make_promo):
    english = make_promo([("coupon", {"code": "SPRING-EN", "text": ""})])

    response = admin_client.get(f"/cms-admin/pages/{english.pk}/edit/")

    assert response.status_code == 200
    assert "translate" in response.content.decode().lower()
