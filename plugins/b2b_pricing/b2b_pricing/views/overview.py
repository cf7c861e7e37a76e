"""The plugin's dashboard home: who it is, whether it is on, what it holds, and contracts ending soon."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from shop.plugins import manager, state

from ..apps import B2BPricingConfig
from ..models import ContractPrice, PriceList, ProductOrderRule
from ..services import contracts


def implemented_hooks(label: str) -> list[str]:
    """Names of the extension points the plugin registered with the core, as pluggy sees them."""
    pm = manager.plugin_manager()
    module = pm.get_plugin(label)
    if module is None:
        return []
    return sorted(caller.name for caller in pm.get_hookcallers(module) or [])


class OverviewView(TemplateView):
    """The plugin's dashboard page: who it is, whether it is on, and what it offers today."""

    template_name = "b2b_pricing/dashboard/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        label = B2BPricingConfig.label
        today = timezone.localdate()
        context.update(
            plugin=apps.get_app_config(label),
            enabled=state.is_enabled(label),
            extension_points=implemented_hooks(label),
            plugins_url=reverse("shop_plugins:list"),
            list_count=PriceList.objects.count(),
            current_contract_count=ContractPrice.objects.filter(valid_from__lte=today, valid_until__gte=today).count(),
            rule_count=ProductOrderRule.objects.count(),
            ending=contracts.ending_soon(today),
        )
        return context
