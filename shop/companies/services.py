"""The rules of company accounts: invitations, members and roles, baskets and orders bought for a company.

Views parse input and call these; every change a person makes to a company is
written to the audit log (never with secret values).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.core import audit
from shop.core.roles import GROUP_NAMES, Role

from .models import Company, CompanyBasket, CompanyOrder, Invitation, Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser as User

TOKEN_SALT = "shop.companies.invitation"


class CompanyRuleError(Exception):
    """A request that breaks a company rule; ``str(error)`` is the message to show the person."""


class InvitationError(CompanyRuleError):
    """An invitation link that cannot be used; ``reason`` is invalid, expired, revoked or accepted."""

    def __init__(self, reason: str, message: str, invitation: Invitation | None = None):
        super().__init__(message)
        self.reason = reason
        self.invitation = invitation


# --- Invitations ---------------------------------------------------------------------------


def invitation_lifetime() -> timedelta:
    return timedelta(days=settings.COMPANY_INVITATION_DAYS)


def invite(company: Company, email: str, role: str, invited_by: User | None, language: str = "") -> Invitation:
    """Create a pending invitation, refusing existing members and addresses already invited."""
    email = email.strip()
    if role not in Membership.Role.values:
        raise CompanyRuleError(_("Choose one of the roles offered."))
    if Membership.objects.filter(company=company, user__email__iexact=email).exists():
        raise CompanyRuleError(
            _("%(email)s is already a member of %(company)s.") % {"email": email, "company": company.name}
        )
    pending = Invitation.objects.filter(
        company=company, email__iexact=email, status=Invitation.Status.PENDING, expires_at__gt=timezone.now()
    )
    if pending.exists():
        raise CompanyRuleError(
            _("%(email)s already has a pending invitation to %(company)s. Revoke it first to send a new one.")
            % {"email": email, "company": company.name}
        )
    invitation = Invitation.objects.create(
        company=company,
        email=email,
        role=role,
        key=secrets.token_urlsafe(32),
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        invited_by=invited_by if getattr(invited_by, "pk", None) else None,
        expires_at=timezone.now() + invitation_lifetime(),
    )
    audit.record(invited_by, "companies.invitation.sent", company, {"email": email, "role": role})
    return invitation


def invitation_token(invitation: Invitation) -> str:
    """The signed, timestamped token of an invitation link."""
    return signing.dumps({"i": invitation.pk, "k": invitation.key}, salt=TOKEN_SALT)


def invitation_from_token(token: str) -> Invitation:
    """The open invitation a link's token names, or :class:`InvitationError` saying why not."""
    invalid = InvitationError("invalid", _("This invitation link is not valid. Check that you copied all of it."))
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=invitation_lifetime())
    except signing.SignatureExpired as exc:
        raise InvitationError("expired", _("This invitation has expired. Ask for a new one.")) from exc
    except signing.BadSignature as exc:
        raise invalid from exc
    if not isinstance(data, dict):
        raise invalid
    invitation = (
        Invitation.objects.select_related("company").filter(pk=data.get("i"), key=str(data.get("k", ""))).first()
    )
    if invitation is None or not invitation.company.is_active:
        raise invalid
    if invitation.status == Invitation.Status.REVOKED:
        raise InvitationError("revoked", _("This invitation was withdrawn by the company."), invitation)
    if invitation.status == Invitation.Status.ACCEPTED:
        raise InvitationError("accepted", _("This invitation has already been accepted."), invitation)
    if invitation.is_expired:
        raise InvitationError("expired", _("This invitation has expired. Ask for a new one."), invitation)
    return invitation


