"""The company home (a landing page per kind of company) and the company switcher."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from ..landing import landing_for
from ..models import Membership
from ..selection import companies_of, switch_to, tag_basket


def masked(secret: str) -> str:
    """A secret shown as its last four characters only."""
    secret = (secret or "").strip()
    if not secret:
        return ""
    return "•" * 4 + secret[-4:] if len(secret) > 4 else "•" * len(secret)


class CompanyHomeView(LoginRequiredMixin, TemplateView):
    """Operators go to the dashboard; members see their company's page; others an explanation."""

    template_name = "companies/home.html"

    def get(self, request, *args, **kwargs):
        if request.user.is_staff:
            return redirect("dashboard:index")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.request.company
        context["page_title"] = company.name if company else _("Company account")
        if company is None:
            return context
        context.update(landing_for(company, self.request))
        context["companies"] = companies_of(self.request.user)
        if self.request.membership.is_admin:
            context["tax_id_masked"] = masked(company.tax_id)
            context["bank_account_masked"] = masked(company.bank_account)
        return context


def _next_url(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@login_required
@require_POST
def switch_company(request: HttpRequest) -> HttpResponse:
    """Act for another of the user's companies; a company the user is not a member of answers 404."""
    try:
        company_id = int(request.POST.get("company", ""))
    except ValueError as exc:
        raise Http404 from exc
    membership = (
        Membership.objects.select_related("company")
        .filter(user=request.user, company_id=company_id, company__is_active=True)
        .first()
    )
    if membership is None:
        raise Http404(_("No such company among yours."))
    switch_to(request, membership)
    tag_basket(request, request.basket)
    messages.success(request, _("You are now buying for %(company)s.") % {"company": membership.company.name})
    return HttpResponseRedirect(_next_url(request, fallback=reverse("companies:home")))
