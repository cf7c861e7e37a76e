"""Content blocks: hero, text, media, calls to action, FAQ, countdown and coupon code."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from cms.richtext import clean_rich_text

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "hr"]


class SafeRichTextBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is cleaned on every save (see :mod:`cms.richtext`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))

    def value_from_datadict(self, data, files, prefix):
        try:
            return super().value_from_datadict(data, files, prefix)
        except ValueError:
            # Not the editor's JSON (a hand-made POST): take it as HTML, cleaned like any other.
            return self.to_python(clean_rich_text(str(data.get(prefix, ""))))

    class Meta:
        template = "cms/blocks/rich_text.html"
        icon = "pilcrow"
        label = _("Rich text")


class HeroBlock(blocks.StructBlock):
    """A wide banner: picture (cropped around its focal point), headline, sub-line and a button."""

    headline = blocks.CharBlock(max_length=120, label=_("Headline"))
    subline = blocks.CharBlock(max_length=240, required=False, label=_("Sub-line"))
    button_text = blocks.CharBlock(max_length=40, required=False, label=_("Button text"))
    button_url = blocks.CharBlock(max_length=300, required=False, label=_("Button link"))
    image = ImageChooserBlock(
        required=False, label=_("Picture"), help_text=_("Cropped around the focal point you set on the image.")
    )
    phone_image = ImageChooserBlock(
        required=False, label=_("Picture for phones"), help_text=_("Shown on screens narrower than 600 pixels.")
    )

    class Meta:
        template = "cms/blocks/hero.html"
        icon = "image"
        label = _("Hero banner")


class CategoryTilesBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, label=_("Title"))
    categories = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("name", blocks.CharBlock(max_length=80, label=_("Name"))),
                ("url", blocks.CharBlock(max_length=300, label=_("Link"))),
                ("image", ImageChooserBlock(required=False, label=_("Picture"))),
            ],
            label=_("Tile"),
        ),
        min_num=1,
        max_num=24,
        label=_("Tiles"),
    )

    class Meta:
        template = "cms/blocks/category_tiles.html"
        icon = "table"
        label = _("Category tiles")


class BrandStripBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, label=_("Title"))
    brands = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("name", blocks.CharBlock(max_length=80, label=_("Brand"))),
                ("logo", ImageChooserBlock(required=False, label=_("Logo"))),
                ("url", blocks.CharBlock(max_length=300, required=False, label=_("Link"))),
            ],
            label=_("Brand"),
        ),
        min_num=1,
        max_num=24,
        label=_("Brands"),
    )

    class Meta:
        template = "cms/blocks/brand_strip.html"
        icon = "group"
        label = _("Brand strip")


class ImageTextBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Picture"))
    text = SafeRichTextBlock(label=_("Text"))
    image_on_right = blocks.BooleanBlock(required=False, label=_("Picture on the right"))

    class Meta:
        template = "cms/blocks/image_text.html"
        icon = "doc-full-inverse"
        label = _("Picture and text")


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player address of a YouTube or Vimeo link, or ``None`` for anything else."""
    parsed = urlparse((url or "").strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if parsed.scheme not in {"http", "https"}:
        return None
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = (parse_qs(parsed.query).get("v") or [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return None
    elif host in {"vimeo.com", "player.vimeo.com"}:
        video_id = parsed.path.rstrip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{video_id}" if _VIMEO_ID.match(video_id) else None
    return f"https://www.youtube-nocookie.com/embed/{video_id}" if _YOUTUBE_ID.match(video_id) else None


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video; the player address is built here, nothing is fetched from the network."""

    url = blocks.URLBlock(label=_("Video link"), help_text=_("A YouTube or Vimeo address."))
    caption = blocks.CharBlock(max_length=200, required=False, label=_("Caption"))

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value["url"]):
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Only YouTube and Vimeo video links can be embedded."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        template = "cms/blocks/video.html"
        icon = "media"
        label = _("Video")


class CallToActionBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=120, label=_("Headline"))
    text = blocks.CharBlock(max_length=300, required=False, label=_("Text"))
    button_text = blocks.CharBlock(max_length=40, label=_("Button text"))
    button_url = blocks.CharBlock(max_length=300, label=_("Button link"))

    class Meta:
        template = "cms/blocks/call_to_action.html"
        icon = "pick"
        label = _("Call to action")


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, label=_("Title"))
    questions = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("question", blocks.CharBlock(max_length=200, label=_("Question"))),
                ("answer", SafeRichTextBlock(label=_("Answer"))),
            ],
            label=_("Question"),
        ),
        min_num=1,
        label=_("Questions"),
    )

    class Meta:
        template = "cms/blocks/faq.html"
        icon = "help"
        label = _("FAQ accordion")


class CountdownBlock(blocks.StructBlock):
    """Counts down to a moment; the server renders the time left, the script keeps it ticking."""

    headline = blocks.CharBlock(max_length=120, label=_("Headline"))
    ends_at = blocks.DateTimeBlock(label=_("Ends at"))
    ended_text = blocks.CharBlock(max_length=200, label=_("Text once it has ended"), default=_("This offer has ended."))

    def get_context(self, value, parent_context=None):
        from cms.countdown import time_left

        context = super().get_context(value, parent_context)
        context["left"] = time_left(value["ends_at"])
        return context

    class Meta:
        template = "cms/blocks/countdown.html"
        icon = "time"
        label = _("Countdown")


class CouponBlock(blocks.StructBlock):
    code = blocks.RegexBlock(
        regex=r"^[A-Za-z0-9_-]{3,40}$",
        error_messages={"invalid": _("Use 3 to 40 letters, digits, dashes or underscores.")},
        label=_("Coupon code"),
    )
    text = blocks.CharBlock(max_length=200, required=False, label=_("Text"))

    class Meta:
        template = "cms/blocks/coupon.html"
        icon = "tag"
        label = _("Coupon code")
