"""Oscar's basket, forked only to load its lines with everything the basket page and the strategy read.

Oscar's ``all_lines()`` joins each line's product and stock record but not the
product's class (read by the stock availability policy, ``track_stock``) nor a
variant's parent (its class, title and images): the basket page issued one or
two extra queries per line (506 queries at 500 lines). Loaded here with joins
and prefetches, the page's query count no longer grows with the lines.

Changing a line's quantity is checked once, for what the basket would then
hold of the stock record, and refused with the strategy's own reason (a stock
limit, or a plugin's rule such as "sold in packs of 12"); Oscar also checked
the bare difference and worded every refusal as a stock shortage.
"""

from __future__ import annotations

from django.db.models import F, Prefetch
from django.utils.translation import gettext as _
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model

#: Joined to each line: what the strategy, the line's title/URL and the basket page read.
LINE_RELATED = (
    "product",
    "product__product_class",
    "product__parent",
    "product__parent__product_class",
    "stockrecord",
)


def line_prefetches() -> list:
    """Prefetched for all lines at once: options, images, and attribute values (an untitled variant's
    description is its parent's title plus its attribute summary), the way Oscar's
    ``prefetch_attribute_values`` loads them for product lists."""
    values = (
        get_model("catalogue", "ProductAttributeValue")
        .objects.select_related("attribute", "value_option", "value_option__group")
        .prefetch_related(
            Prefetch("value_multi_option",
                     queryset=get_model("catalogue", "AttributeOption").objects.select_related("group"))
        )
        .annotate(code=F("attribute__code"))
    )
    return [
        "attributes",
        "product__images",
        "product__parent__images",
        Prefetch("product__attribute_values", queryset=values, to_attr="_prefetched_attribute_values"),
        Prefetch("product__parent__attribute_values", queryset=values, to_attr="_prefetched_parent_attribute_values"),
    ]


class Basket(AbstractBasket):
    def all_lines(self):
        """The basket's lines, cached on the basket (offers change them in memory), loaded in a fixed few queries."""
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(*LINE_RELATED)
                .prefetch_related(*line_prefetches())
                .order_by(self._meta.pk.name)
            )
        return self._lines

    def is_quantity_allowed(self, qty, line=None):
        """Whether ``qty`` more items may go in; with ``line``, whether that line may grow (or shrink) by ``qty``."""
        max_allowed, basket_threshold = self.max_allowed_quantity()
        if line is not None:
            total = self.basket_quantity(line) + qty  # every line of this stock record, as it would be
            permitted, reason = line.purchase_info.availability.is_purchase_permitted(total)
            if not permitted:
                return False, reason
        if max_allowed is not None and qty > max_allowed:
            return False, _("Due to technical limitations we are not able to ship more than %(threshold)d items "
                            "in one order.") % {"threshold": basket_threshold}
        return True, None


from oscar.apps.basket.models import *  # noqa: E402, F403 - Oscar's fork pattern: overrides first
