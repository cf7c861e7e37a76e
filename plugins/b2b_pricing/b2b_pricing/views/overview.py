"""The plugin's dashboard home: the core's plugin overview, plus what it holds and contracts ending soon."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from shop.plugins.overview import PluginOverviewView

from ..apps import B2BPricingConfig
from ..models import ContractPrice, PriceList, ProductOrderRule
from ..services import contracts


class OverviewView(PluginOverviewView):
    """Price lists, contract prices in force and order rules, counted; contracts ending soon listed."""

    plugin_label = B2BPricingConfig.label
    template_name = "b2b_pricing/dashboard/index.html"

    def get_overview(self) -> dict[str, Any]:
        today = timezone.localdate()
        return {
            "list_count": PriceList.objects.count(),
            "current_contract_count": ContractPrice.objects.filter(
                valid_from__lte=today, valid_until__gte=today
            ).count(),
            "rule_count": ProductOrderRule.objects.count(),
            "ending": contracts.ending_soon(today),
        }
