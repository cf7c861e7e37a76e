"""The blocks editors build storefront pages from; one module per kind of block."""

from __future__ import annotations

from wagtail import blocks

from .content import (
    BrandStripBlock,
    CallToActionBlock,
    CategoryTilesBlock,
    CountdownBlock,
    CouponBlock,
    FaqBlock,
    HeroBlock,
    ImageTextBlock,
    SafeRichTextBlock,
    VideoBlock,
)
from .plugin_slot import PluginSlotBlock
from .products import ProductGridBlock

__all__ = [
    "BrandStripBlock",
    "CallToActionBlock",
    "CategoryTilesBlock",
    "CountdownBlock",
    "CouponBlock",
    "FaqBlock",
    "HeroBlock",
    "ImageTextBlock",
    "PluginSlotBlock",
    "ProductGridBlock",
    "SafeRichTextBlock",
    "VideoBlock",
    "storefront_blocks",
    "help_blocks",
]


def storefront_blocks() -> list[tuple[str, blocks.Block]]:
    """Every block of the home, promo and landing pages."""
    return [
        ("hero", HeroBlock()),
        ("rich_text", SafeRichTextBlock()),
        ("product_grid", ProductGridBlock()),
        ("category_tiles", CategoryTilesBlock()),
        ("brand_strip", BrandStripBlock()),
        ("image_text", ImageTextBlock()),
        ("video", VideoBlock()),
        ("call_to_action", CallToActionBlock()),
        ("faq", FaqBlock()),
        ("countdown", CountdownBlock()),
        ("coupon", CouponBlock()),
        ("plugin_blocks", PluginSlotBlock()),
    ]


def help_blocks() -> list[tuple[str, blocks.Block]]:
    """The blocks of a help article: text, pictures, videos and questions."""
    return [
        ("rich_text", SafeRichTextBlock()),
        ("image_text", ImageTextBlock()),
        ("video", VideoBlock()),
        ("faq", FaqBlock()),
        ("call_to_action", CallToActionBlock()),
    ]
