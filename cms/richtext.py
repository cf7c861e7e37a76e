"""Rich text is cleaned when it is saved: only the editor's own tags survive, no scripts, no ``javascript:`` links.

Wagtail's Draftail editor only produces safe HTML, but a raw POST to the admin,
an API client or a script calling ``page.save()`` can put anything into a
block. :class:`SafeRichTextBlock` runs the stored HTML through
:func:`clean_rich_text` in ``get_prep_value``, the one place every save passes.
"""

from __future__ import annotations

from wagtail.whitelist import Whitelister, attribute_rule, check_url

#: Wagtail's stored ("database") format: internal links and embeds are placeholders with ids.
_ALLOWED_LINK = attribute_rule({"href": check_url, "linktype": True, "id": True, "target": False})
_ALLOWED_EMBED = attribute_rule({"embedtype": True, "id": True, "format": True, "alt": True, "url": check_url})
_PLAIN = attribute_rule({})


class StoredRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": _PLAIN,
        "a": _ALLOWED_LINK,
        "b": _PLAIN,
        "i": _PLAIN,
        "strong": _PLAIN,
        "em": _PLAIN,
        "br": _PLAIN,
        "p": _PLAIN,
        "h2": _PLAIN,
        "h3": _PLAIN,
        "h4": _PLAIN,
        "ol": _PLAIN,
        "ul": _PLAIN,
        "li": _PLAIN,
        "hr": _PLAIN,
        "embed": _ALLOWED_EMBED,
    }

    def clean_tag_node(self, doc, tag):
        # A script or style element goes with its content (the base class would keep the text).
        if tag.name in {"script", "style", "iframe", "object", "template", "noscript"}:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


_whitelister = StoredRichTextWhitelister()


def clean_rich_text(html: str) -> str:
    """``html`` with unknown tags unwrapped, scripts removed and unsafe link schemes dropped."""
    if not html:
        return ""
    return _whitelister.clean(html)
