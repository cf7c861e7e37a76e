"""The buyer's invoice download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from oscar.core.loading import get_model

from .invoice import invoice_filename, render_invoice_pdf

Order = get_model("order", "Order")


@login_required
def invoice_pdf(request: HttpRequest, order_number: str) -> HttpResponse:
    """The invoice of one of the signed-in buyer's orders, as a PDF download (404 for anyone else's)."""
    order = Order.objects.filter(number=order_number, user=request.user).first()
    if order is None:
        raise Http404
    response = HttpResponse(render_invoice_pdf(order), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice_filename(order)}"'
    response["Cache-Control"] = "private, no-store"
    return response
