"""Demo CMS content: a back-to-school promo page and a help centre, in English and Chinese."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .editorial import ensure_editorial_setup
from .models import HelpArticlePage, HelpIndexPage, HomePage, PromoPage

PROMO_SLUG = "back-to-school"
HELP_SLUG = "help"
CHINESE = "zh-hans"


def _promo_body(lang: str, ends_at: datetime.datetime) -> list:
    zh = lang == CHINESE
    return [
        ("hero", {
            "headline": "开学季：文具整箱优惠" if zh else "Back to school: stationery by the carton",
            "subline": "中性笔、笔记本和复印纸，企业价直达。" if zh
            else "Gel pens, notebooks and copy paper at your business price.",
            "button_text": "选购笔类" if zh else "Shop pens",
            "button_url": f"/{lang}/catalogue/",
            "image": None,
            "phone_image": None,
        }),
        ("countdown", {"headline": "限时优惠倒计时" if zh else "The offer ends in", "ends_at": ends_at,
                       "ended_text": "本次优惠已结束。" if zh else "This offer has ended."}),
        ("product_grid", {"title": "最划算的笔" if zh else "Cheapest pens first", "source": "search",
                          "query": "pen", "filters": [], "sort": "price-asc", "count": 8, "products": [],
                          "layout": "grid"}),
        ("coupon", {"code": "SCHOOL-5",
                    "text": "结账时输入优惠码，立减 5%。" if zh else "5% off at checkout with this code."}),
        ("faq", {"title": "常见问题" if zh else "Questions", "questions": [
            {"question": "优惠适用于哪些商品？" if zh else "Which products are included?",
             "answer": "<p>所有笔类和纸品。</p>" if zh else "<p>Every pen and paper product.</p>"},
        ]}),
    ]


ARTICLES = [
    (
        "paying-by-bank-transfer",
        ("Paying by bank transfer", "银行转账付款"),
        ("Where and how to send the money for an order.", "订单款项的汇款方式。"),
        ("<p>After you place an order you receive our bank details and a payment reference. "
         "Put the reference on the transfer so we can match it.</p>",
         "<p>下单后您会收到我们的银行账户和付款参考号。转账时请填写参考号，以便我们核对。</p>"),
    ),
    (
        "returning-a-damaged-carton",
        ("Returning a damaged carton", "退回破损的整箱商品"),
        ("Report damage within 14 days of delivery.", "请在收货后 14 天内报告破损。"),
        ("<p>Photograph the carton and its contents and write to us within 14 days; we collect it free of charge.</p>",
         "<p>请拍下箱子和里面的商品，并在 14 天内联系我们；我们免费上门取件。</p>"),
    ),
]


def _translation_of(page: Page, locale: Locale) -> Page | None:
    return page.get_translations().filter(locale=locale).first()


def _publish_translation(page: Page, locale: Locale, **fields) -> bool:
    if _translation_of(page, locale) is not None:
        return False
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return True


@transaction.atomic
def ensure_demo_pages(created: Counter[str]) -> None:
    """Create whatever of the demo CMS pages is missing (safe to run again)."""
    if ensure_editorial_setup():
        created["CMS workflows"] += 1
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site is not None else None
    if not isinstance(home, HomePage):
        return
    chinese, _ = Locale.objects.get_or_create(language_code=CHINESE)
    ends_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)

    promo = PromoPage.objects.child_of(home).filter(slug=PROMO_SLUG).first()
    if promo is None:
        promo = PromoPage(title="Back-to-school week", slug=PROMO_SLUG, summary="Pens and paper by the carton.",
                          body=_promo_body("en", ends_at))
        home.add_child(instance=promo)
        promo.save_revision().publish()
        created["CMS pages"] += 1
    if _publish_translation(promo, chinese, title="开学季", summary="整箱购买笔和纸。",
                            body=_promo_body(CHINESE, ends_at)):
        created["CMS page translations"] += 1

    help_index = HelpIndexPage.objects.child_of(home).first()
    if help_index is None:
        help_index = HelpIndexPage(title="Help centre", slug=HELP_SLUG,
                                   intro="Answers to the questions buyers ask most.")
        home.add_child(instance=help_index)
        help_index.save_revision().publish()
        created["CMS pages"] += 1
    if _publish_translation(help_index, chinese, title="帮助中心", intro="采购人员最常问的问题。"):
        created["CMS page translations"] += 1
    for slug, titles, summaries, bodies in ARTICLES:
        article = HelpArticlePage.objects.child_of(help_index).filter(slug=slug).first()
        if article is None:
            article = HelpArticlePage(title=titles[0], slug=slug, summary=summaries[0],
                                      body=[("rich_text", bodies[0])])
            help_index.add_child(instance=article)
            article.save_revision().publish()
            created["CMS pages"] += 1
        if _publish_translation(article, chinese, title=titles[1], summary=summaries[1],
                                body=[("rich_text", bodies[1])]):
            created["CMS page translations"] += 1
