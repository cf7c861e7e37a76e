"""The CMS block the dummy plugin offers through ``shop_cms_blocks``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import contract


class DummyNoticeBlock(blocks.StructBlock):
    """One line of text in a ``<p class="dummy-notice">``."""

    text = blocks.CharBlock(max_length=200, default=contract.BLOCK_DEFAULT_TEXT, label=_("Text"))

    class Meta:
        template = "dummy/blocks/notice.html"
        icon = "doc-full"
        label = _("Dummy notice")
