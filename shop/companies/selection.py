"""Which company a request acts for (the company switcher).

The active company's id is kept in the session and checked against the user's
memberships on every request: a removed member, a deactivated company or a
forged session value falls back to the user's first active company, or to
none. ``request.company`` and ``request.membership`` are both ``None`` for
people without a company (and for anonymous visitors).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import Company, Membership
from .services import link_basket

SESSION_KEY = "shop_company"
BASKET_SESSION_KEY = "shop_company_basket"
_CACHE_ATTR = "_shop_membership"


def _active_memberships(user):
    return Membership.objects.select_related("company").filter(user=user, company__is_active=True)


def membership_for_request(request: HttpRequest) -> Membership | None:
    """The membership the request acts with, validated against the database."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    session = getattr(request, "session", None)
    wanted = session.get(SESSION_KEY) if session is not None else None
    membership = None
    if wanted is not None:
        membership = _active_memberships(user).filter(company_id=wanted).first()
    if membership is None:
        membership = _active_memberships(user).order_by("company__name", "company_id").first()
        if session is not None:
            if membership is None:
                session.pop(SESSION_KEY, None)
            elif wanted != membership.company_id:
                session[SESSION_KEY] = membership.company_id
    return membership


def attach(request: HttpRequest, membership: Membership | None) -> None:
    """Set ``request.company`` / ``request.membership`` and remember the membership on the user object."""
    request.membership = membership
    request.company = membership.company if membership is not None else None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        setattr(user, _CACHE_ATTR, membership)


def membership_of(user: Any) -> Membership | None:
    """The user's active membership: the one the current request chose, else their first active company."""
    if not getattr(user, "is_authenticated", False):
        return None
    if hasattr(user, _CACHE_ATTR):
        return getattr(user, _CACHE_ATTR)
    membership = _active_memberships(user).order_by("company__name", "company_id").first()
    setattr(user, _CACHE_ATTR, membership)
    return membership


def has_company(user: Any) -> bool:
    return membership_of(user) is not None


def is_company_admin(user: Any) -> bool:
    membership = membership_of(user)
    return membership is not None and membership.is_admin


def companies_of(user: Any) -> list[Company]:
    """The active companies a user may switch between, by name."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [m.company for m in _active_memberships(user).order_by("company__name", "company_id")]


def switch_to(request: HttpRequest, membership: Membership) -> None:
    """Make ``membership``'s company the active one for this session (the caller checked it is the user's)."""
    request.session[SESSION_KEY] = membership.company_id
    request.session.pop(BASKET_SESSION_KEY, None)
    attach(request, membership)


def tag_basket(request: HttpRequest, basket: Any) -> None:
    """Record ``basket`` as bought for the request's company; the session remembers it, so repeats cost nothing."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    if basket is None or not basket.id or session is None or user is None or not user.is_authenticated:
        return
    company = getattr(request, "company", None)
    marker = [basket.id, company.pk if company is not None else None]
    if session.get(BASKET_SESSION_KEY) == marker:
        return
    link_basket(basket, company)
    session[BASKET_SESSION_KEY] = marker
