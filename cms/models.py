"""Page types editors build the storefront from: home, promo, landing and help pages."""

from __future__ import annotations

from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import help_blocks, storefront_blocks
from .cache import cached_body
from .products import cards_for_blocks

PREVIEW_SIZES = [
    {"name": "phone", "icon": "mobile-alt", "device_width": 390, "label": _("Preview in phone size")},
    {"name": "tablet", "icon": "tablet-alt", "device_width": 768, "label": _("Preview in tablet size")},
    {"name": "desktop", "icon": "desktop", "device_width": 1280, "label": _("Preview in desktop size")},
]


class StorefrontPage(Page):
    """A page whose body is a stream of blocks, rendered once per buyer audience and then cached."""

    body = StreamField(storefront_blocks(), blank=True, use_json_field=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    @property
    def preview_sizes(self) -> list[dict]:
        return PREVIEW_SIZES

    @property
    def default_preview_size(self) -> str:
        return "phone"

    def render_body(self, request) -> str:
        """The body's HTML for this request's buyer (from the cache when possible)."""

        def render(csrf_token: str) -> str:
            grids = [block.value for block in self.body if block.block_type == "product_grid"]
            # All product blocks' products are loaded and priced together (a fixed number of queries per page).
            prepared = {id(value): cards for value, cards in zip(grids, cards_for_blocks(grids, request), strict=True)}
            return render_to_string(
                "cms/partials/body.html",
                {
                    "page": self,
                    "request": request,
                    "csrf_token": csrf_token,
                    "LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", None),
                    "product_cards": prepared,
                },
            )

        return cached_body(self, request, render)

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["body_html"] = self.render_body(request)
        return context


class HomePage(StorefrontPage):
    """The storefront's front page: editor-built blocks above the featured catalog."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count_per_parent = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")


class PromoPage(StorefrontPage):
    """A campaign: usually scheduled with "go live" and "expiry" dates in the page's settings."""

    summary = models.CharField(_("summary"), max_length=255, blank=True, help_text=_("Shown in page listings."))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.LandingPage"]
    subpage_types: list[str] = []
    template = "cms/promo_page.html"

    class Meta:
        verbose_name = _("promo page")
        verbose_name_plural = _("promo pages")


class LandingPage(StorefrontPage):
    """A brand or category story."""

    summary = models.CharField(_("summary"), max_length=255, blank=True, help_text=_("Shown in page listings."))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["cms.HomePage", "cms.LandingPage"]
    subpage_types = ["cms.PromoPage", "cms.LandingPage"]
    template = "cms/landing_page.html"

    class Meta:
        verbose_name = _("landing page")
        verbose_name_plural = _("landing pages")


class HelpIndexPage(Page):
    """The help centre: its articles, and a search over them in the visitor's language."""

    intro = models.CharField(_("intro"), max_length=255, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.HelpArticlePage"]
    max_count_per_parent = 1
    template = "cms/help_index_page.html"

    class Meta:
        verbose_name = _("help centre")
        verbose_name_plural = _("help centres")

    def get_context(self, request, *args, **kwargs) -> dict:
        from .help import search_articles

        context = super().get_context(request, *args, **kwargs)
        query = " ".join(request.GET.get("q", "").split())[:100]
        context["query"] = query
        context["articles"] = search_articles(self, query)
        return context


class HelpArticlePage(Page):
    """One help or FAQ article."""

    summary = models.CharField(_("summary"), max_length=255, blank=True)
    body = StreamField(help_blocks(), blank=True, use_json_field=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.HelpIndexPage"]
    subpage_types: list[str] = []
    template = "cms/help_article_page.html"

    class Meta:
        verbose_name = _("help article")
        verbose_name_plural = _("help articles")
