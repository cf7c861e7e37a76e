"""The demo catalog as a deterministic sequence of product specifications (no database access).

``product_specs()`` yields the same products in the same order on every run:
the kinds take turns, so the first few dozen products already span every
category, and product *i* never depends on how many products are asked for.
That is what makes ``demo_data --products 60`` followed by ``demo_data``
add exactly the missing ones.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .catalog_data import ATTRIBUTES, BRANDS, OPTIONS, PRODUCT_CLASSES, Brand, Term, pack_phrase
from .catalog_kinds import KINDS, Kind, Model
from .site_data import PARTNERS, PartnerSpec

SEED = 2026
CENT = Decimal("0.01")
DIME = Decimal("0.1")

OPTION_LABELS: dict[str, dict[str, Term]] = {
    attr: {o.code: o.label for o in options} for attr, options in OPTIONS.items()
}
_LOWERCASE_IN_TEXT = {"colour", "material", "eco_label", "tip_size"}  # words, not sizes like "A4"
_SKU_ABBREVIATIONS = {
    "colour": {"black": "BK", "blue": "BL", "red": "RD", "green": "GN", "yellow": "YL", "pink": "PK",
               "orange": "OR", "purple": "PU", "white": "WH", "grey": "GY", "navy": "NV", "transparent": "CL",
               "kraft": "KR", "assorted": "AS", "silver": "SV"},
    "material": {"plastic": "PL", "pp": "PP", "metal": "MT", "steel": "SS", "wood": "WD", "bamboo": "BB",
                 "cardboard": "CB", "kraft": "KR", "recycled": "RC", "recycled-plastic": "RP", "canvas": "CV",
                 "rubber": "RB"},
    "tip_size": {"bullet": "B", "chisel": "C", "dual": "D"},
}


@dataclass(frozen=True)
class StockSpec:
    partner: str
    partner_sku: str
    price: Decimal
    quantities: dict[str, int]  # warehouse code -> units


@dataclass(frozen=True)
class ProductSpec:
    code: str  # the manufacturer's SKU, e.g. "DL-S01-05-BK-12"
    upc: str  # EAN-13
    kind: Kind
    brand: Brand
    model: str
    pack: int
    attributes: dict[str, object]  # attribute code -> option code, integer or text
    title: Term
    description: Term
    price: Decimal  # list price, CNY
    stock: tuple[StockSpec, ...] = field(default=())

    @property
    def colour(self) -> str | None:
        value = self.attributes.get("colour")
        return str(value) if value is not None else None


def ean13(first12: str) -> str:
    """Append the EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def label(attribute: str, value: object) -> Term:
    """How an attribute value reads in titles and descriptions."""
    if attribute in OPTION_LABELS:
        return OPTION_LABELS[attribute][str(value)]
    unit = ATTRIBUTES[attribute].unit
    if unit is None:
        return Term(str(value), str(value))
    return Term(f"{value} {unit.en}", f"{value}{unit.zh}")


def _in_text(attribute: str, value: object) -> Term:
    term = label(attribute, value)
    return Term(term.en.lower(), term.zh) if attribute in _LOWERCASE_IN_TEXT else term


def _round_price(amount: Decimal) -> Decimal:
    """Shelf-price rounding: to 10 fen, or to ¥…9 from ¥100 up."""
    if amount >= 100:
        return ((amount / 10).quantize(Decimal("1"), ROUND_HALF_UP) * 10 - 1).quantize(CENT)
    return max(amount.quantize(DIME, ROUND_HALF_UP), DIME).quantize(CENT)


def _sku_part(attribute: str, value: object) -> str:
    return _SKU_ABBREVIATIONS.get(attribute, {}).get(str(value), str(value).upper())


