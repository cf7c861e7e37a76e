"""The invoice of an order: its figures (which always add up) and its PDF, in the buyer's language.

Amounts come from the order as placed: every line total was rounded to the
currency's minor units when the basket was priced, so the lines, discounts,
shipping and surcharges add up to the order total exactly. The check in
:func:`invoice_for` makes a mismatch a loud error instead of a wrong invoice.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from shop.apps.checkout.payment import bank_transfer_instructions

from .language import order_language


class InvoiceMismatch(ValueError):
    """An order's figures do not add up to its total (a bug upstream; never printed)."""


@dataclass(frozen=True)
class InvoiceLine:
    title: str
    sku: str
    quantity: int
    unit_price: Decimal | None  # None only for orders imported without unit prices
    total: Decimal


@dataclass(frozen=True)
class InvoiceAdjustment:
    label: str
    amount: Decimal


@dataclass(frozen=True)
class Invoice:
    order: object
    number: str
    language: str
    currency: str
    lines: list[InvoiceLine]
    subtotal: Decimal
    discounts: list[InvoiceAdjustment]
    shipping: Decimal
    shipping_method: str
    surcharges: list[InvoiceAdjustment]
    tax: Decimal
    total: Decimal


def invoice_for(order) -> Invoice:
    """The invoice figures of ``order``; raises InvoiceMismatch when they do not add up."""
    lines = [
        InvoiceLine(
            title=line.title,
            sku=line.partner_sku or line.upc or "",
            quantity=line.quantity,
            unit_price=line.unit_price_incl_tax,
            total=line.line_price_before_discounts_incl_tax,
        )
        for line in order.lines.order_by("pk")
    ]
    subtotal = sum((line.total for line in lines), Decimal(0))
    surcharges = [InvoiceAdjustment(s.name, s.incl_tax) for s in order.surcharges.order_by("pk")]
    surcharge_total = sum((s.amount for s in surcharges), Decimal(0))
    discount_total = subtotal - (order.total_incl_tax - order.shipping_incl_tax - surcharge_total)
    discounts = [InvoiceAdjustment(d.description(), d.amount) for d in order.basket_discounts]
    if sum((d.amount for d in discounts), Decimal(0)) != discount_total:
        discounts = [InvoiceAdjustment("", discount_total)] if discount_total else []
    if subtotal - discount_total + order.shipping_incl_tax + surcharge_total != order.total_incl_tax:
        raise InvoiceMismatch(f"order {order.number}: invoice figures do not add up to {order.total_incl_tax}")
    if any(line.unit_price is not None and line.unit_price * line.quantity != line.total for line in lines):
        raise InvoiceMismatch(f"order {order.number}: a line total is not quantity × unit price")
    return Invoice(
        order=order,
        number=order.number,
        language=order_language(order),
        currency=order.currency,
        lines=lines,
        subtotal=subtotal,
        discounts=discounts,
        shipping=order.shipping_incl_tax,
        shipping_method=order.shipping_method,
        surcharges=surcharges,
        tax=order.total_incl_tax - order.total_excl_tax,
        total=order.total_incl_tax,
    )


def invoice_filename(order) -> str:
    return f"invoice-{order.number}.pdf"


def render_invoice_html(order) -> str:
    """The invoice as HTML, in the language the buyer ordered in."""
    invoice = invoice_for(order)
    with translation.override(invoice.language):
        return render_to_string(
            "documents/invoice.html",
            {
                "invoice": invoice,
                "order": order,
                "shop_name": settings.OSCAR_SHOP_NAME,
                "bank_transfer": bank_transfer_instructions(order),
                "LANGUAGE_CODE": invoice.language,
            },
        )


def render_invoice_pdf(order) -> bytes:
    """The invoice as a PDF (WeasyPrint; the CJK font comes from fontconfig and is embedded as a subset)."""
    from weasyprint import HTML

    html = render_invoice_html(order)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
