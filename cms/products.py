"""Which products a product block shows, and at what price for the buyer looking at it.

A search-fed block asks the project's search layer (haystack's
``SearchQuerySet`` on the embedded engine or Elasticsearch) at render time, so
it follows the catalogue as it changes. Every product then goes through the
request's pricing strategy — the core price chain with the plugins'
adjustments, in the buyer's currency — and products the buyer cannot buy
(no price in their currency, out of stock, not public) are left out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from haystack.backends import SQ
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet
from oscar.core.loading import get_model

from shop.apps.search.search_indexes import OPTION_ATTRIBUTES, price_field
from shop.plugins.manager import order_quantities

logger = logging.getLogger(__name__)

MAX_PRODUCTS = 48
#: How many more hits than wanted a search-fed block asks for, to make up for products it must hide.
OVERFETCH = 2

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("price-asc", _("Cheapest first")),
    ("price-desc", _("Most expensive first")),
    ("newest", _("Newest first")),
    ("bestselling", _("Best-selling first")),
]


def filter_field_choices() -> list[tuple[str, str]]:
    """The facet fields an editor may filter a product block on (plugins' facets included)."""
    from shop.apps.search import facets

    config = facets.search_facets()
    return [(facet["field"], facet["name"]) for facet in config["fields"].values()]


@dataclass(frozen=True)
class ProductCard:
    product: Any
    info: Any  # Oscar's PurchaseInfo: price and availability for this buyer


def sort_field(sort: str, currency: str) -> str | None:
    return {
        "price-asc": price_field(currency),
        "price-desc": f"-{price_field(currency)}",
        "newest": "-date_created",
        "bestselling": "-num_purchases",
    }.get(sort)


def _index_value(field: str, value: str) -> str:
    """The indexed form of a filter value: option values by their English key, categories by id."""
    value = value.strip()
    if field in OPTION_ATTRIBUTES:
        option_model = get_model("catalogue", "AttributeOption")
        option = (
            option_model.objects.filter(Q(option_en=value) | Q(option_zh_hans=value) | Q(code=value))
            .only("option", "option_en")
            .first()
        )
        if option is not None:
            return option.option_en or option.option
    if field == "category" and not value.isdigit():
        category_model = get_model("catalogue", "Category")
        category = (
            category_model.objects.filter(Q(slug=value) | Q(name_en=value) | Q(name_zh_hans=value)).only("pk").first()
        )
        if category is not None:
            return str(category.pk)
    return value


def search_product_ids(
    query: str, filters: Iterable[tuple[str, str]], sort: str, limit: int, currency: str
) -> list[int]:
    """Ids of public products matching ``query`` and every ``(field, value)`` filter, in result order."""
    from shop.apps.search.facets import browsable_sqs

    product_model = get_model("catalogue", "Product")
    sqs: SearchQuerySet = browsable_sqs().models(product_model)
    query = " ".join((query or "").split())
    if query:
        sqs = sqs.filter(SQ(content=AutoQuery(query)))
    for field, value in filters:
        if field and value:
            sqs = sqs.narrow(f"{field}:({sqs.query.quote(_index_value(field, value))})")
    ordering = sort_field(sort, currency)
    if ordering:
        sqs = sqs.order_by(ordering)
    ids = []
    for result in sqs[:limit]:
        try:
            ids.append(int(result.pk))
        except (TypeError, ValueError):
            continue
    return ids


def _load_products(ids: Sequence[int]) -> list:
    """Public products with ``ids``, in that order, with what a card needs loaded in a fixed number of queries."""
    from django.db.models import Exists, OuterRef, prefetch_related_objects

    product_model = get_model("catalogue", "Product")
    option_model = get_model("catalogue", "Option")
    image_model = get_model("catalogue", "ProductImage")
    stockrecord_model = get_model("partner", "StockRecord")
    if not ids:
        return []
    products = list(
        product_model.objects.filter(pk__in=set(ids), is_public=True)
        .select_related("product_class")
        .annotate(  # what Oscar's has_options reads, instead of two queries per product
            has_product_class_options=Exists(option_model.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(option_model.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related("stockrecords", Prefetch("images", queryset=image_model.objects.order_by("display_order")))
    )
    parents = [product for product in products if product.is_parent]
    if parents:
        prefetch_related_objects(
            parents, Prefetch("children__stockrecords", queryset=stockrecord_model.objects.select_related("partner"))
        )
    by_id = {product.pk: product for product in products}
    return [by_id[pk] for pk in ids if pk in by_id]


def buyer_strategy(request):
    strategy = getattr(request, "strategy", None)
    if strategy is None:
        from oscar.core.loading import get_class

        strategy = get_class("partner.strategy", "Selector")().strategy(request=request, user=request.user)
    return strategy


def _card(product, strategy) -> ProductCard | None:
    info = strategy.fetch_for_parent(product) if product.is_parent else strategy.fetch_for_product(product)
    hidden = getattr(info.price, "is_hidden", False)  # a plugin hides prices: shown with "sign in for prices"
    if not hidden and (not info.price.exists or not info.availability.is_available_to_buy):
        return None
    return ProductCard(product, info)


def _ask_order_quantities(cards: Iterable[ProductCard], request) -> None:
    """Ask the plugins once for the quantities every card's box starts at and steps by.

    The answers stay on ``request``, where ``{% card_order_quantity %}`` finds
    them: the cards of all blocks of a page cost one plugin call, not one each.
    """
    products = [card.product for card in cards if not card.product.is_parent]
    if products and request is not None:
        user = getattr(getattr(request, "strategy", None), "user", None) or getattr(request, "user", None)
        order_quantities(products, user if getattr(user, "is_authenticated", False) else None, request)


def purchasable_cards(products: Iterable, request, count: int) -> list[ProductCard]:
    """Up to ``count`` products the buyer can buy, each with its price in the buyer's currency."""
    strategy = buyer_strategy(request)
    cards = []
    for product in products:
        card = _card(product, strategy)
        if card is not None:
            cards.append(card)
        if len(cards) >= count:
            break
    _ask_order_quantities(cards, request)
    return cards


def _wanted_ids(value: dict, request) -> list[int]:
    count = _count(value)
    if value.get("source") == "picked":
        return [product.pk for product in value.get("products") or [] if product is not None]
    from shop.currency.selection import currency_for_request

    filters = [(item["field"], item["value"]) for item in value.get("filters") or []]
    try:
        return search_product_ids(
            value.get("query", ""), filters, value.get("sort", ""), count * OVERFETCH, currency_for_request(request)
        )
    except Exception:  # a search outage empties the block; the page still renders
        logger.exception("product block search failed")
        return []


def _count(value: dict) -> int:
    return max(1, min(int(value.get("count") or 12), MAX_PRODUCTS))


def cards_for_blocks(values: Sequence[dict], request) -> list[list[ProductCard]]:
    """The cards of several product blocks, with their products loaded and priced once for all of them."""
    wanted = [_wanted_ids(value, request) for value in values]
    products = {product.pk: product for product in _load_products([pk for ids in wanted for pk in ids])}
    strategy = buyer_strategy(request)
    priced: dict[int, ProductCard | None] = {}
    result = []
    for value, ids in zip(values, wanted, strict=True):
        cards: list[ProductCard] = []
        for pk in ids:
            if pk not in products:
                continue
            if pk not in priced:
                priced[pk] = _card(products[pk], strategy)
            if priced[pk] is not None:
                cards.append(priced[pk])
            if len(cards) >= _count(value):
                break
        result.append(cards)
    _ask_order_quantities((card for cards in result for card in cards), request)
    return result


def cards_for_block(value: dict, request) -> list[ProductCard]:
    """The cards a product block shows to this request's buyer."""
    return cards_for_blocks([value], request)[0]
