"""The header's language switcher: one small form per language that keeps the page and is remembered."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from shop.core.templatetags.storefront import url_in_language

pytestmark = pytest.mark.django_db


def switcher_form(response, language: str):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    button = page.select_one(f'#language-switcher button[data-lang="{language}"]')
    assert button is not None, f"no switcher button for {language}"
    return button, button.find_parent("form")


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/en/catalogue/", "zh-hans", "/zh-hans/catalogue/"),
        ("/zh-hans/basket/", "en", "/en/basket/"),
        ("/en/search/?q=gel+pen", "zh-hans", "/zh-hans/search/?q=gel+pen"),
        ("/en/catalogue/", "en", "/en/catalogue/"),
    ],
)
def test_switcher_form_posts_to_set_language_with_the_page_in_the_other_language(client, path, language, expected):
    # when
    response = client.get(path)

    # then
    assert response.status_code == 200
    button, form = switcher_form(response, language)
    assert form["method"] == "post"
    assert form["action"] == reverse("set_language")
    assert button["name"] == "language"
    assert button["value"] == language
    assert form.select_one('input[name="next"]')["value"] == expected
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is not None


def test_current_language_is_marked_pressed(client):
    response = client.get("/zh-hans/catalogue/")

    chinese, _form = switcher_form(response, "zh-hans")
    english, _form = switcher_form(response, "en")
    assert chinese["aria-pressed"] == "true"
    assert english["aria-pressed"] == "false"
    assert chinese.get_text(strip=True) == "中文"
    assert english.get_text(strip=True) == "English"


def test_switching_keeps_the_page_and_is_remembered(client):
    # given
    _button, form = switcher_form(client.get("/en/catalogue/"), "zh-hans")
    next_url = form.select_one('input[name="next"]')["value"]

    # when
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": next_url})

    # then: back on the same page, in Chinese
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/catalogue/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    page = client.get(response["Location"])
    assert BeautifulSoup(page.content.decode(), "html.parser").html["lang"] == "zh-hans"
    # and the next visit without a language prefix lands in Chinese
    landing = client.get("/")
    assert landing.status_code == 302
    assert landing["Location"].startswith("/zh-hans/")


def test_url_in_language_swaps_the_prefix_of_paths_that_do_not_resolve():
    assert url_in_language("/en/no-such-page/", "zh-hans") == "/zh-hans/no-such-page/"
    assert url_in_language("/zh-hans/no-such-page/?x=1", "en") == "/en/no-such-page/?x=1"


def test_url_in_language_leaves_paths_outside_the_language_prefixes_alone():
    assert url_in_language("/cms-admin/", "zh-hans") == "/cms-admin/"
    assert url_in_language("/english/", "zh-hans") == "/english/"
