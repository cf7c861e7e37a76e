"""The one block through which plugins add their own blocks to pages.

Its child blocks are whatever the enabled plugins return from the
``shop_cms_blocks`` hook *now*; they are never frozen into a migration (the
block deconstructs to itself, without children). Enabling a plugin offers its
blocks to editors at once; disabling it hides them: stored values of a
missing block type are skipped when the page is rendered, and come back when
the plugin is enabled again (the page's stored JSON keeps them until an
editor saves the page while the plugin is off).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from shop.plugins import state
from shop.plugins.manager import collect

_children_cache: dict[tuple, dict[str, blocks.Block]] = {}


def plugin_blocks() -> dict[str, blocks.Block]:
    """``{name: block}`` offered by the enabled plugins, built once per set of enabled plugins."""
    key = tuple(sorted(state.enabled_labels()))
    children = _children_cache.get(key)
    if children is None:
        children = {}
        for name, block in collect("shop_cms_blocks"):
            block.set_name(name)
            children[name] = block
        _children_cache.clear()
        _children_cache[key] = children
    return children


class PluginSlotBlock(blocks.StreamBlock):
    @property
    def child_blocks(self) -> dict[str, blocks.Block]:
        return plugin_blocks()

    @child_blocks.setter
    def child_blocks(self, value: Any) -> None:
        """The children come from the hook; what ``StreamBlock.__init__`` assigns is ignored."""

    def deconstruct(self):
        return ("cms.blocks.plugin_slot.PluginSlotBlock", (), self._constructor_kwargs)

    def deconstruct_with_lookup(self, lookup):
        return self.deconstruct()

    @classmethod
    def construct_from_lookup(cls, lookup, *args, **kwargs):
        return cls(**kwargs)

    def check(self, **kwargs):
        return []

    class Meta:
        icon = "plug"
        label = _("Plugin blocks")
        template = "cms/blocks/plugin_slot.html"
