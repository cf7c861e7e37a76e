"""The help centre lists its articles and searches them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def help_centre(home):
    from cms.models import HelpArticlePage, HelpIndexPage

    index = home.add_child(instance=HelpIndexPage(title="Help", slug="help", intro="How can we help?"))
    for title, summary, text in [
        ("Paying by bank transfer", "Where to send the money", "<p>Use the reference on your invoice.</p>"),
        ("Returning a damaged carton", "Returns within 14 days", "<p>Photograph the carton and write to us.</p>"),
    ]:
        article = HelpArticlePage(title=title, summary=summary, body=[("rich_text", text)])
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


def articles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in page.select(".cms-help__article a")]


def test_the_help_centre_lists_its_articles(client, help_centre):
    assert articles(client, "/en/help/") == ["Paying by bank transfer", "Returning a damaged carton"]


def test_the_help_search_finds_articles_by_their_text(client, help_centre):
    assert articles(client, "/en/help/?q=invoice") == ["Paying by bank transfer"]
    assert articles(client, "/en/help/?q=carton") == ["Returning a damaged carton"]


def test_a_help_search_without_matches_says_so(client, help_centre):
    response = client.get("/en/help/?q=zeppelin")

    assert "No help article matches your search" in response.content.decode()


def test_an_article_page_renders_its_blocks(client, help_centre):
    response = client.get("/en/help/paying-by-bank-transfer/")

    assert response.status_code == 200
    assert "Use the reference on your invoice." in response.content.decode()


def test_the_chinese_help_centre_finds_chinese_words(client, home):
    from wagtail.models import Locale

    from cms.models import HelpArticlePage, HelpIndexPage

    chinese = Locale.objects.get(language_code="zh-hans")
    home_zh = home.copy_for_translation(chinese)
    home_zh.save_revision().publish()
    index = home_zh.add_child(instance=HelpIndexPage(title="帮助中心", slug="help", locale=chinese))
    for title, text in [
        ("银行转账付款", "<p>转账时请填写付款参考号。</p>"),
        ("退回破损的整箱商品", "<p>请拍照后联系我们。</p>"),
    ]:
        article = HelpArticlePage(title=title, summary="", body=[("rich_text", text)], locale=chinese)
        index.add_child(instance=article)
        article.save_revision().publish()

    assert articles(client, "/zh-hans/help/?q=转账") == ["银行转账付款"]
    assert articles(client, "/zh-hans/help/?q=破损") == ["退回破损的整箱商品"]
