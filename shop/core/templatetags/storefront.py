"""Template tags for the storefront theme: language switching, navigation icons, home page strips.

Every tag here runs a fixed number of queries whatever the size of the catalogue,
so the pages that use them keep a bounded query count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

register = template.Library()

# Short, self-naming labels for the switcher; a language missing here shows its local name.
_SWITCHER_LABELS = {"en": "English", "zh-hans": "中文"}

# The role navigation names its icons by meaning (see shop.core.navigation); the theme
# maps them to the Font Awesome glyphs that Oscar's stylesheet already ships.
_NAV_ICONS = {
    "grid": "fa-table-cells-large",
    "receipt": "fa-receipt",
    "cart": "fa-cart-shopping",
    "box": "fa-box",
    "truck": "fa-truck",
    "pencil": "fa-pen-nib",
    "image": "fa-image",
    "speedometer": "fa-gauge-high",
    "puzzle": "fa-puzzle-piece",
    "building": "fa-building",
    "users": "fa-users",
    "bolt": "fa-bolt",
}
_DEFAULT_NAV_ICON = "fa-circle-dot"


@dataclass(frozen=True)
class LanguageChoice:
    """One button of the language switcher."""

    code: str
    label: str
    name: str
    next_url: str
    is_current: bool


def _language_prefix_pattern() -> re.Pattern[str]:
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/({codes})(?=/|$)", re.IGNORECASE)


def url_in_language(path: str, language: str) -> str:
    """The same page in another language, keeping the query string.

    ``translate_url`` re-reverses URLs it can resolve; a path it cannot resolve
    (a CMS page that exists in one locale only, a 404) gets its language prefix
    swapped, so the switch still lands on the matching page when there is one.
    """
    translated = translate_url(path, language)
    if translated != path:
        return translated
    pattern = _language_prefix_pattern()
    if pattern.match(path):
        return pattern.sub(f"/{language}", path, count=1)
    return path


@register.simple_tag(takes_context=True)
def language_choices(context) -> list[LanguageChoice]:
    """The configured languages, each with the current page's URL in that language."""
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = translation.get_language() or settings.LANGUAGE_CODE
    choices = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        choices.append(
            LanguageChoice(
                code=code,
                label=_SWITCHER_LABELS.get(code, info["name_local"]),
                name=info["name_local"],
                next_url=url_in_language(path, code),
                is_current=code == current,
            )
        )
    return choices


@register.filter
def nav_icon(name: str) -> str:
    """The icon class for a navigation link's icon name."""
    return _NAV_ICONS.get(name, _DEFAULT_NAV_ICON)


@register.filter
def is_section_of(path: str, url: str) -> bool:
    """Whether ``path`` is ``url`` or a page below it (marks the current navigation entry)."""
    if not path or not url:
        return False
    return path == url or (url.endswith("/") and path.startswith(url))


@register.filter
def safe_link(url: str) -> str:
    """An editor-entered link if it is a site path or an http(s) address, else empty.

    Keeps ``javascript:`` and other schemes out of ``href`` attributes.
    """
    url = (url or "").strip()
    if url.lower().startswith(("http://", "https://")):
        return url
    return url if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None) else ""


@register.simple_tag
def default_hero() -> dict[str, str]:
    """The hero a home page shows before editors have added blocks of their own."""
    return {
        "headline": _("Everything your office writes with"),
        "subline": _("Pens by the box, paper by the carton, files by the case, at your business's own prices."),
        "button_text": _("Browse all products"),
        "button_url": reverse("catalogue:index"),
    }


@register.simple_tag(takes_context=True)
def top_level_categories(context, limit: int = 12) -> list:
    """Browsable top-level categories in tree order: one query per request.

    The header menu and the home page's tiles both ask; the list is kept on the
    request so the second asker costs nothing.
    """
    request = context.get("request")
    key = (translation.get_language(), limit)
    memo = getattr(request, "_storefront_top_categories", None) if request is not None else None
    if memo is not None and key in memo:
        return memo[key]
    Category = get_model("catalogue", "Category")
    queryset = Category.objects.browsable().filter(depth=1, exclude_from_menu=False).order_by("path")
    categories = list(queryset[:limit])
    if request is not None:
        if memo is None:
            memo = request._storefront_top_categories = {}
        memo[key] = categories
    return categories


@register.simple_tag
def featured_products(limit: int = 8) -> list:
    """The most recently added browsable products, ready for product cards.

    Product class, images, stock records and public variants come in a fixed
    number of prefetch queries, so prices and availability need no per-product query.
    """
    Product = get_model("catalogue", "Product")
    variants = Product.objects.public().prefetch_related("stockrecords")
    queryset = (
        Product.objects.browsable()
        .base_queryset()
        .prefetch_public_children(queryset=variants)
        .order_by("-date_created", "-pk")
    )
    return list(queryset[:limit])
