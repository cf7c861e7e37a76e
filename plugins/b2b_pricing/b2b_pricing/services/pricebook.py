"""Which unit price a buyer pays: contract price, then price lists by priority, then the list price.

A :class:`PriceBook` answers for one buyer (their company and its customer
groups), one currency and one day. It reads the applicable lists in one query,
the company's contract prices in one more, and each list's entries and breaks
from the per-process cache in :mod:`b2b_pricing.services.contents` — so pricing
a 500-line basket or a 96-product page costs the same few queries as one product.

Precedence, first match wins:

1. a current contract price of the buyer's company for the product (or for its
   parent, covering every variant) — fixed, or a percentage off the list price;
2. the applicable price lists, highest ``priority`` first (then company lists
   before customer-group lists before lists for everyone): within a list, a
   quantity break covering the quantity, else the list's fixed entry (both for
   the product itself before its parent); a list whose breaks do not cover the
   quantity and that has no entry for the product leaves the decision to the next;
3. the list price handed in (the stock record's price in the buyer's currency).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import timezone

from shop.currency.money import quantize

from .contents import ListContents, Tiers, contents_of

if TYPE_CHECKING:
    from shop.companies.models import Company

HUNDRED = Decimal(100)


class Source:
    CONTRACT = "contract"
    TIERS = "tiers"
    ENTRY = "entry"
    LIST_PRICE = "list_price"


@dataclass(frozen=True)
class AppliedList:
    pk: int
    name: str
    revision: object
    priority: int
    rank: int  # 0 company, 1 customer group, 2 everyone
    min_quantity: int | None
    pack_size: int | None


@dataclass(frozen=True)
class ContractTerms:
    pk: int
    product_id: int
    kind: str
    price: Decimal | None
    percent_off: Decimal | None
    valid_until: datetime.date
    reference: str

    def amount(self, list_price: Decimal, currency: str) -> Decimal:
        if self.price is not None:
            return quantize(self.price, currency)
        return quantize(list_price * (HUNDRED - (self.percent_off or Decimal(0))) / HUNDRED, currency)


@dataclass(frozen=True)
class Quote:
    """A unit price and where it came from (shown to staff and used for "add N more" hints)."""

    amount: Decimal
    source: str
    price_list: AppliedList | None = None
    contract: ContractTerms | None = None
    tiers: Tiers | None = None
    counted: int = 1

    @property
    def is_business_price(self) -> bool:
        return self.source != Source.LIST_PRICE


class PriceBook:
    """Prices for one company (or a signed-in buyer without one), currency and day."""

    def __init__(self, company: Company | None, currency: str, day: datetime.date | None = None) -> None:
        self.company = company
        self.currency = currency
        self.day = day or timezone.localdate()
        self._contents: dict[int, ListContents] = {}
        self._sources: dict[int, list[tuple[AppliedList, Tiers | None, object | None]]] = {}

    # --- loading (a fixed number of queries) ------------------------------------------------

    @cached_property
    def lists(self) -> list[AppliedList]:
        from ..models import PriceList

        audience = Q(company__isnull=True, customer_group__isnull=True)
        if self.company is not None:
            audience |= Q(company=self.company) | Q(customer_group__companies=self.company)
        rows = (
            PriceList.objects.filter(audience, currency=self.currency, is_active=True)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=self.day))
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=self.day))
            .values_list(
                "pk", "name", "revision", "priority", "company_id", "customer_group_id", "min_quantity", "pack_size"
            )
            .distinct()
        )
        found = [
            AppliedList(pk, name, revision, priority, 0 if company_id else (1 if group_id else 2), low, pack)
            for pk, name, revision, priority, company_id, group_id, low, pack in rows
        ]
        return sorted(found, key=lambda a: (-a.priority, a.rank, a.pk))

    @cached_property
    def contracts(self) -> dict[int, ContractTerms]:
        from ..models import ContractPrice

        if self.company is None:
            return {}
        rows = (
            ContractPrice.objects.filter(
                company=self.company, currency=self.currency, valid_from__lte=self.day, valid_until__gte=self.day
            )
            .order_by("valid_from", "pk")
            .values_list("pk", "product_id", "kind", "price", "percent_off", "valid_until", "reference")
        )
        return {row[1]: ContractTerms(*row) for row in rows}  # the latest start wins if two overlap

    def contents(self, applied: AppliedList) -> ListContents:
        found = self._contents.get(applied.pk)
        if found is None:
            found = self._contents[applied.pk] = contents_of(applied.pk, applied.revision)
        return found

    # --- answers ---------------------------------------------------------------------------

    def contract_for(self, product: Any) -> ContractTerms | None:
        contracts = self.contracts
        if not contracts:
            return None
        return contracts.get(product.pk) or (contracts.get(product.parent_id) if product.parent_id else None)

    def sources_for(self, product: Any) -> list[tuple[AppliedList, Tiers | None, object | None]]:
        """The applicable lists that price ``product`` (itself or its family), in precedence order."""
        cached = self._sources.get(product.pk)
        if cached is not None:
            return cached
        found = []
        for applied in self.lists:
            contents = self.contents(applied)
            tiers = contents.tiers.get(product.pk)
            entry = contents.entries.get(product.pk)
            if product.parent_id:
                tiers = tiers or contents.tiers.get(product.parent_id)
                entry = entry or contents.entries.get(product.parent_id)
            if tiers is not None or entry is not None:
                found.append((applied, tiers, entry))
        self._sources[product.pk] = found
        return found

    def quote(self, product: Any, list_price: Decimal, quantity: int = 1, family_quantity: int | None = None) -> Quote:
        """The unit price for ``quantity`` of ``product`` (``family_quantity``: the variant family's total)."""
        contract = self.contract_for(product)
        if contract is not None:
            return Quote(contract.amount(list_price, self.currency), Source.CONTRACT, contract=contract,
                         counted=quantity)
        for applied, tiers, entry in self.sources_for(product):
            if tiers is not None:
                counted = counted_quantity(product, tiers, quantity, family_quantity)
                price = tiers.price_at(counted)
                if price is not None:
                    return Quote(quantize(price, self.currency), Source.TIERS, applied, tiers=tiers, counted=counted)
            if entry is not None:
                return Quote(quantize(entry.price, self.currency), Source.ENTRY, applied, counted=quantity)
        return Quote(list_price, Source.LIST_PRICE, counted=quantity)

    def winning_source(self, product: Any) -> tuple[AppliedList, Tiers | None, object | None] | None:
        """The list whose order rules apply to ``product`` for this buyer (the first that prices it)."""
        sources = self.sources_for(product)
        return sources[0] if sources else None

    def break_points(self, product: Any) -> list[int]:
        """Quantities at which this buyer's unit price may change, ascending (always starting at 1)."""
        points = {1}
        if self.contract_for(product) is None:
            for _applied, tiers, _entry in self.sources_for(product):
                if tiers is None:
                    continue
                for item in tiers.breaks:
                    points.add(item.min_quantity)
                    if item.max_quantity is not None:
                        points.add(item.max_quantity + 1)
        return sorted(points)


def counted_quantity(product: Any, tiers: Tiers, quantity: int, family_quantity: int | None) -> int:
    """The quantity a break table counts: the variant family's total when the table says so."""
    if tiers.count_variants_together and product.parent_id and tiers.product_id == product.parent_id:
        return max(quantity, family_quantity or 0)
    return quantity
