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


def test_an_editor_submits_a_page_for_translation_in_the_cms_admin(admin_client, make_promo):
    from cms.models import PromoPage

    english = make_promo([("coupon", {"code": "SPRING-EN", "text": ""})])
    chinese = Locale.objects.get(language_code="zh-hans")

    assert admin_client.get(f"/cms-admin/localize/submit/page/{english.pk}/").status_code == 200
    response = admin_client.post(f"/cms-admin/localize/submit/page/{english.pk}/", {"locales": [chinese.pk]})

    assert response.status_code == 302
    draft = PromoPage.objects.get(translation_key=english.translation_key, locale=chinese)
    assert draft.slug == "spring-sale" and draft.get_parent().locale == chinese