def send_invitation(invitation: Invitation, accept_url: str) -> None:
    """Email the invitation in the language it was sent in (the project's backend queues it)."""
    with translation.override(invitation.language or settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "company": invitation.company,
            "role": invitation.get_role_display(),
            "accept_url": accept_url,
            "inviter": invitation.invited_by,
            "shop_name": settings.OSCAR_SHOP_NAME,
        }
        subject = _("You are invited to join %(company)s on %(shop)s") % {
            "company": invitation.company.name,
            "shop": settings.OSCAR_SHOP_NAME,
        }
        text = render_to_string("companies/emails/invitation.txt", context)
        html = render_to_string("companies/emails/invitation.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()


def email_matches(invitation: Invitation, user: User) -> bool:
    return (user.email or "").strip().casefold() == invitation.email.strip().casefold()


def existing_account_for(invitation: Invitation) -> User | None:
    return get_user_model().objects.filter(email__iexact=invitation.email.strip()).order_by("pk").first()


#: The storefront role (a Django group) a member of each kind of company shops with.
ROLE_OF_KIND = {
    Company.Kind.RETAILER: Role.RETAILER,
    Company.Kind.CORPORATE: Role.RETAILER,
    Company.Kind.DISTRIBUTOR: Role.DISTRIBUTOR,
    Company.Kind.SUPPLIER: Role.SUPPLIER,
}


def grant_storefront_role(user: User, company: Company) -> None:
    """Put a new member in the role group of their company's kind, so the navigation shows them their pages."""
    group, _created = Group.objects.get_or_create(name=GROUP_NAMES[ROLE_OF_KIND[company.kind]])
    user.groups.add(group)
    user.__dict__.pop("_shop_roles", None)


def accept_invitation(invitation: Invitation, user: User) -> Membership:
    """Attach ``user`` to the invitation's company. An existing membership keeps its (possibly higher) role."""
    if not email_matches(invitation, user):
        raise CompanyRuleError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != Invitation.Status.PENDING or locked.is_expired:
            reason = "expired" if locked.status == Invitation.Status.PENDING else locked.status
            raise InvitationError(reason, _("This invitation can no longer be used."), locked)
        membership, created = Membership.objects.get_or_create(
            company_id=locked.company_id, user=user, defaults={"role": locked.role}
        )
        locked.status = Invitation.Status.ACCEPTED
        locked.accepted_by = user
        locked.closed_at = timezone.now()
        locked.save(update_fields=["status", "accepted_by", "closed_at"])
        grant_storefront_role(user, invitation.company)
    audit.record(user, "companies.invitation.accepted", invitation.company, {"role": membership.role, "new": created})
    return membership


def register_from_invitation(
    invitation: Invitation, password: str, first_name: str = "", last_name: str = ""
) -> tuple[User, Membership]:
    """Create the invitee's account (email from the invitation) and accept; returns ``(user, membership)``."""
    from oscar.apps.customer.forms import generate_username

    if existing_account_for(invitation) is not None:
        raise CompanyRuleError(_("An account with this email address exists already. Sign in to accept."))
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=generate_username(),
            email=invitation.email.strip(),
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        membership = accept_invitation(invitation, user)
    return user, membership


def revoke_invitation(invitation: Invitation, by: User) -> None:
    if invitation.status != Invitation.Status.PENDING:
        raise CompanyRuleError(_("Only a pending invitation can be revoked."))
    invitation.status = Invitation.Status.REVOKED
    invitation.closed_at = timezone.now()
    invitation.save(update_fields=["status", "closed_at"])
    audit.record(by, "companies.invitation.revoked", invitation.company, {"email": invitation.email})


# --- Members -------------------------------------------------------------------------------


def _locked(membership: Membership) -> Membership:
    """The membership read again under a lock on its company's row.

    Every change to a company's members locks the company first, so two admins
    demoting each other at the same moment are served one after the other (and
    the second is told the company needs an admin) instead of both succeeding.
    """
    list(Company.objects.select_for_update().filter(pk=membership.company_id).values_list("pk", flat=True))
    current = Membership.objects.select_related("company", "user").filter(pk=membership.pk).first()
    if current is None:
        raise CompanyRuleError(_("This person is no longer a member of the company."))
    return current


def _has_other_admin(membership: Membership) -> bool:
    others = Membership.objects.filter(company_id=membership.company_id, role=Membership.Role.ADMIN)
    return others.exclude(pk=membership.pk).exists()


def change_role(membership: Membership, role: str, by: User) -> Membership:
    """Give a member another role; the company always keeps at least one admin."""
    if role not in Membership.Role.values:
        raise CompanyRuleError(_("Choose one of the roles offered."))
    with transaction.atomic():
        locked = _locked(membership)
        if locked.role == role:
            return locked
        if locked.is_admin and not _has_other_admin(locked):
            raise CompanyRuleError(
                _("%(company)s needs at least one administrator. Make someone else an administrator first.")
                % {"company": locked.company.name}
            )
        previous, locked.role = locked.role, role
        locked.save(update_fields=["role"])
    audit.record(by, "companies.member.role_changed", locked.company, {"member": locked.user.email, "from": previous,
                                                                      "to": role})
    return locked


def remove_member(membership: Membership, by: User) -> None:
    """Take a person out of a company; the last admin cannot be removed."""
    with transaction.atomic():
        locked = _locked(membership)
        if locked.is_admin and not _has_other_admin(locked):
            raise CompanyRuleError(
                _("%(company)s needs at least one administrator: the last one cannot be removed.")
                % {"company": locked.company.name}
            )
        CompanyBasket.objects.filter(company_id=locked.company_id, basket__owner_id=locked.user_id).delete()
        locked.delete()
    audit.record(by, "companies.member.removed", locked.company, {"member": locked.user.email, "role": locked.role})


# --- Baskets and orders ----------------------------------------------------------------------


def link_basket(basket: Any, company: Company | None) -> None:
    """Record the company a basket is bought for (or that it is bought for none)."""
    if company is None:
        CompanyBasket.objects.filter(basket_id=basket.id).delete()
    else:
        CompanyBasket.objects.update_or_create(basket_id=basket.id, defaults={"company": company})


@dataclass(frozen=True)
class OrderCompany:
    company: Company | None
    source: str  # "basket", "only-membership" or "none"


def company_for_order(order: Any, user: User | None) -> OrderCompany:
    """The company an order is placed for: its basket's company, if the buyer still belongs to it.

    Without a recorded basket company, a buyer with exactly one active company buys for that company.
    """
    if user is None or not getattr(user, "pk", None):
        return OrderCompany(None, "none")
    memberships = Membership.objects.filter(user=user, company__is_active=True)
    link = CompanyBasket.objects.filter(basket_id=order.basket_id).select_related("company").first()
    if link is not None and memberships.filter(company_id=link.company_id).exists():
        return OrderCompany(link.company, "basket")
    only = list(memberships.select_related("company")[:2])
    if len(only) == 1:
        return OrderCompany(only[0].company, "only-membership")
    return OrderCompany(None, "none")


def record_order_company(order: Any, user: User | None) -> CompanyOrder | None:
    """Link a just-placed order to its company; idempotent (a second call changes nothing)."""
    existing = CompanyOrder.objects.filter(order=order).first()
    if existing is not None:
        return existing
    choice = company_for_order(order, user)
    if choice.company is None:
        return None
    link, _created = CompanyOrder.objects.get_or_create(order=order, defaults={"company": choice.company})
    return link
