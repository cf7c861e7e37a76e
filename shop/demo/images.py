"""Product pictures for the demo catalog, drawn with Pillow.

Each picture is a flat illustration of the product kind in the product's
colour, with the brand and model printed under it. The illustration is drawn
once per (picture, colour, material) and reused; stamping the text and
encoding a 400×400 JPEG takes about a millisecond.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .catalog_data import OPTIONS

SIZE = 400
RGB = tuple[int, int, int]
Draw = ImageDraw.ImageDraw

COLOURS: dict[str, RGB] = {o.code: o.rgb for o in OPTIONS["colour"] if o.rgb}
RAINBOW: tuple[RGB, ...] = tuple(COLOURS[c] for c in ("red", "orange", "yellow", "green", "blue", "purple", "pink"))
MATERIALS: dict[str, RGB] = {"steel": (180, 186, 194), "bamboo": (214, 180, 120), "wood": (196, 150, 96),
                             "canvas": (120, 130, 110), "kraft": (190, 150, 100), "cardboard": (170, 140, 110)}
INK = (40, 44, 52)
METAL = (176, 182, 190)
PAPER = (250, 250, 247)

_LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
_CJK_FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
              "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@lru_cache(maxsize=8)
def _font(size: int, cjk: bool = False) -> ImageFont.FreeTypeFont | None:
    for path in _CJK_FONTS if cjk else _LATIN_FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return None if cjk else ImageFont.load_default(size)


def _shade(rgb: RGB, factor: float) -> RGB:
    """Darker below 1, lighter above 1."""
    if factor <= 1:
        return tuple(int(c * factor) for c in rgb)  # type: ignore[return-value]
    return tuple(int(c + (255 - c) * (factor - 1)) for c in rgb)  # type: ignore[return-value]


def _layer(draw_fn: Callable[[Draw], None], angle: float) -> Image.Image:
    layer = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    return layer.rotate(angle, resample=Image.BICUBIC, center=(200, 170))


# --- illustrations: each draws into the 400×300 area above the caption --------------------------

def _stick(d: Draw, y: int, body: RGB, cap: RGB, thick: int = 30, tip: RGB = INK) -> None:
    d.polygon([(40, y + thick // 2), (80, y + 4), (80, y + thick - 4)], fill=(220, 220, 224))
    d.polygon([(40, y + thick // 2), (52, y + thick // 2 - 4), (52, y + thick // 2 + 4)], fill=tip)
    d.rounded_rectangle((78, y, 290, y + thick), radius=8, fill=body, outline=_shade(body, 0.8), width=2)
    d.rounded_rectangle((250, y - 4, 350, y + thick + 4), radius=10, fill=cap, outline=_shade(cap, 0.7), width=2)
    d.rectangle((270, y - 10, 340, y - 4), fill=_shade(cap, 0.8))


def pen(c: RGB, _: RGB) -> Image.Image:
    return _layer(lambda d: _stick(d, 150, (236, 238, 242), c, tip=c), 25)


def marker(c: RGB, _: RGB) -> Image.Image:
    return _layer(lambda d: _stick(d, 140, (245, 245, 245), c, thick=48, tip=c), 20)


def highlighter(c: RGB, _: RGB) -> Image.Image:
    return _layer(lambda d: _stick(d, 135, c, _shade(c, 0.85), thick=56, tip=c), 15)


def refill(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        for y in (120, 160, 200):
            d.rectangle((70, y, 330, y + 10), fill=(235, 235, 238), outline=(190, 190, 196))
            d.rectangle((70, y + 2, 200, y + 8), fill=c)
            d.polygon([(40, y + 5), (70, y), (70, y + 10)], fill=METAL)
    return _layer(draw, 10)


def pencil(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.polygon([(40, 170), (90, 150), (90, 190)], fill=(236, 200, 150))
        d.polygon([(40, 170), (56, 164), (56, 176)], fill=c)
        d.rectangle((90, 150, 300, 190), fill=(242, 194, 48), outline=(200, 150, 30), width=2)
        d.line((90, 170, 300, 170), fill=(220, 170, 40), width=3)
        d.rectangle((300, 150, 325, 190), fill=METAL)
        d.rounded_rectangle((322, 150, 355, 190), radius=8, fill=(240, 130, 150))
    return _layer(draw, 25)


def mech_pencil(c: RGB, _: RGB) -> Image.Image:
    return _layer(lambda d: _stick(d, 155, c, _shade(c, 0.8), thick=26, tip=METAL), 30)


def pencil_fan(_: RGB, __: RGB) -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    for i, colour in enumerate(RAINBOW):
        def draw(d: Draw, colour: RGB = colour) -> None:
            d.polygon([(60, 170), (100, 156), (100, 184)], fill=(236, 200, 150))
            d.polygon([(60, 170), (74, 165), (74, 175)], fill=colour)
            d.rectangle((100, 156, 330, 184), fill=colour, outline=_shade(colour, 0.75))
        img.alpha_composite(_layer(draw, -30 + i * 10))
    return img


def _swatches(d: Draw, box: tuple[int, int, int, int], cols: int, rows: int, round_: bool) -> None:
    x0, y0, x1, y1 = box
    w, h = (x1 - x0) / cols, (y1 - y0) / rows
    for i in range(cols * rows):
        colour = (RAINBOW + (COLOURS["black"], COLOURS["white"], COLOURS["kraft"], COLOURS["navy"]))[i % 11]
        x, y = x0 + (i % cols) * w, y0 + (i // cols) * h
        shape = d.ellipse if round_ else d.rounded_rectangle
        kwargs = {} if round_ else {"radius": 6}
        shape((x + 6, y + 6, x + w - 6, y + h - 6), fill=colour, outline=_shade(colour, 0.7), width=2, **kwargs)


def palette(_: RGB, __: RGB) -> Image.Image:
    return _layer(lambda d: (d.rounded_rectangle((50, 70, 350, 270), radius=18, fill=(245, 245, 248),
                                                 outline=(160, 160, 170), width=3),
                             _swatches(d, (70, 90, 330, 250), 4, 3, False)), 0)


def pastel(_: RGB, __: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((50, 110, 350, 250), fill=(250, 224, 120), outline=(200, 160, 40), width=3)
        for i in range(8):
            colour = (*RAINBOW, COLOURS["black"])[i]
            x = 64 + i * 35
            d.rounded_rectangle((x, 70, x + 28, 190), radius=12, fill=colour, outline=_shade(colour, 0.7))
        d.rectangle((50, 170, 350, 250), fill=(250, 224, 120), outline=(200, 160, 40), width=3)
    return _layer(draw, 0)


def brush(_: RGB, m: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        for i, y in enumerate((120, 165, 210)):
            d.rounded_rectangle((130, y, 350, y + 14 - i * 2), radius=6, fill=m, outline=_shade(m, 0.7))
            d.rectangle((100, y - 2, 132, y + 16 - i * 2), fill=METAL)
            d.polygon([(40 + i * 10, y + 7), (100, y - 6), (100, y + 20 - i * 2)], fill=(60, 50, 40))
    return _layer(draw, 12)


def ream(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.polygon([(70, 120), (250, 120), (330, 80), (150, 80)], fill=PAPER, outline=(180, 180, 180))
        d.polygon([(250, 120), (330, 80), (330, 190), (250, 240)], fill=(226, 228, 232), outline=(180, 180, 180))
        d.rectangle((70, 120, 250, 240), fill=PAPER, outline=(180, 180, 180))
        d.rectangle((70, 150, 250, 205), fill=(30, 86, 196))
        d.polygon([(250, 150), (330, 110), (330, 160), (250, 205)], fill=(24, 70, 160))
        d.line((90, 178, 230, 178), fill=(255, 255, 255), width=4)
    return _layer(draw, 0)


def notebook(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((118, 64, 298, 274), fill=PAPER, outline=(190, 190, 190))
        d.rounded_rectangle((100, 56, 290, 266), radius=6, fill=c, outline=_shade(c, 0.7), width=2)
        d.rectangle((100, 56, 124, 266), fill=_shade(c, 0.75))
        d.rounded_rectangle((150, 110, 260, 160), radius=4, fill=PAPER)
        for y in (124, 136, 148):
            d.line((160, y, 250, y), fill=(190, 190, 200), width=2)
    return _layer(draw, 0)


def ring_book(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((110, 56, 300, 266), radius=8, fill=PAPER, outline=(190, 190, 190), width=2)
        d.rounded_rectangle((100, 50, 290, 260), radius=8, fill=c + (170,), outline=_shade(c, 0.7), width=3)
        for y in range(80, 250, 34):
            d.ellipse((90, y, 118, y + 16), outline=METAL, width=5)
    return _layer(draw, 0)


def sticky(c: RGB, _: RGB) -> Image.Image:
    colours = RAINBOW[:4] if c == COLOURS["assorted"] else (_shade(c, 0.85), _shade(c, 0.95), c)
    def draw(d: Draw) -> None:
        for i, colour in enumerate(colours):
            x, y = 90 + i * 22, 60 + i * 18
            d.rectangle((x, y, x + 180, y + 180), fill=colour, outline=_shade(colour, 0.8))
        d.polygon([(x + 180, y + 140), (x + 140, y + 180), (x + 180, y + 180)], fill=_shade(colour, 0.75))
    return _layer(draw, 0)


def folder(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((90, 80, 300, 270), fill=PAPER, outline=(190, 190, 190))
        d.rounded_rectangle((80, 70, 290, 262), radius=6, fill=c + (200,), outline=_shade(c, 0.7), width=3)
        d.rounded_rectangle((140, 58, 230, 90), radius=6, fill=METAL, outline=(120, 124, 130), width=2)
    return _layer(draw, 0)


def binder(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((120, 50, 300, 270), radius=6, fill=c, outline=_shade(c, 0.7), width=3)
        d.rectangle((120, 50, 170, 270), fill=_shade(c, 0.8))
        d.rounded_rectangle((128, 90, 162, 170), radius=4, fill=PAPER)
        d.ellipse((134, 210, 156, 232), fill=_shade(c, 0.5))
    return _layer(draw, 0)


def box(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.polygon([(110, 80), (250, 80), (300, 50), (160, 50)], fill=_shade(c, 1.25), outline=_shade(c, 0.7))
        d.polygon([(250, 80), (300, 50), (300, 240), (250, 270)], fill=_shade(c, 0.8), outline=_shade(c, 0.7))
        d.rectangle((110, 80, 250, 270), fill=c, outline=_shade(c, 0.7), width=2)
        d.rounded_rectangle((140, 110, 220, 190), radius=4, fill=PAPER)
        d.ellipse((165, 220, 195, 250), fill=_shade(c, 0.5))
    return _layer(draw, 0)


def bag(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((60, 90, 340, 260), radius=10, fill=c + (190,), outline=_shade(c, 0.7), width=3)
        d.polygon([(60, 100), (340, 100), (340, 150), (60, 150)], fill=_shade(c, 0.85))
        d.ellipse((188, 130, 212, 154), fill=PAPER, outline=_shade(c, 0.5), width=3)
    return _layer(draw, 0)


def stapler(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((60, 220, 340, 250), radius=10, fill=(60, 62, 70))
        d.rounded_rectangle((70, 150, 330, 210), radius=24, fill=c, outline=_shade(c, 0.7), width=3)
        d.rectangle((80, 205, 320, 220), fill=METAL)
        d.ellipse((300, 190, 336, 226), fill=(60, 62, 70))
    return _layer(draw, -4)


def tape(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((70, 170, 330, 260), radius=30, fill=c, outline=_shade(c, 0.7), width=3)
        d.ellipse((150, 80, 270, 200), fill=(230, 226, 200, 220), outline=(200, 196, 170), width=4)
        d.ellipse((185, 115, 235, 165), fill=c)
        d.polygon([(70, 170), (110, 150), (110, 175)], fill=METAL)
    return _layer(draw, 0)


def scissors(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.polygon([(200, 165), (340, 130), (345, 140)], fill=METAL, outline=(120, 124, 130))
        d.polygon([(200, 175), (340, 200), (345, 190)], fill=METAL, outline=(120, 124, 130))
        d.ellipse((60, 100, 160, 160), outline=c, width=18)
        d.ellipse((60, 180, 160, 240), outline=c, width=18)
        d.ellipse((190, 160, 210, 180), fill=(90, 94, 100))
    return _layer(draw, 0)


def clip(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.polygon([(110, 260), (290, 260), (260, 150), (140, 150)], fill=c, outline=_shade(c, 0.6))
        d.line((150, 150, 120, 60, 200, 60, 170, 150), fill=METAL, width=8, joint="curve")
        d.line((250, 150, 280, 60, 200, 60), fill=METAL, width=8, joint="curve")
    return _layer(draw, 0)


def sketchbook(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((80, 70, 320, 270), fill=PAPER, outline=(160, 160, 160), width=2)
        for x in range(96, 310, 24):
            d.ellipse((x, 56, x + 12, 84), outline=(90, 94, 100), width=4)
        d.arc((120, 120, 280, 260), 200, 340, fill=(90, 90, 90), width=3)
        d.line((150, 230, 250, 160), fill=(120, 120, 120), width=2)
    return _layer(draw, 0)


def eraser(c: RGB, _: RGB) -> Image.Image:
    band = COLOURS["blue"] if c in (COLOURS["white"], COLOURS["transparent"]) else _shade(c, 1.5)
    def draw(d: Draw) -> None:
        d.rounded_rectangle((100, 120, 300, 220), radius=10, fill=c, outline=_shade(c, 0.7), width=2)
        d.rectangle((170, 116, 300, 224), fill=band)
    return _layer(draw, 15)


def ruler(_: RGB, m: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((30, 140, 370, 200), fill=m + (210,), outline=_shade(m, 0.6), width=2)
        for i, x in enumerate(range(40, 365, 10)):
            d.line((x, 140, x, 140 + (22 if i % 10 == 0 else 14 if i % 5 == 0 else 8)), fill=INK, width=2)
    return _layer(draw, 12)


def sharpener(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((120, 100, 280, 250), radius=24, fill=c, outline=_shade(c, 0.7), width=3)
        d.ellipse((170, 140, 230, 200), fill=(40, 40, 44), outline=METAL, width=6)
    return _layer(draw, 0)


def pouch(c: RGB, m: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((50, 110, 350, 240), radius=50, fill=c, outline=_shade(c, 0.6), width=3)
        d.line((80, 130, 320, 130), fill=METAL, width=6)
        d.rounded_rectangle((300, 122, 340, 150), radius=6, fill=METAL)
    return _layer(draw, 0)


def shredder(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((110, 110, 290, 280), fill=c, outline=_shade(c, 0.6), width=3)
        d.rounded_rectangle((100, 70, 300, 115), radius=8, fill=_shade(c, 0.7))
        d.rectangle((140, 86, 260, 94), fill=(20, 20, 24))
        for i, x in enumerate(range(150, 256, 14)):
            d.line((x, 30 + i % 3 * 8, x, 86), fill=PAPER, width=8)
        d.ellipse((264, 86, 282, 104), fill=(60, 200, 90))
    return _layer(draw, 0)


def laminator(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((150, 60, 250, 170), fill=PAPER, outline=(180, 180, 180), width=2)
        d.rounded_rectangle((50, 150, 350, 240), radius=28, fill=c, outline=_shade(c, 0.6), width=3)
        d.rectangle((120, 158, 280, 168), fill=(30, 30, 34))
        d.ellipse((300, 200, 320, 220), fill=(230, 70, 60))
    return _layer(draw, 0)


def calculator(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rounded_rectangle((110, 40, 290, 280), radius=16, fill=c, outline=_shade(c, 0.6), width=3)
        d.rectangle((130, 60, 270, 105), fill=(196, 212, 180), outline=(90, 100, 90), width=2)
        d.text((160, 66), "1,280.5", fill=INK, font=_font(22))
        for row in range(5):
            for col in range(4):
                x, y = 130 + col * 36, 120 + row * 31
                d.rounded_rectangle((x, y, x + 28, y + 22), radius=4, fill=_shade(c, 1.5 if c[0] < 128 else 0.75))
    return _layer(draw, 0)


def label_maker(c: RGB, _: RGB) -> Image.Image:
    def draw(d: Draw) -> None:
        d.rectangle((170, 30, 230, 70), fill=(250, 240, 120), outline=(180, 170, 60))
        d.rounded_rectangle((120, 60, 280, 280), radius=30, fill=c, outline=_shade(c, 0.5), width=3)
        d.rectangle((145, 85, 255, 125), fill=(196, 212, 180), outline=(90, 100, 90), width=2)
        for row in range(4):
            for col in range(5):
                x, y = 140 + col * 25, 145 + row * 28
                d.rounded_rectangle((x, y, x + 18, y + 18), radius=3, fill=_shade(c, 1.5 if c[0] < 128 else 0.7))
    return _layer(draw, 0)


PICTURES: dict[str, Callable[[RGB, RGB], Image.Image]] = {
    f.__name__: f
    for f in (pen, marker, highlighter, refill, pencil, mech_pencil, pencil_fan, palette, pastel, brush, ream,
              notebook, ring_book, sticky, folder, binder, box, bag, stapler, tape, scissors, clip, sketchbook,
              eraser, ruler, sharpener, pouch, shredder, laminator, calculator, label_maker)
}


class CardPainter:
    """Paints product cards: one cached illustration per look, text stamped per product."""

    def __init__(self) -> None:
        self._bases: dict[tuple[str, str, str], Image.Image] = {}

    def _base(self, picture: str, colour: str, material: str) -> Image.Image:
        key = (picture, colour, material)
        if key not in self._bases:
            rgb = COLOURS.get(colour, COLOURS["blue"])
            tint = _shade(rgb, 1.85) if colour not in ("white", "transparent") else (236, 240, 246)
            img = Image.new("RGBA", (SIZE, SIZE), tint + (255,))
            shape_rgb = rgb if colour != "assorted" else COLOURS["blue"]
            img.alpha_composite(PICTURES[picture](shape_rgb, MATERIALS.get(material, (214, 230, 240))))
            ImageDraw.Draw(img).rectangle((0, 300, SIZE, SIZE), fill=(255, 255, 255, 255))
            self._bases[key] = img.convert("RGB")
        return self._bases[key]

    def paint(self, picture: str, colour: str | None, material: str | None, brand: str, model: str,
              caption_zh: str) -> bytes:
        """A 400×400 JPEG of the product kind, captioned with brand, model and the Chinese kind name."""
        img = self._base(picture, colour or "blue", material or "").copy()
        d = ImageDraw.Draw(img)
        d.rectangle((0, 300, 8, SIZE), fill=COLOURS.get(colour or "blue", COLOURS["blue"]))
        d.text((24, 312), brand, fill=INK, font=_font(26))
        d.text((24, 350), model, fill=(90, 96, 108), font=_font(22))
        cjk = _font(24, cjk=True)
        if cjk is not None:
            width = d.textlength(caption_zh, font=cjk)
            d.text((SIZE - 24 - width, 350), caption_zh, fill=(90, 96, 108), font=cjk)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=84)
        return out.getvalue()