class _KindStream:
    """All products of one kind, shuffled once, with their prices and stock drawn from the kind's own RNG."""

    def __init__(self, kind: Kind, rng: random.Random) -> None:
        self.kind = kind
        self.rng = rng
        self.attribute_order = PRODUCT_CLASSES[kind.product_class].attributes
        lo, hi = (int(Decimal(p) * 100) for p in kind.unit_price)
        self.model_cents: dict[tuple[str, str], int] = {}
        combos: list[tuple[str, Model, dict[str, object], int]] = []
        for brand_code, models in kind.models.items():
            span = hi - lo
            low, high = (lo, lo + span * 6 // 10) if BRANDS[brand_code].country == "CN" else (lo + span * 4 // 10, hi)
            for model in models:
                self.model_cents[brand_code, model.code] = rng.randint(low, high) * model.price_pct // 100
                axes = {a: values for a, values in kind.axes.items() if a not in model.attrs}
                for values in itertools.product(*axes.values()):
                    for pack in kind.packs:
                        combos.append((brand_code, model, dict(zip(axes, values)), pack))
        rng.shuffle(combos)
        self.combos = iter(combos)

    def next(self) -> tuple[str, Model, dict[str, object], int] | None:
        return next(self.combos, None)

    def list_price(self, brand_code: str, model: Model, variant: dict[str, object], pack: int) -> Decimal:
        unit = Decimal(self.model_cents[brand_code, model.code]) / 100
        for attribute, value in variant.items():
            unit = unit * self.kind.price_pct.get(f"{attribute}:{value}", 100) / 100
        unit = unit * self.rng.randint(100, 104) / 100  # a little spread between variants
        discount = 0 if pack == 1 else min(3 + pack // 12, 8)
        return _round_price(unit * pack * (100 - discount) / 100)

    def stock(self, code: str, price: Decimal) -> tuple[StockSpec, ...]:
        rng = self.rng
        partners: list[PartnerSpec] = rng.sample(PARTNERS, rng.choice((1, 2, 2, 3)))
        lo, hi = self.kind.stock
        lines = []
        for partner in partners:
            quantities = {
                w.code: 0 if rng.randrange(100) < 15 else rng.randint(max(lo, 1), hi) for w in partner.warehouses
            }
            partner_price = _round_price(price * rng.randint(*partner.price_pct) / 100)
            lines.append(StockSpec(partner.code, f"{partner.sku_prefix}-{code}", partner_price, quantities))
        return tuple(lines)


def _describe(kind: Kind, brand: Brand, model: str, attributes: dict[str, object], pack: Term) -> Term:
    en: dict[str, str] = {}
    zh: dict[str, str] = {}
    for attribute, value in attributes.items():
        if attribute in OPTION_LABELS:
            term = _in_text(attribute, value)
            en[attribute], zh[attribute] = term.en, term.zh
        else:
            en[attribute] = zh[attribute] = str(value)
    en.update(brand=brand.name.en, model=model, pack=pack.en)
    zh.update(brand=brand.name.zh, model=model, pack=pack.zh)
    text_en = f"{kind.description.en.format_map(en)} {brand.blurb.en}"
    text_zh = f"{kind.description.zh.format_map(zh)}{brand.blurb.zh}"
    if "eco_label" in attributes:
        eco = label("eco_label", attributes["eco_label"])
        text_en += f" Eco label: {eco.en}."
        text_zh += f"环保标识：{eco.zh}。"
    return Term(f"<p>{text_en}</p>", f"<p>{text_zh}</p>")


def product_specs(seed: int = SEED) -> Iterator[ProductSpec]:
    """Every demo product, in a fixed order; the same seed gives the same products."""
    master = random.Random(seed)
    streams = [_KindStream(kind, random.Random(master.getrandbits(64))) for kind in KINDS]
    item_numbers: dict[str, int] = defaultdict(int)
    seen: set[str] = set()
    while streams:
        for stream in list(streams):
            combo = stream.next()
            if combo is None:
                streams.remove(stream)
                continue
            yield _spec(stream, *combo, item_numbers=item_numbers, seen=seen)


def _spec(
    stream: _KindStream,
    brand_code: str,
    model: Model,
    variant: dict[str, object],
    pack: int,
    *,
    item_numbers: dict[str, int],
    seen: set[str],
) -> ProductSpec:
    kind, brand = stream.kind, BRANDS[brand_code]
    named = {**variant, **model.attrs}  # what tells this product apart from its siblings
    attributes: dict[str, object] = {**kind.fixed, **named, "brand": brand_code, "model": model.code}
    if len(kind.packs) > 1 or pack > 1:
        attributes["pack_size"] = pack
    if kind.eco_labels and stream.rng.randrange(100) < kind.eco_percent:
        attributes["eco_label"] = stream.rng.choice(kind.eco_labels)
    unknown = set(attributes) - set(stream.attribute_order)
    if unknown:
        raise ValueError(f"kind {kind.code}: attributes {sorted(unknown)} not in class {kind.product_class}")

    ordered = [a for a in stream.attribute_order if a in named]
    code = "-".join([model.code, *(_sku_part(a, variant[a]) for a in ordered if a in variant)]
                    + ([str(pack)] if len(kind.packs) > 1 else []))
    if code in seen:
        raise ValueError(f"kind {kind.code}: duplicate product code {code}")
    seen.add(code)
    item_numbers[brand_code] += 1
    upc = ean13(f"{brand.gs1_prefix}{item_numbers[brand_code]:05d}")

    pack_term = pack_phrase(kind.pack_style, pack)
    labels = [_in_text(a, named[a]) for a in ordered]
    name_en = kind.name.en[0].lower() + kind.name.en[1:]
    show_pack = pack > 1 or kind.pack_style == "reams"
    title = Term(
        ", ".join([f"{brand.name.en} {model.code} {name_en}", *(t.en for t in labels)]
                  + ([pack_term.en] if show_pack else [])),
        " ".join([brand.name.zh, model.code, kind.name.zh, *(t.zh for t in labels)]
                 + ([pack_term.zh] if show_pack else [])),
    )
    price = stream.list_price(brand_code, model, variant, pack)
    return ProductSpec(
        code=code,
        upc=upc,
        kind=kind,
        brand=brand,
        model=model.code,
        pack=pack,
        attributes=attributes,
        title=title,
        description=_describe(kind, brand, model.code, attributes, pack_term),
        price=price,
        stock=stream.stock(code, price),
    )
