"""Members and invitations: company admins invite, change roles and remove; invitees accept by link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View

from .. import services
from ..forms import InvitationForm, InvitationSignupForm, RoleForm
from ..models import Invitation, Membership
from ..scoping import CompanyMemberRequiredMixin, CompanyObjectMixin
from ..selection import switch_to

MEMBERS_PER_PAGE = 25


class AdminOnlyMixin:
    required_role_check = "is_admin"

    @property
    def role_denied_message(self) -> str:
        return _("Only the company's administrators manage its members.")


def accept_url(request, invitation: Invitation) -> str:
    token = services.invitation_token(invitation)
    return request.build_absolute_uri(reverse("companies:invitation-accept", kwargs={"token": token}))


class MemberListView(AdminOnlyMixin, CompanyMemberRequiredMixin, ListView):
    template_name = "companies/member_list.html"
    context_object_name = "memberships"
    paginate_by = MEMBERS_PER_PAGE

    def get_queryset(self):
        return Membership.objects.filter(company=self.request.company).select_related("user").order_by(
            "user__email", "pk"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "page_title": _("Members"),
                "company": self.request.company,
                "roles": Membership.Role.choices,
                "invitations": Invitation.objects.filter(
                    company=self.request.company, status=Invitation.Status.PENDING
                ).select_related("invited_by")[:MEMBERS_PER_PAGE],
            }
        )
        return context


class MemberInviteView(AdminOnlyMixin, CompanyMemberRequiredMixin, FormView):
    template_name = "companies/member_invite.html"
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Invite a member"), "company": self.request.company})
        return context

    def form_valid(self, form):
        try:
            invitation = services.invite(
                self.request.company, form.cleaned_data["email"], form.cleaned_data["role"], self.request.user
            )
        except services.CompanyRuleError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        services.send_invitation(invitation, accept_url(self.request, invitation))
        messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return HttpResponseRedirect(reverse("companies:member-list"))


class MemberRoleView(AdminOnlyMixin, CompanyObjectMixin, View):
    model = Membership
    http_method_names = ["post"]

    def post(self, request, pk: int):
        membership = get_object_or_404(self.get_queryset().select_related("user"), pk=pk)
        form = RoleForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose one of the roles offered."))
            return HttpResponseRedirect(reverse("companies:member-list"))
        role = form.cleaned_data["role"]
        try:
            services.change_role(membership, role, request.user)
        except services.CompanyRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(member)s is now: %(role)s.") % {"member": membership.user.email,
                                                      "role": Membership.Role(role).label},
            )
        return HttpResponseRedirect(reverse("companies:member-list"))


class MemberRemoveView(AdminOnlyMixin, CompanyObjectMixin, DetailView):
    """GET asks to confirm, POST removes."""

    model = Membership
    template_name = "companies/member_remove.html"
    context_object_name = "membership"

    def get_base_queryset(self):
        return Membership.objects.select_related("user", "company")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"page_title": _("Remove a member"), "company": self.request.company})
        return context

    def post(self, request, pk: int):
        membership = self.get_object()
        try:
            services.remove_member(membership, request.user)
        except services.CompanyRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(member)s was removed.") % {"member": membership.user.email})
        return HttpResponseRedirect(reverse("companies:member-list"))


class InvitationRevokeView(AdminOnlyMixin, CompanyObjectMixin, View):
    model = Invitation
    http_method_names = ["post"]

    def post(self, request, pk: int):
        invitation = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            services.revoke_invitation(invitation, request.user)
        except services.CompanyRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
        return HttpResponseRedirect(reverse("companies:member-list"))


class InvitationAcceptView(View):
    """The link in the invitation email: join with the signed-in account, sign in first, or sign up."""

    template_name = "companies/invitation_accept.html"
    error_template_name = "companies/invitation_unusable.html"

    def dispatch(self, request, *args, token: str, **kwargs):
        try:
            self.invitation = services.invitation_from_token(token)
        except services.InvitationError as error:
            status = 404 if error.reason == "invalid" else 410
            context = {"page_title": _("Invitation"), "error": str(error), "reason": error.reason}
            return render(request, self.error_template_name, context, status=status)
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra) -> dict:
        invitation = self.invitation
        user = self.request.user
        return {
            "page_title": _("Join %(company)s") % {"company": invitation.company.name},
            "invitation": invitation,
            "company": invitation.company,
            "email_matches": user.is_authenticated and services.email_matches(invitation, user),
            "has_account": not user.is_authenticated and services.existing_account_for(invitation) is not None,
            "login_url": f"{reverse('customer:login')}?{urlencode({'next': self.request.path})}",
            **extra,
        }

    def get(self, request, *args, **kwargs):
        form = None if request.user.is_authenticated else InvitationSignupForm(email=self.invitation.email)
        return render(request, self.template_name, self.context(form=form))

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return self._accept(request)
        if services.existing_account_for(self.invitation) is not None:
            return HttpResponseRedirect(self.context()["login_url"])
        form = InvitationSignupForm(request.POST, email=self.invitation.email)
        if not form.is_valid():
            return render(request, self.template_name, self.context(form=form), status=400)
        try:
            user, membership = services.register_from_invitation(
                self.invitation,
                form.cleaned_data["password1"],
                form.cleaned_data.get("first_name", ""),
                form.cleaned_data.get("last_name", ""),
            )
        except services.CompanyRuleError as error:
            form.add_error(None, str(error))
            return render(request, self.template_name, self.context(form=form), status=400)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return self._welcome(request, membership)

    def _accept(self, request):
        try:
            membership = services.accept_invitation(self.invitation, request.user)
        except services.CompanyRuleError as error:
            messages.error(request, str(error))
            return render(request, self.template_name, self.context(form=None), status=400)
        return self._welcome(request, membership)

    def _welcome(self, request, membership: Membership):
        switch_to(request, Membership.objects.select_related("company").get(pk=membership.pk))
        messages.success(
            request,
            _("Welcome to %(company)s. You joined as %(role)s.")
            % {"company": membership.company.name, "role": membership.get_role_display()},
        )
        return HttpResponseRedirect(reverse("companies:home"))


def sign_out_to_accept(request, token: str):
    """Sign out (POST only) and come back to the invitation, for someone signed in with another address."""
    if request.method == "POST":
        logout(request)
    return HttpResponseRedirect(reverse("companies:invitation-accept", kwargs={"token": token}))
