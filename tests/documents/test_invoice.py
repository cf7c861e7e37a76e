"""The invoice PDF: buyer's language with embedded CJK font, figures that add up, only for its buyer."""

import io
from decimal import Decimal

import pytest
from django.test import Client
from oscar.test.factories import create_offer
from pypdf import PdfReader

from shop.documents.invoice import invoice_for, render_invoice_pdf
from tests.checkout.flow import place_order, url

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Font name → whether its glyphs are embedded (a FontFile* stream in its descriptor)."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font).get(
                "/FontDescriptor"
            )
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_invoice_pdf_is_chinese_with_the_euro_total(chinese_euro_order):
    data = render_invoice_pdf(chinese_euro_order)

    text = pdf_text(data)
    assert "发票" in text
    assert "中性笔 0.5毫米" in text
    assert "€39.36" in text
    assert f"付款备注：{chinese_euro_order.number}" in text
    fonts = embedded_fonts(data)
    assert fonts and all(fonts.values()), fonts
    assert any("CJK" in name for name in fonts), fonts


def test_the_buyer_downloads_the_invoice_from_the_order_page(buyer_client, chinese_euro_order):
    order_page = buyer_client.get(url("customer:order", "zh-hans", order_number=chinese_euro_order.number))
    invoice_url = url("order-invoice", "zh-hans", order_number=chinese_euro_order.number)
    assert invoice_url == f"/zh-hans/accounts/orders/{chinese_euro_order.number}/invoice.pdf"
    assert f'href="{invoice_url}"' in order_page.content.decode()

    response = buyer_client.get(invoice_url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="invoice-{chinese_euro_order.number}.pdf"'
    assert "中性笔 0.5毫米" in pdf_text(response.content)


def test_another_buyer_gets_404_and_a_visitor_must_sign_in(chinese_euro_order, django_user_model):
    invoice_url = url("order-invoice", "en", order_number=chinese_euro_order.number)
    other = django_user_model.objects.create_user(username="other", email="o@example.com", password="a-long-pass-123")
    client = Client()

    anonymous = client.get(invoice_url)
    client.force_login(other)
    foreign = client.get(invoice_url)
    missing = client.get(url("order-invoice", "en", order_number="999999"))

    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert foreign.status_code == 404
    assert missing.status_code == 404


def test_an_english_order_gets_an_english_invoice(buyer_client, rates, pen, django_capture_on_commit_callbacks):
    order, _ = place_order(buyer_client, pen, django_capture_on_commit_callbacks, currency="EUR", language="en")
    text = pdf_text(render_invoice_pdf(order))
    assert "Invoice" in text and "Gel pen 0.5 mm" in text and "Total" in text and "€39.36" in text
    assert "发票" not in text


def test_lines_discount_and_shipping_add_up_to_the_order_total(
    buyer_client, rates, pen, django_capture_on_commit_callbacks
):
    # given a 20 % site offer: 39.36 − 7.87 (rounded per line) = 31.49
    create_offer(name="Back to school")
    order, _ = place_order(buyer_client, pen, django_capture_on_commit_callbacks, currency="EUR", language="en")

    invoice = invoice_for(order)

    assert invoice.subtotal == sum(line.total for line in invoice.lines) == Decimal("39.36")
    assert [(d.label, d.amount) for d in invoice.discounts] == [("Back to school", Decimal("7.87"))]
    assert invoice.subtotal - sum(d.amount for d in invoice.discounts) + invoice.shipping == invoice.total
    assert invoice.total == order.total_incl_tax == Decimal("31.49")
    text = pdf_text(render_invoice_pdf(order))
    assert "Discount: Back to school" in text and "€7.87" in text and "€31.49" in text
