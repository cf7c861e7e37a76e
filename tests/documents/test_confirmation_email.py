"""The order confirmation email: in the buyer's language, amounts in the order's currency, invoice attached."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation

from shop.documents.emails import send_order_confirmation
from shop.documents.models import OrderDocuments
from shop.documents.tasks import send_order_confirmation as confirmation_task
from tests.checkout.flow import place_order

pytestmark = pytest.mark.django_db


def test_chinese_checkout_sends_the_confirmation_in_chinese_with_euro_amounts(chinese_euro_order):
    order = chinese_euro_order
    assert OrderDocuments.objects.get(order=order).language == "zh-hans"
    assert order.total_incl_tax == Decimal("39.36")

    [message] = mail.outbox
    assert message.to == ["buyer@example.com"]
    assert message.subject == f"订单 {order.number} 已确认"
    body = message.body
    assert f"感谢您的订单 {order.number}" in body
    assert "中性笔 0.5毫米" in body
    assert "12 × €3.28 = €39.36" in body
    assert "总计：€39.36" in body
    assert "请通过银行转账付款" in body and f"付款备注：{order.number}" in body
    assert "IBAN: DE00 0000 0000 0000 0000 00" in body
    assert f"/zh-hans/accounts/orders/{order.number}/" in body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and "€39.36" in html and "中性笔 0.5毫米" in html
    [(filename, content, attachment_type)] = message.attachments
    assert (filename, attachment_type) == (f"invoice-{order.number}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_yen_amounts_have_no_decimals(buyer_client, rates, pen, django_capture_on_commit_callbacks):
    order, _ = place_order(buyer_client, pen, django_capture_on_commit_callbacks, currency="JPY", language="en")

    assert (order.currency, order.total_incl_tax) == ("JPY", Decimal("6396"))
    [message] = mail.outbox
    assert message.subject == f"Order {order.number} confirmed"
    assert "12 × ¥533 = ¥6,396" in message.body
    assert "Total: ¥6,396\n" in message.body
    assert "¥6,396.00" not in message.body


def test_the_confirmation_goes_out_once(chinese_euro_order):
    assert send_order_confirmation(chinese_euro_order) is False
    assert confirmation_task.delay(chinese_euro_order.id).get() is False
    assert len(mail.outbox) == 1
    assert OrderDocuments.objects.get(order=chinese_euro_order).confirmation_sent_at is not None


def test_the_email_is_written_in_the_orders_language_not_the_senders(chinese_euro_order):
    # given the confirmation is sent again from an English-speaking worker
    OrderDocuments.objects.filter(order=chinese_euro_order).update(confirmation_sent_at=None)
    mail.outbox.clear()

    with translation.override("en"):
        assert send_order_confirmation(chinese_euro_order) is True

    # then it is still Chinese
    assert mail.outbox[0].subject == f"订单 {chinese_euro_order.number} 已确认"
