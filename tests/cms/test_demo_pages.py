"""``demo_data`` adds a promo page and a help centre with articles, in English and Chinese — once."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

# Real commits: wagtail-localize publishes the Chinese home page when the builder's transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(tmp_path, settings, search_index):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("demo_data", products=12, quiet=True, stdout=StringIO(), stderr=StringIO())


def test_demo_data_creates_a_promo_page_and_help_articles_in_both_languages(demo, client):
    from wagtail.models import Workflow

    from cms.editorial import WORKFLOW_NAME
    from cms.models import HelpArticlePage, PromoPage

    assert PromoPage.objects.live().count() == 2
    assert HelpArticlePage.objects.live().filter(locale__language_code="en").count() == 2
    assert HelpArticlePage.objects.live().filter(locale__language_code="zh-hans").count() == 2
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()

    english = client.get("/en/back-to-school/")
    chinese = client.get("/zh-hans/back-to-school/")
    assert english.status_code == chinese.status_code == 200
    assert "Back to school" in english.content.decode()
    assert "开学季" in chinese.content.decode()
    assert client.get("/zh-hans/help/").status_code == 200


def test_a_second_demo_run_adds_no_pages(demo):
    from collections import Counter

    from cms.demo import ensure_demo_pages

    created: Counter[str] = Counter()
    ensure_demo_pages(created)

    assert created == Counter()
