"""Page types editors build the storefront from (more block types come with the CMS issue)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class HeroBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=120, label=_("Headline"))
    subline = blocks.CharBlock(max_length=240, required=False, label=_("Sub-line"))
    button_text = blocks.CharBlock(max_length=40, required=False, label=_("Button text"))
    button_url = blocks.CharBlock(max_length=300, required=False, label=_("Button link"))

    class Meta:
        template = "cms/blocks/hero.html"
        icon = "image"
        label = _("Hero banner")


class HomePage(Page):
    """The storefront's front page: editor-built blocks above the featured catalog."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)
    body = StreamField(
        [
            ("hero", HeroBlock()),
            (
                "rich_text",
                blocks.RichTextBlock(label=_("Rich text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]),
            ),
        ],
        blank=True,
        use_json_field=True,
        verbose_name=_("body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")
