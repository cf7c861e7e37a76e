"""Extension points: every value a plugin may contribute is declared here, once.

A plugin implements some of these in its hooks module with ``@hookimpl``;
pluggy checks the argument names against these specs when it registers the
plugin. Hooks of disabled plugins are never called (see ``manager.hook``).
Call them through :mod:`shop.plugins.manager`, never through pluggy directly.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pluggy

PROJECT = "shop"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def shop_adjust_price(product: Any, stockrecord: Any, price: Decimal, currency: str, context: dict) -> Decimal:
    """Return the unit price (excl. tax) this buyer pays, given the price so far.

    A chain: each enabled plugin receives the previous plugin's result as
    ``price`` (the first receives the stock record's list price) and returns
    a ``Decimal`` — the same value when it has nothing to say. ``context`` holds
    ``user``, ``request`` (may be ``None``), ``quantity`` (the basket line's quantity, 1 outside a
    basket), ``line`` and ``basket`` (the Oscar basket line and basket when pricing a line, else ``None``).
    """


@hookspec
def shop_purchase_permitted(
    product: Any, stockrecord: Any, quantity: int, user: Any, request: Any, basket: Any
) -> str | None:
    """Return why this buyer may not have ``quantity`` of ``product`` in the basket, or ``None`` when they may.

    Asked by the core strategy's availability policy whenever Oscar checks a
    quantity: adding to the basket (``quantity`` is what the basket would then
    hold of the product), changing a basket line (the line's new quantity),
    moving a saved line back and before checkout (each line's quantity). Not
    asked for "is it available to buy at all" on listings. The first reason
    any enabled plugin returns is shown to the buyer as it is, so make it a
    translated sentence that says what to order instead, e.g. "sold in packs
    of 12, so 13 cannot be ordered: order 12 or 24". ``user`` is ``None`` for
    visitors who are not signed in; ``request`` and ``basket`` may be ``None``
    (``basket`` is the buyer's loaded basket when there is one: use its lines
    to answer for all of them with one query).
    """


@hookspec
def shop_order_quantity(product: Any, user: Any, request: Any) -> tuple[int, int] | None:
    """Return ``(smallest quantity, multiple)`` this buyer must order ``product`` in, or ``None`` for any.

    Forms use it to start the quantity box at a quantity that can be ordered
    and to step it by the multiple (e.g. ``(12, 12)`` for a box of 12), so the
    buyer is not first refused by ``shop_purchase_permitted``. The core
    combines several plugins' answers (the largest minimum, the least common
    multiple). ``user`` is ``None`` for visitors who are not signed in;
    ``request`` may be ``None``.
    """


@hookspec
def shop_order_quantities(products: list, user: Any, request: Any) -> dict[int, tuple[int, int]] | None:
    """Return ``{product pk: (smallest quantity, multiple)}`` for those of ``products`` this buyer must order
    in set quantities; products left out may be ordered in any quantity.

    The bulk form of ``shop_order_quantity`` for product lists (catalogue,
    category and search result cards): answer for the whole list with a fixed
    number of queries, whatever its length, and give the same answer per
    product as ``shop_order_quantity``. The core combines several plugins'
    answers like ``shop_order_quantity``'s and keeps the result on the request.
    ``products`` may hold parents (which are never ordered themselves: leave
    them out); ``user`` is ``None`` for visitors who are not signed in;
    ``request`` may be ``None``.
    """


@hookspec
def shop_prices_hidden(user: Any, request: Any) -> bool:
    """Return True when no price may be shown to this visitor (e.g. "sign in for prices" for anonymous visitors).

    When any enabled plugin says so, the core strategy prices every product as
    unavailable with a "Sign in for prices" availability, the theme shows a
    sign-in link instead of prices, and nothing can be added to the basket.
    ``user`` is ``None`` for visitors who are not signed in; ``request`` is
    ``None`` for scripts and tasks (usually: do not hide then). Asked once per
    strategy (once per request).
    """


@hookspec
def shop_shipping_methods(basket: Any, user: Any, shipping_addr: Any, request: Any) -> list:
    """Return Oscar shipping method instances this plugin offers for the basket (may be empty)."""


@hookspec
def shop_search_index_fields(product: Any) -> dict:
    """Return extra fields to index for a product, ``{field_name: value}``."""


@hookspec
def shop_search_facets() -> list[dict]:
    """Return facet definitions, each ``{"name", "label", "field"}`` (field facets on indexed fields)."""


@hookspec
def shop_checkout_validate(basket: Any, user: Any, request: Any) -> list[str]:
    """Return messages explaining why this basket cannot be ordered now; empty when it can."""


@hookspec
def shop_dashboard_navigation(user: Any) -> list[dict]:
    """Return dashboard menu entries in Oscar's ``OSCAR_DASHBOARD_NAVIGATION`` format."""


@hookspec
def shop_cms_blocks() -> list[tuple[str, Any]]:
    """Return ``(name, block instance)`` pairs that editors may place in a page's plugin slot."""


@hookspec
def shop_report_providers() -> list[Any]:
    """Return report provider objects with ``code``, ``name`` and ``generate(start, end)``."""
