"""The promotions plugin: found by entry point, its metadata, its staff page, menu entry and switch."""

from __future__ import annotations

import promotions
from promotions.apps import PromotionsConfig

from shop.plugins.testing import PluginFrameChecks


class TestPromotionsFrame(PluginFrameChecks):
    package = promotions
    config = PromotionsConfig
    distribution = "inkstone-plugin-promotions"
    name_en = "Promotions"
    name_zh = "促销"
