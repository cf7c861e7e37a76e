"""Block-level behaviour: validation messages, video addresses, hero pictures, the product chooser."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.blocks import CouponBlock, ProductGridBlock, VideoBlock
from cms.blocks.content import video_embed_url
from cms.countdown import time_left
from tests.cms.conftest import in_hours


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_only_youtube_and_vimeo_videos_are_embedded(url, embed):
    assert video_embed_url(url) == embed


def test_a_video_block_refuses_other_sites_with_a_clear_message():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            VideoBlock().clean({"url": "https://evil.example/video.mp4", "caption": ""})
        assert "Only YouTube and Vimeo" in str(error.value.block_errors["url"])


def test_a_coupon_code_must_be_a_plain_code():
    block = CouponBlock()
    assert block.clean({"code": "SCHOOL-10", "text": ""})["code"] == "SCHOOL-10"
    with pytest.raises(ValidationError):
        block.clean({"code": "<b>x</b>", "text": ""})


@pytest.mark.django_db
def test_a_hand_picked_grid_needs_products():
    block = ProductGridBlock()
    value = block.to_python({"source": "picked", "products": [], "query": "", "filters": [], "sort": "relevance",
                             "count": 4, "layout": "grid", "title": ""})
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            block.clean(value)
        assert "Choose at least one product" in str(error.value.block_errors["products"])


@pytest.mark.django_db
def test_an_unknown_facet_is_refused():
    block = ProductGridBlock()
    value = block.to_python({"source": "search", "products": [], "query": "pen", "sort": "relevance", "count": 4,
                             "layout": "grid", "title": "", "filters": [{"field": "password", "value": "x"}]})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_time_left_counts_down_and_stops_at_zero():
    left = time_left(in_hours(49.5))
    assert (left.days, left.hours, left.ended) == (2, 1, False)
    assert time_left(in_hours(-1)).ended


@pytest.mark.django_db
def test_a_hero_picture_has_a_separate_phone_version(client, make_promo):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    def image(title: str, size: tuple[int, int]):
        buffer = io.BytesIO()
        PILImage.new("RGB", size, (200, 80, 20)).save(buffer, "PNG")
        return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"),
                                                focal_point_x=1500, focal_point_y=400,
                                                focal_point_width=100, focal_point_height=100)

    wide, tall = image("wide", (1600, 800)), image("tall", (800, 1200))
    make_promo([("hero", {"headline": "Sale", "subline": "", "button_text": "", "button_url": "",
                          "image": wide, "phone_image": tall})])

    page = BeautifulSoup(client.get("/en/spring-sale/").content.decode(), "html.parser")

    picture = page.select_one(".hero picture")
    assert picture.select_one("source")["media"] == "(max-width: 600px)"
    assert "tall" in picture.select_one("source")["srcset"]
    assert "wide" in picture.select_one("img")["src"] and picture.select_one("img")["width"] == "720"


@pytest.mark.django_db
def test_a_landing_page_can_hold_promo_pages(client, home):
    from cms.models import LandingPage, PromoPage

    landing = LandingPage(title="Deli brand story", slug="deli", body=[("rich_text", "<p>Since 1981.</p>")])
    home.add_child(instance=landing)
    landing.save_revision().publish()
    promo = PromoPage(title="Deli week", slug="deli-week", body=[("coupon", {"code": "DELI-1", "text": ""})])
    landing.add_child(instance=promo)
    promo.save_revision().publish()

    assert "Since 1981." in client.get("/en/deli/").content.decode()
    assert "DELI-1" in client.get("/en/deli/deli-week/").content.decode()


@pytest.mark.django_db
def test_editors_pick_products_from_the_product_chooser(admin_client, catalogue):
    listing = admin_client.get("/cms-admin/cms/product-chooser/")
    found = admin_client.get("/cms-admin/cms/product-chooser/results/", {"q": "stapler"})

    assert listing.status_code == found.status_code == 200
    everything = listing.json()["html"]
    assert "Stapler 订书机 heavy duty" in everything and "Gel Pen Blue" in everything
    assert "Secret prototype pen" not in everything  # not public
    assert "Stapler 订书机 heavy duty" in found.content.decode()
    assert "Gel Pen Blue" not in found.content.decode()
