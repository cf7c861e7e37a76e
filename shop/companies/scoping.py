"""Company-scoped data never leaks: every company-owned object is looked up through here.

An object of another company answers 404 (not 403), so nobody learns that it
exists. A member whose role does not allow an action on their own company's
data gets 403 with a message.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _


def company_queryset(request: HttpRequest, qs: QuerySet, field: str = "company") -> QuerySet:
    """``qs`` narrowed to the request's active company (empty without one).

    ``field`` is the lookup path from the model to its company, e.g.
    ``"company"`` or ``"company_link__company"`` for Oscar orders.
    """
    company = getattr(request, "company", None)
    if company is None:
        return qs.none()
    return qs.filter(**{field: company})


class CompanyMemberRequiredMixin(LoginRequiredMixin):
    """A signed-in member of a company; ``required_role_check`` names a Membership property (e.g. ``is_admin``)."""

    required_role_check: str | None = None
    role_denied_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if getattr(request, "membership", None) is None:
            raise Http404(_("You are not a member of a company account."))
        if self.required_role_check and not getattr(request.membership, self.required_role_check):
            raise PermissionDenied(self.role_denied_message or _("Your role in this company does not allow this."))
        return super().dispatch(request, *args, **kwargs)


class CompanyObjectMixin(CompanyMemberRequiredMixin):
    """For views of one company-owned object: the object is looked up within the active company only.

    Set ``model`` (or override ``get_base_queryset``) and ``company_field``.
    """

    company_field = "company"

    def get_base_queryset(self) -> QuerySet:
        return self.model._default_manager.all()

    def get_queryset(self) -> QuerySet:
        return company_queryset(self.request, self.get_base_queryset(), self.company_field)
