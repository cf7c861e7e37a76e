"""Events plugins can listen to. Receivers in a disabled plugin are not called.

Receivers must be idempotent and push heavy work to Celery with
``transaction.on_commit``.
"""

from __future__ import annotations

from django.apps import apps
from django.dispatch import Signal

from . import state


class PluginSignal(Signal):
    """A Signal that skips receivers defined in a plugin that is switched off."""

    def _receiver_allowed(self, receiver) -> bool:
        module = getattr(receiver, "__module__", "") or ""
        config = apps.get_containing_app_config(module)
        if config is None or config.label not in state.allowed_labels():
            return True  # core or third-party receivers always run
        return state.is_enabled(config.label)

    def _live_receivers(self, sender):
        sync, async_ = super()._live_receivers(sender)
        return (
            [r for r in sync if self._receiver_allowed(r)],
            [r for r in async_ if self._receiver_allowed(r)],
        )


#: Sent after an order was placed and committed. kwargs: ``order``, ``user``.
order_placed = PluginSignal()

#: Sent after an order's status changed. kwargs: ``order``, ``old_status``, ``new_status``.
order_status_changed = PluginSignal()
