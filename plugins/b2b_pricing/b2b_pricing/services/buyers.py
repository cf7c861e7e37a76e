"""Who is buying: the signed-in user's active company, and their price book kept for the request.

One :class:`~b2b_pricing.services.pricebook.PriceBook` per (company, currency,
day) is kept on the request (or, without a request, on the user object), so
every price on a page shares its loaded lists and contract prices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone

from shop.companies.selection import membership_of

from .pricebook import PriceBook

if TYPE_CHECKING:
    from shop.companies.models import Company

_BOOKS_ATTR = "_b2b_pricing_books"


def is_signed_in(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def company_of(user: Any, request: Any = None) -> Company | None:
    """The company the buyer acts for: the request's (set by the core middleware), else their first one."""
    if request is not None and "company" in getattr(request, "__dict__", {}):
        return request.company
    if not is_signed_in(user):
        return None
    membership = membership_of(user)
    return membership.company if membership is not None else None


def book_for(user: Any, request: Any, currency: str) -> PriceBook | None:
    """The buyer's price book for ``currency``, shared by the request; None for visitors who are not signed in."""
    if request is not None and not is_signed_in(user):
        user = getattr(request, "user", None)
    if not is_signed_in(user):
        return None
    company = company_of(user, request)
    day = timezone.localdate()
    key = (getattr(company, "pk", None), currency, day)
    holder = request if request is not None else user
    books = holder.__dict__.setdefault(_BOOKS_ATTR, {})
    book = books.get(key)
    if book is None:
        book = books[key] = PriceBook(company, currency, day)
    return book


def forget_books(holder: Any) -> None:
    """Drop the books kept on a request or user (after prices were changed within the same request)."""
    holder.__dict__.pop(_BOOKS_ATTR, None)
