"""The header's currency switcher."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from oscar.core.loading import get_class

from .basket import reprice_basket
from .money import UnknownCurrency, check_code
from .selection import currency_for_request, remember

Selector = get_class("partner.strategy", "Selector")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return target


@require_POST
def set_currency(request: HttpRequest) -> HttpResponse:
    try:
        code = check_code(request.POST.get("currency", ""))
    except UnknownCurrency as exc:
        messages.error(request, _("That currency is not available: %(error)s") % {"error": exc})
        return HttpResponseRedirect(_next_url(request))
    company = getattr(request, "company", None)
    fixed = getattr(company, "billing_currency", "") if company is not None else ""
    if fixed and code != fixed:
        messages.info(
            request,
            _("%(company)s buys in %(currency)s; prices stay in %(currency)s.")
            % {"company": company.name, "currency": fixed},
        )
        return HttpResponseRedirect(_next_url(request))
    previous = currency_for_request(request)
    remember(request, code)
    if code != previous:
        strategy = Selector().strategy(request=request, user=request.user, currency=code)
        request.strategy = strategy
        result = reprice_basket(getattr(request, "basket", None), strategy)
        if result.repriced:
            messages.info(
                request,
                ngettext(
                    "Your basket was re-priced in %(currency)s (%(count)d line).",
                    "Your basket was re-priced in %(currency)s (%(count)d lines).",
                    result.repriced,
                )
                % {"currency": code, "count": result.repriced},
            )
        if result.removed:
            messages.warning(
                request,
                _("Removed from your basket, not available in %(currency)s: %(titles)s")
                % {"currency": code, "titles": ", ".join(result.removed)},
            )
    return HttpResponseRedirect(_next_url(request))
