"""Which allowed plugins are switched on right now.

The switches live in the database; each process keeps them for at most
``SHOP_PLUGIN_STATE_TTL`` seconds (default 2), so a flip made anywhere is seen
by every process within that time, with one small query per process per TTL.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db import transaction

_lock = threading.Lock()
_cache: dict[str, bool] | None = None
_loaded_at = 0.0


def allowed_labels() -> list[str]:
    return list(getattr(settings, "SHOP_ALLOWED_PLUGINS", []))


def _load() -> dict[str, bool]:
    from .models import PluginState

    stored = dict(PluginState.objects.values_list("label", "enabled"))
    return {label: stored.get(label, True) for label in allowed_labels()}


def states() -> dict[str, bool]:
    """Label → enabled, for every allowed plugin."""
    global _cache, _loaded_at
    ttl = float(getattr(settings, "SHOP_PLUGIN_STATE_TTL", 2.0))
    now = time.monotonic()
    if _cache is None or now - _loaded_at > ttl:
        fresh = _load()
        with _lock:
            _cache, _loaded_at = fresh, now
    return _cache


def is_enabled(label: str) -> bool:
    return states().get(label, False)


def enabled_labels() -> list[str]:
    return [label for label, on in states().items() if on]


def invalidate() -> None:
    global _cache
    with _lock:
        _cache = None


class UnknownPlugin(ValueError):
    pass


def set_enabled(label: str, enabled: bool, *, user=None, source: str, actor: str = "") -> bool:
    """Flip a switch and record who did it. Returns False when it was already so."""
    from .models import PluginState, PluginSwitch

    if label not in allowed_labels():
        allowed = ", ".join(allowed_labels()) or "none"
        raise UnknownPlugin(f"unknown plugin {label!r}; allowed in this deployment: {allowed}")
    with transaction.atomic():
        state, _ = PluginState.objects.select_for_update().get_or_create(label=label)
        changed = state.enabled != enabled
        if changed:
            state.enabled = enabled
            state.save(update_fields=["enabled", "updated_at"])
            name = actor or (user.get_username() if user is not None else "")
            PluginSwitch.objects.create(
                label=label, enabled=enabled, changed_by=user, changed_by_name=name[:150], source=source
            )
    invalidate()
    return changed
