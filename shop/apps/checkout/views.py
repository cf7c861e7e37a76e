"""Checkout views: Oscar's flow with a payment-method step and bank transfer as the payment.

Shipping address → shipping method → payment method (this module) → preview →
place order. Bank transfer needs no payment details, so Oscar's
payment-details step forwards to the payment-method choice or the preview.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_class

from shop.documents.tasks import send_order_confirmation

from .forms import PaymentMethodForm
from .payment import BANK_TRANSFER, bank_transfer_details, bank_transfer_instructions, bank_transfer_source, get_method

UnableToTakePayment = get_class("payment.exceptions", "UnableToTakePayment")


class PaymentMethodView(oscar_views.PaymentMethodView):
    """The buyer chooses how to pay; the choice is kept in the checkout session."""

    template_name = "shop_checkout/payment_method.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PaymentMethodForm(initial={"method": self.checkout_session.payment_method()})
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PaymentMethodForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(oscar_views.PaymentDetailsView):
    """Preview and order placement; bank transfer allocates the total to a payment source."""

    template_name_preview = "shop_checkout/preview.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.preview:
            # No payment details to enter for the methods offered: choose one, then preview.
            if get_method(self.checkout_session.payment_method()) is None:
                return redirect("checkout:payment-method")
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request: HttpRequest) -> None:
        if get_method(self.checkout_session.payment_method()) is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Choose how you will pay.")
            )

    def get_context_data(self, **kwargs) -> dict:
        ctx = super().get_context_data(**kwargs)
        method = get_method(self.checkout_session.payment_method())
        ctx["payment_method"] = method
        ctx["bank_transfer_details"] = bank_transfer_details() if method and method.code == BANK_TRANSFER else ""
        return ctx

    def handle_payment(self, order_number: str, total, **kwargs) -> None:
        method = get_method(self.checkout_session.payment_method())
        if method is None:
            raise UnableToTakePayment(_("That payment method is not available any more. Choose how you will pay."))
        if method.code == BANK_TRANSFER:
            # Nothing is taken now: the source allocates the total until the transfer arrives.
            self.add_payment_source(bank_transfer_source(order_number, total.currency, total.incl_tax))

    def render_payment_details(self, request: HttpRequest, **kwargs) -> HttpResponse:
        if kwargs.get("error"):
            messages.error(request, kwargs["error"])
        return redirect("checkout:payment-method")

    def send_order_placed_email(self, order) -> None:
        """Queue the confirmation (in the buyer's language, invoice attached) once the order is committed."""
        order_id = order.id
        transaction.on_commit(lambda: send_order_confirmation.delay(order_id))


class ThankYouView(oscar_views.ThankYouView):
    template_name = "shop_checkout/thank_you.html"

    def get_context_data(self, *args, **kwargs) -> dict:
        ctx = super().get_context_data(*args, **kwargs)
        ctx["bank_transfer"] = bank_transfer_instructions(ctx["order"])
        return ctx
