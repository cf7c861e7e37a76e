"""The B2B pricing plugin: found by entry point, its metadata, its staff page, menu entry and switch."""

from __future__ import annotations

import b2b_pricing
from b2b_pricing.apps import B2BPricingConfig

from shop.plugins.testing import PluginFrameChecks


class TestB2bPricingFrame(PluginFrameChecks):
    package = b2b_pricing
    config = B2BPricingConfig
    distribution = "inkstone-plugin-b2b-pricing"
    name_en = "B2B pricing"
    name_zh = "B2B 定价"
