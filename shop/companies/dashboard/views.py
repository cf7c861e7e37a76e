"""Staff pages: companies (list, detail, create, change) and customer groups. Every change is audited."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from shop.core import audit

from .. import services
from ..models import Company, CustomerGroup, Invitation, Membership
from ..orders import company_orders
from ..views.members import accept_url
from .forms import CompanyForm, CompanySearchForm, CustomerGroupForm, StaffInvitationForm

PER_PAGE = 25


class CompanyListView(ListView):
    template_name = "companies/dashboard/company_list.html"
    context_object_name = "companies"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.form = CompanySearchForm(self.request.GET or None)
        companies = Company.objects.select_related("distributor").annotate(
            member_count=Count("memberships", distinct=True)
        )
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            if data["q"]:
                companies = companies.filter(Q(name__icontains=data["q"]))
            if data["kind"]:
                companies = companies.filter(kind=data["kind"])
            if data["group"]:
                companies = companies.filter(customer_groups=data["group"])
        return companies.order_by("name", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        return context


class CompanyDetailView(DetailView):
    """A company with its members, open invitations, addresses and latest orders; staff may invite from here."""

    template_name = "companies/dashboard/company_detail.html"
    context_object_name = "company"

    def get_queryset(self):
        return Company.objects.select_related("distributor").prefetch_related("customer_groups")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        context.update(
            {
                "memberships": company.memberships.select_related("user").order_by("user__email")[:PER_PAGE],
                "member_count": company.memberships.count(),
                "invitations": company.invitations.filter(status=Invitation.Status.PENDING)[:PER_PAGE],
                "addresses": company.addresses.all()[:PER_PAGE],
                "orders": company_orders(company)[:10],
                "customers": company.customers.order_by("name")[:PER_PAGE],
                "invite_form": kwargs.get("invite_form") or StaffInvitationForm(),
                "roles": Membership.Role.choices,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = StaffInvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.invite(self.object, form.cleaned_data["email"], form.cleaned_data["role"],
                                             request.user)
            except services.CompanyRuleError as error:
                form.add_error("email", str(error))
            else:
                services.send_invitation(invitation, accept_url(request, invitation))
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
                return HttpResponseRedirect(reverse("companies_dashboard:company-detail", args=[self.object.pk]))
        return self.render_to_response(self.get_context_data(invite_form=form), status=400)


class AuditedFormMixin:
    """Write who created or changed what (field names only, never secret values) to the audit log."""

    audit_action = ""

    def form_valid(self, form):
        response = super().form_valid(form)
        changed = sorted(set(form.changed_data) - {"clear_tax_id", "clear_bank_account"})
        if hasattr(form, "changed_secret_names"):
            changed = sorted(set(changed) | set(form.changed_secret_names()))
        audit.record(self.request.user, self.audit_action, self.object, {"fields": changed})
        messages.success(self.request, _("“%(name)s” saved.") % {"name": self.object})
        return response


class CompanyCreateView(AuditedFormMixin, CreateView):
    model = Company
    form_class = CompanyForm
    template_name = "companies/dashboard/company_form.html"
    audit_action = "companies.company.created"

    def get_success_url(self) -> str:
        return reverse("companies_dashboard:company-detail", args=[self.object.pk])


class CompanyUpdateView(AuditedFormMixin, UpdateView):
    model = Company
    form_class = CompanyForm
    template_name = "companies/dashboard/company_form.html"
    audit_action = "companies.company.changed"

    def get_success_url(self) -> str:
        return reverse("companies_dashboard:company-detail", args=[self.object.pk])


class GroupListView(ListView):
    template_name = "companies/dashboard/group_list.html"
    context_object_name = "groups"
    paginate_by = PER_PAGE

    def get_queryset(self):
        return CustomerGroup.objects.annotate(company_count=Count("companies")).order_by("name")


class GroupCreateView(AuditedFormMixin, CreateView):
    model = CustomerGroup
    form_class = CustomerGroupForm
    template_name = "companies/dashboard/group_form.html"
    audit_action = "companies.group.created"

    def get_success_url(self) -> str:
        return reverse("companies_dashboard:group-list")


class GroupUpdateView(AuditedFormMixin, UpdateView):
    model = CustomerGroup
    form_class = CustomerGroupForm
    template_name = "companies/dashboard/group_form.html"
    audit_action = "companies.group.changed"

    def get_success_url(self) -> str:
        return reverse("companies_dashboard:group-list")


@require_POST
def member_role(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    """Staff change a member's role (the last-admin rule holds for staff too)."""
    membership = get_object_or_404(Membership.objects.select_related("user", "company"), company_id=pk, pk=member_pk)
    role = request.POST.get("role", "")
    try:
        services.change_role(membership, role, request.user)
    except services.CompanyRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(member)s is now: %(role)s.") % {"member": membership.user.email,
                                                                       "role": Membership.Role(role).label})
    return HttpResponseRedirect(reverse("companies_dashboard:company-detail", args=[pk]))


@require_POST
def invitation_revoke(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("company"), company_id=pk, pk=invitation_pk)
    try:
        services.revoke_invitation(invitation, request.user)
    except services.CompanyRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
    return HttpResponseRedirect(reverse("companies_dashboard:company-detail", args=[pk]))
