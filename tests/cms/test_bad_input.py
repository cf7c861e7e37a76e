"""Bad input through the CMS admin: scripts and javascript: links never reach a page; disguised uploads are refused."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image as PILImage
from wagtail.test.utils.form_data import nested_form_data, streamfield

pytestmark = pytest.mark.django_db

EVIL_HTML = (
    '<p>Hello <script>alert("x")</script><a href="javascript:alert(1)" onclick="steal()">click</a>'
    '<img src=x onerror=alert(2)><iframe src="https://evil.example"></iframe></p>'
)


def contentstate(text: str, url: str) -> str:
    """Draftail's wire format with one link: what the admin's JavaScript would post."""
    return json.dumps(
        {
            "blocks": [
                {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [],
                 "entityRanges": [{"offset": 0, "length": 5, "key": 0}], "data": {}}
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


def edit_post(admin_client, page, body: list) -> object:
    data = nested_form_data({"title": page.title, "slug": page.slug, "body": streamfield(body)})
    data["action-publish"] = "publish"
    return admin_client.post(f"/cms-admin/pages/{page.pk}/edit/", data)


def stored_html(page) -> str:
    from wagtail.models import Page

    fresh = Page.objects.get(pk=page.pk).specific
    return json.dumps(fresh.body.raw_data[:]) if hasattr(fresh.body, "raw_data") else str(fresh.body)


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for bad in ("<script", "javascript:", "onclick", "onerror", "<iframe", "alert("):
        assert bad not in lowered, f"{bad!r} survived in {html!r}"


def test_a_raw_admin_post_with_a_javascript_link_and_script_text_is_stored_clean(admin_client, make_promo):
    # given
    page = make_promo([("rich_text", "<p>old</p>")])

    # when: a hand-made POST, not the editor
    response = edit_post(admin_client, page, [("rich_text", contentstate('click <script>alert(1)</script>',
                                                                         "javascript:alert(1)"))])

    # then
    assert response.status_code == 302
    html = stored_html(page)
    assert "click" in html
    assert "javascript:" not in html.lower()
    assert "<script" not in html.lower()  # the text is stored escaped


def test_a_raw_admin_post_of_html_instead_of_editor_json_is_sanitised(admin_client, make_promo):
    page = make_promo([("rich_text", "<p>old</p>")])

    response = edit_post(admin_client, page, [("rich_text", EVIL_HTML)])

    assert response.status_code == 302
    html = stored_html(page)
    assert "Hello" in html and "click" in html
    assert_clean(html)


def test_saving_a_page_in_code_sanitises_nested_rich_text(make_promo, client):
    page = make_promo([
        ("rich_text", EVIL_HTML),
        ("faq", {"title": "", "questions": [{"question": "Q", "answer": EVIL_HTML}]}),
    ])

    assert_clean(stored_html(page))
    rendered = client.get("/en/spring-sale/").content.decode()
    assert "Hello" in rendered
    assert "javascript:alert" not in rendered and "<script>alert" not in rendered


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("promo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("promo.png", b"<!doctype html><html><script>alert(1)</script></html>", "image/png"),
        ("promo.jpg", b"GIF89a<script>alert(1)</script>", "image/jpeg"),
    ],
)
def test_uploads_that_are_not_the_images_they_claim_are_refused(admin_client, tmp_path, name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = admin_client.post("/cms-admin/images/add/", {"title": "Promo", "file": upload, "collection": 1})

    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.filter(title="Promo").exists()


def test_a_real_png_upload_is_accepted(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model

    upload = SimpleUploadedFile("banner.png", _png(), content_type="image/png")
    response = admin_client.post("/cms-admin/images/add/", {"title": "Banner", "file": upload, "collection": 1})

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Banner").exists()
