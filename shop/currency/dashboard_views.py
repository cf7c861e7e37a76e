"""The staff's exchange-rate pages in the dashboard: rates in use, history, manual override."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import RateOverrideForm
from .models import ExchangeRate
from .overview import plain, traded_pairs
from .services import override_rate

HISTORY_PAGE_SIZE = 50


@staff_member_required(login_url="customer:login")
def rate_list(request: HttpRequest) -> HttpResponse:
    context = {
        "pairs": traded_pairs(),
        "base_currency": settings.SHOP_BASE_CURRENCY,
        "max_age": settings.SHOP_RATES_MAX_AGE_DAYS,
        "rates_url_set": bool(settings.SHOP_RATES_URL),
    }
    return render(request, "currency/dashboard/rate_list.html", context)


@staff_member_required(login_url="customer:login")
def rate_history(request: HttpRequest) -> HttpResponse:
    rows = ExchangeRate.objects.select_related("created_by").order_by("-valid_on", "-created_at", "-id")
    currency = request.GET.get("currency", "").upper()
    if currency in settings.SHOP_CURRENCIES or currency == "EUR":
        rows = rows.filter(Q(base=currency) | Q(quote=currency))
    else:
        currency = ""
    page = Paginator(rows, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.rate_display = plain(row.rate)
    context = {
        "page_obj": page,
        "rates": page.object_list,
        "currency": currency,
        "currencies": sorted(set(settings.SHOP_CURRENCIES) | {"EUR"}),
    }
    return render(request, "currency/dashboard/rate_history.html", context)


@staff_member_required(login_url="customer:login")
def rate_override(request: HttpRequest) -> HttpResponse:
    form = RateOverrideForm(request.POST or None, initial={"quote": request.GET.get("quote", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            row = override_rate(data["base"], data["quote"], data["rate"], user=request.user, note=data["reason"])
        except ValueError as exc:  # UnknownCurrency is a ValueError too
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("From today 1 %(base)s = %(rate)s %(quote)s (manual override).")
                % {"base": row.base, "rate": plain(row.rate), "quote": row.quote},
            )
            return redirect("currency_dashboard:rates")
    return render(request, "currency/dashboard/rate_override.html", {"form": form})
