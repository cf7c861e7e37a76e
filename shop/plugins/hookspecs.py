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
