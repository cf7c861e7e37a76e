"""The hook manager: registers the allowed plugins and calls only the enabled ones."""

from __future__ import annotations

import importlib
import math
from decimal import Decimal
from typing import Any

import pluggy
from django.apps import apps
from django.conf import settings

from . import hookspecs, state

_pm: pluggy.PluginManager | None = None
_hooks_by_label: dict[str, object] = {}
_subset_cache: dict[tuple[str, frozenset[str]], pluggy.HookCaller] = {}


def plugin_manager() -> pluggy.PluginManager:
    global _pm
    if _pm is None:
        pm = pluggy.PluginManager(hookspecs.PROJECT)
        pm.add_hookspecs(hookspecs)
        _pm = pm
    return _pm


def register(label: str, module: object) -> None:
    """Register a hooks module for a plugin label (pluggy validates it against the specs)."""
    pm = plugin_manager()
    if label in _hooks_by_label:
        return
    pm.register(module, name=label)
    _hooks_by_label[label] = module
    _subset_cache.clear()


def unregister(label: str) -> None:
    module = _hooks_by_label.pop(label, None)
    if module is not None:
        plugin_manager().unregister(module)
    _subset_cache.clear()


def register_allowed_plugins() -> None:
    for label in getattr(settings, "SHOP_ALLOWED_PLUGINS", []):
        config = apps.get_app_config(label)
        module_path = config.get_hooks_module()
        try:
            module = importlib.import_module(module_path)
        except ModuleNotFoundError as exc:
            if exc.name == module_path:
                continue  # a plugin without hooks
            raise
        register(label, module)


def hook(name: str) -> pluggy.HookCaller:
    """The caller of hook ``name`` restricted to enabled plugins."""
    pm = plugin_manager()
    enabled = set(state.enabled_labels())
    disabled = frozenset(label for label in _hooks_by_label if label not in enabled)
    key = (name, disabled)
    caller = _subset_cache.get(key)
    if caller is None:
        full = getattr(pm.hook, name)
        if disabled:
            caller = pm.subset_hook_caller(name, remove_plugins=[_hooks_by_label[d] for d in disabled])
        else:
            caller = full
        _subset_cache[key] = caller
    return caller


def collect(name: str, **kwargs: Any) -> list:
    """Call hook ``name`` on enabled plugins and flatten their list results."""
    results: list = []
    for value in hook(name)(**kwargs):
        if value:
            results.extend(value)
    return results


def merge(name: str, **kwargs: Any) -> dict:
    """Call hook ``name`` on enabled plugins and merge their dict results (later plugins win)."""
    merged: dict = {}
    for value in reversed(hook(name)(**kwargs)):
        if value:
            merged.update(value)
    return merged


def adjust_price(product: Any, stockrecord: Any, price: Decimal, currency: str, context: dict) -> Decimal:
    """Run the price-adjustment chain: each enabled plugin gets the previous price."""
    for impl in reversed(hook("shop_adjust_price").get_hookimpls()):
        result = impl.function(
            product=product, stockrecord=stockrecord, price=price, currency=currency, context=context
        )
        if result is not None:
            if not isinstance(result, Decimal):
                raise TypeError(f"plugin {impl.plugin_name}: shop_adjust_price must return a Decimal")
            price = result
    return price


def purchase_refusal(
    product: Any, stockrecord: Any, quantity: int, user: Any = None, request: Any = None, basket: Any = None
) -> str | None:
    """The first reason an enabled plugin gives against having ``quantity`` of ``product``; None when all agree."""
    for reason in hook("shop_purchase_permitted")(
        product=product, stockrecord=stockrecord, quantity=quantity, user=user, request=request, basket=basket
    ):
        if reason:
            return str(reason)
    return None


def prices_hidden(user: Any = None, request: Any = None) -> bool:
    """True when any enabled plugin hides prices from this visitor."""
    return any(hook("shop_prices_hidden")(user=user, request=request))


def order_quantity(product: Any, user: Any = None, request: Any = None) -> tuple[int, int]:
    """``(smallest quantity, multiple)`` every enabled plugin accepts; ``(1, 1)`` when none has a rule."""
    minimum, multiple = 1, 1
    for answer in hook("shop_order_quantity")(product=product, user=user, request=request):
        if answer:
            low, step = (max(int(value), 1) for value in answer)
            minimum, multiple = max(minimum, low), math.lcm(multiple, step)
    return -(-minimum // multiple) * multiple, multiple


_QUANTITIES_ATTR = "_shop_order_quantities"


def order_quantities(products: Any, user: Any = None, request: Any = None) -> dict[int, tuple[int, int]]:
    """``(smallest quantity, multiple)`` every enabled plugin accepts, per product pk of ``products``.

    ``(1, 1)`` for products no plugin has a rule for. One call of
    ``shop_order_quantities`` for all products not answered yet in this request;
    the answers are kept on ``request``, so the cards of a product list ask the
    plugins once, however many cards the page shows.
    """
    products = [p for p in products if getattr(p, "pk", None) is not None]
    kept: dict[int, tuple[int, int]] = request.__dict__.setdefault(_QUANTITIES_ATTR, {}) if request is not None else {}
    missing = list({p.pk: p for p in products if p.pk not in kept}.values())
    if missing:
        found: dict[int, tuple[int, int]] = {p.pk: (1, 1) for p in missing}
        for answer in hook("shop_order_quantities")(products=missing, user=user, request=request):
            for pk, rule in (answer or {}).items():
                if pk in found and rule:
                    low, step = (max(int(value), 1) for value in rule)
                    minimum, multiple = found[pk]
                    found[pk] = (max(minimum, low), math.lcm(multiple, step))
        kept.update({pk: (-(-low // step) * step, step) for pk, (low, step) in found.items()})
    return {p.pk: kept[p.pk] for p in products}


def kept_order_quantity(product: Any, request: Any) -> tuple[int, int] | None:
    """The answer :func:`order_quantities` already kept on ``request`` for ``product``; None when not asked yet."""
    if request is None:
        return None
    return request.__dict__.get(_QUANTITIES_ATTR, {}).get(getattr(product, "pk", None))
