"""Checkout views: Oscar's flow with a payment-method step; bank transfer and pay on account.

Shipping address → shipping method → payment method (this module) → preview →
place order. Neither method needs payment details, so Oscar's payment-details
step forwards to the payment-method choice or the preview. Placing the order
runs in :func:`shop.orders.placement.place` (basket lock, split per supplier,
credit check, stock reservation — all in one transaction).
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
from shop.orders.creator import BulkOrderCreator
from shop.orders.placement import AlreadyPlaced, PlacementRefused, place

from .forms import PaymentMethodForm
from .payment import (
    BANK_TRANSFER,
    ON_ACCOUNT,
    bank_transfer_details,
    bank_transfer_instructions,
    bank_transfer_source,
    get_method,
    on_account_source,
)

UnableToTakePayment = get_class("payment.exceptions", "UnableToTakePayment")
UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")


def _company(request: HttpRequest):
    return getattr(request, "company", None)


class PaymentMethodView(oscar_views.PaymentMethodView):
    """The buyer chooses how to pay; the choice is kept in the checkout session."""

    template_name = "shop_checkout/payment_method.html"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PaymentMethodForm(initial={"method": self.checkout_session.payment_method()}, company=_company(request))
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PaymentMethodForm(request.POST, company=_company(request))
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
            if get_method(self.checkout_session.payment_method(), _company(self.request)) is None:
                return redirect("checkout:payment-method")
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request: HttpRequest) -> None:
        if get_method(self.checkout_session.payment_method(), _company(self.request)) is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Choose how you will pay.")
            )

    def get_context_data(self, **kwargs) -> dict:
        ctx = super().get_context_data(**kwargs)
        method = get_method(self.checkout_session.payment_method(), _company(self.request))
        ctx["payment_method"] = method
        ctx["bank_transfer_details"] = bank_transfer_details() if method and method.code == BANK_TRANSFER else ""
        return ctx

    def handle_payment(self, order_number: str, total, **kwargs) -> None:
        method = get_method(self.checkout_session.payment_method(), _company(self.request))
        if method is None:
            raise UnableToTakePayment(_("That payment method is not available any more. Choose how you will pay."))
        if method.code == BANK_TRANSFER:
            # Nothing is taken now: the source allocates the total until the transfer arrives.
            self.add_payment_source(bank_transfer_source(order_number, total.currency, total.incl_tax))
        elif method.code == ON_ACCOUNT:
            # Invoiced later; the credit limit is checked when the order is written (company row locked).
            self.add_payment_source(on_account_source(order_number, total.currency, total.incl_tax))

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ) -> HttpResponse:
        """Oscar's placement inside :func:`shop.orders.placement.place`; a repeated submission of the same
        basket leads to the order it already made."""

        def create_order():
            return self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                surcharges=surcharges,
                **kwargs,
            )

        method = get_method(self.checkout_session.payment_method(), _company(self.request))
        try:
            order = place(
                basket, create_order, user=user, payment_method=method.code if method else "",
                company=_company(self.request),
            )
        except AlreadyPlaced as exc:
            return self.handle_repeated_submission(basket, exc.order)
        except PlacementRefused as exc:
            raise UnableToPlaceOrder(str(exc)) from exc
        return self.handle_successful_order(order)

    def place_order(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        order_total,
        billing_address=None,
        surcharges=None,
        **kwargs,
    ):
        """Oscar's ``place_order`` with :class:`BulkOrderCreator` (lines written in bulk) instead of Oscar's
        creator: addresses, initial status and payment sources as Oscar writes them."""
        shipping_address = self.create_shipping_address(user, shipping_address)
        billing_address = self.create_billing_address(user, billing_address, shipping_address, **kwargs)
        status = kwargs.pop("status") if "status" in kwargs else self.get_initial_order_status(basket)
        request = kwargs.pop("request") if "request" in kwargs else getattr(self, "request", None)
        order = BulkOrderCreator().place_order(
            user=user,
            order_number=order_number,
            basket=basket,
            shipping_address=shipping_address,
            shipping_method=shipping_method,
            shipping_charge=shipping_charge,
            total=order_total,
            billing_address=billing_address,
            status=status,
            request=request,
            surcharges=surcharges,
            **kwargs,
        )
        self.save_payment_details(order)
        return order

    def handle_repeated_submission(self, basket, order) -> HttpResponse:
        """The same basket was submitted again (a double click, two tabs): show the order it made, once."""
        basket.submit()
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.id
        return redirect("checkout:thank-you")

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
