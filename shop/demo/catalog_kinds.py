"""The kinds of product in the demo catalog: which brands make which models, in which variants, at what price.

A kind's products are every combination of one model with one value of each
variant axis and one pack size. ``Model`` attributes (e.g. a stapler's sheet
capacity) take the place of an axis for that model. Unit prices are CNY per
piece, ream, pad or colour; Chinese brands draw from the lower, imported
brands from the upper part of the range.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalog_data import Term


class Model(NamedTuple):
    code: str
    attrs: dict[str, object]
    price_pct: int = 100


class Kind(NamedTuple):
    code: str
    category: str
    product_class: str
    name: Term
    models: dict[str, tuple[Model, ...]]  # brand code -> models
    axes: dict[str, tuple]  # attribute code -> option codes or integers
    packs: tuple[int, ...]
    pack_style: str
    unit_price: tuple[str, str]
    picture: str
    description: Term  # a template: {brand}, {model}, {pack} and attribute codes
    fixed: dict[str, object] = {}
    price_pct: dict[str, int] = {}  # "attribute:value" -> percent of the unit price
    eco_labels: tuple[str, ...] = ()
    eco_percent: int = 0  # share of products carrying one of eco_labels
    stock: tuple[int, int] = (0, 400)  # units per warehouse


def m(code: str, price_pct: int = 100, **attrs: object) -> Model:
    return Model(code, attrs, price_pct)


def ms(*codes: str) -> tuple[Model, ...]:
    return tuple(Model(code, {}) for code in codes)


PEN_COLOURS = ("black", "blue", "red")
WRITING_DESC = Term(
    "The {brand} {model} writes {colour} lines with a {tip_size} tip: smooth, quick-drying and even to the last "
    "drop. Sold as {pack}.",
    "{brand} {model}，{tip_size}笔尖，{colour}墨水书写顺滑、快干不洇，出水均匀至最后一滴。包装：{pack}。",
)

KINDS: tuple[Kind, ...] = (
    Kind(
        "gel-pen", "writing/gel-pens", "pen", Term("Gel pen", "中性笔"),
        {"deli": ms("DL-S01", "DL-A116", "DL-S33"), "mg": ms("MG-K35", "MG-AGP13604", "MG-Q7"),
         "pilot": ms("BL-G2", "LJU-10EF"), "zebra": ms("JJ15", "JJ77"), "uni": ms("UMN-138", "UM-151"),
         "pentel": ms("BLN75",)},
        {"colour": PEN_COLOURS, "tip_size": ("038", "05", "07")}, (1, 12), "pens", ("1.50", "3.80"), "pen",
        WRITING_DESC, fixed={"material": "plastic"}, stock=(0, 900),
    ),
    Kind(
        "ballpoint-pen", "writing/ballpoint-pens", "pen", Term("Ballpoint pen", "圆珠笔"),
        {"deli": ms("DL-6546", "DL-S27"), "mg": ms("MG-ABP64701", "MG-BP8002"), "zebra": ms("N-5200", "ID-A100"),
         "pilot": ms("BPS-GP", "BP-1RT"), "uni": ms("SA-S", "SXN-101"), "pentel": ms("BK417",)},
        {"colour": PEN_COLOURS, "tip_size": ("05", "07", "10")}, (1, 12), "pens", ("0.80", "3.00"), "pen",
        WRITING_DESC, fixed={"material": "plastic"}, stock=(0, 900),
    ),
    Kind(
        "marker", "writing/markers", "pen", Term("Permanent marker", "记号笔"),
        {"deli": ms("DL-6881", "DL-S552"), "mg": ms("MG-2130", "MG-XPMV7"), "zebra": ms("MO-120", "MO-150"),
         "uni": ms("PX-20",), "pentel": ms("N50",)},
        {"colour": ("black", "blue", "red", "green"), "tip_size": ("bullet", "chisel", "dual")}, (1, 10), "pens",
        ("2.00", "6.00"), "marker",
        Term("The {brand} {model} permanent marker leaves {colour}, water-resistant marks on paper, carton, plastic "
             "and metal. Tip: {tip_size}. Sold as {pack}.",
             "{brand} {model} 记号笔，{tip_size}，"
             "{colour}字迹防水耐久，可书写于纸张、纸箱、塑料和金属表面。包装：{pack}。"),
        fixed={"material": "plastic"}, stock=(0, 600),
    ),
    Kind(
        "highlighter", "writing/highlighters", "pen", Term("Highlighter", "荧光笔"),
        {"deli": ms("DL-S600", "DL-33375"), "mg": ms("MG-21150",), "stabilo": ms("BOSS-70", "SWING-275"),
         "zebra": ms("WKT7", "WYT5"), "pilot": ms("SW-FL",), "pentel": ms("SL60",)},
        {"colour": ("yellow", "green", "pink", "orange", "blue", "purple"), "tip_size": ("chisel", "dual")}, (1, 10),
        "pens", ("1.50", "5.00"), "highlighter",
        Term("{brand} {model} highlighter in {colour}: bright, quick-drying ink that does not smear printer toner. "
             "Tip: {tip_size}. Sold as {pack}.",
             "{brand} {model} 荧光笔，{colour}，色彩明亮、快干，划过打印文字不晕染。{tip_size}。包装：{pack}。"),
        fixed={"material": "plastic"}, stock=(0, 700),
    ),
    Kind(
        "refill", "writing/refills", "refill", Term("Gel pen refill", "中性笔芯"),
        {"deli": ms("DL-6906", "DL-S760"), "mg": ms("MG-6102", "MG-AGR640"), "pilot": ms("BLS-G2",),
         "zebra": ms("JF",), "uni": ms("UMR-85",)},
        {"colour": PEN_COLOURS, "tip_size": ("038", "05", "07")}, (10, 20, 100), "pens", ("0.50", "2.50"), "refill",
        Term("{brand} {model} refill, {tip_size}, {colour} ink, fits the matching {brand} gel pens. Sold as {pack}.",
             "{brand} {model} 替换笔芯，{tip_size}，{colour}墨水，适配{brand}同系列中性笔。包装：{pack}。"),
        stock=(0, 800),
    ),
    Kind(
        "pencil", "writing/pencils", "pencil", Term("Pencil", "铅笔"),
        {"staedtler": ms("NORIS-120", "TRAD-110"), "faber": ms("GRIP-2001", "CASTELL-9000"),
         "deli": ms("DL-S935", "DL-7079"), "mg": ms("MG-AWP30801",), "uni": ms("UNI-9800",)},
        {"lead_grade": ("2h", "hb", "2b", "4b")}, (12, 72), "pens", ("0.50", "2.50"), "pencil",
        Term("{brand} {model} graphite pencil, grade {lead_grade}: break-resistant lead in a {material} barrel that "
             "sharpens cleanly. Sold as {pack}.",
             "{brand} {model} 铅笔，硬度{lead_grade}，{material}笔杆，铅芯抗断、易削。包装：{pack}。"),
        fixed={"material": "wood", "colour": "black"}, eco_labels=("fsc",), eco_percent=40, stock=(0, 500),
    ),
    Kind(
        "mechanical-pencil", "writing/pencils", "pencil", Term("Mechanical pencil", "自动铅笔"),
        {"pentel": ms("P205", "PG515"), "uni": ms("M5-450",), "zebra": ms("P-MA85",), "pilot": ms("H-185",),
         "deli": ms("DL-S1017",), "mg": ms("MG-AMP37201",)},
        {"tip_size": ("05", "07"), "colour": ("black", "blue", "silver")}, (1,), "pens", ("6.00", "45.00"),
        "mech_pencil",
        Term("{brand} {model} mechanical pencil for {tip_size} leads, {colour} barrel, with a grip zone and "
             "replaceable eraser.",
             "{brand} {model} 自动铅笔，适用{tip_size}铅芯，{colour}笔杆，带握笔区和可替换橡皮。"),
        fixed={"material": "plastic", "lead_grade": "hb"}, stock=(0, 300),
    ),
    Kind(
        "copy-paper", "paper/copy-paper", "copy-paper", Term("Copy paper", "复印纸"),
        {"doublea": ms("DA-PREMIUM", "DA-EVERYDAY"), "chenming": ms("CM-JINGYUN", "CM-XUEBAO"),
         "asiasymbol": ms("P1-COPIER", "P1-ALLPURPOSE"), "deli": ms("DL-7391", "DL-7401"), "comix": ms("CX-C4780",)},
        {"paper_size": ("a4", "a3"), "paper_weight": (70, 80)}, (1, 5), "reams", ("20.00", "29.00"), "ream",
        Term("{brand} {model} copy paper, {paper_size}, {paper_weight} g/m², bright white for laser and inkjet "
             "printers and copiers. Pack: {pack}.",
             "{brand} {model} 复印纸，{paper_size}，{paper_weight}克，"
             "高白度，适用于激光、喷墨打印机和复印机。规格：{pack}。"),
        fixed={"colour": "white", "sheet_count": 500}, price_pct={"paper_size:a3": 195, "paper_weight:80": 115},
        eco_labels=("fsc", "china-env"), eco_percent=35, stock=(0, 300),
    ),
    Kind(
        "notebook", "paper/notebooks", "notebook", Term("Notebook", "笔记本"),
        {"kokuyo": ms("WCN-CNB1410", "WCN-CNB1510"), "deli": ms("DL-7656", "DL-FA560"), "mg": ms("MG-APYE7A23",),
         "guangbo": ms("GB-FB60512", "GB-GBP0561"), "comix": ms("CX-C5902",)},
        {"paper_size": ("a5", "b5", "a4"), "colour": ("navy", "black", "grey", "pink"), "sheet_count": (60, 80)},
        (1, 5), "books", ("3.50", "22.00"), "notebook",
        Term("{brand} {model} notebook, {paper_size}, {sheet_count} sheets of {paper_weight} g/m² ruled paper that "
             "takes gel ink without bleed-through, {colour} cover. Pack: {pack}.",
             "{brand} {model} 笔记本，{paper_size}，{sheet_count}张{paper_weight}克横线内页，"
             "中性笔书写不洇不透，{colour}封面。"
             "规格：{pack}。"),
        fixed={"paper_weight": 80, "material": "cardboard"},
        price_pct={"paper_size:a5": 80, "paper_size:a4": 130, "sheet_count:80": 120},
        eco_labels=("fsc",), eco_percent=20, stock=(0, 400),
    ),
    Kind(
        "loose-leaf", "paper/loose-leaf", "notebook", Term("Loose-leaf notebook", "活页本"),
        {"kokuyo": ms("WSG-RUL1", "WSG-RUB2"), "deli": ms("DL-LB601",), "mg": ms("MG-APYKB",),
         "guangbo": ms("GB-HY2301",), "comix": ms("CX-C5930",)},
        {"paper_size": ("a5", "b5", "a4"), "colour": ("transparent", "black", "blue", "pink")}, (1, 3), "books",
        ("8.00", "35.00"), "ring_book",
        Term("{brand} {model} loose-leaf notebook, {paper_size}, {colour} {material} cover with rings that open flat "
             "and {sheet_count} refill sheets included. Pack: {pack}.",
             "{brand} {model} 活页本，{paper_size}，{colour}{material}封面，"
             "活页环可平摊，附赠{sheet_count}张替芯。规格：{pack}。"),
        fixed={"sheet_count": 60, "paper_weight": 80, "material": "pp"},
        price_pct={"paper_size:a5": 80, "paper_size:a4": 125}, stock=(0, 300),
    ),
    Kind(
        "sticky-notes", "paper/sticky-notes", "sticky-notes", Term("Sticky notes", "便利贴"),
        {"3m": ms("654", "655", "654-SSCY"), "deli": ms("DL-7733", "DL-7151"), "comix": ms("CX-D5300",),
         "mg": ms("MG-YS-6",)},
        {"paper_size": ("76x76", "76x127"), "colour": ("yellow", "pink", "green", "blue", "assorted")}, (1, 12),
        "pads", ("1.50", "6.00"), "sticky",
        Term("{brand} {model} sticky notes, {paper_size}, {colour}, {sheet_count} sheets per pad: stick firmly, "
             "remove cleanly. Pack: {pack}.",
             "{brand} {model} 便利贴，{paper_size}，{colour}，"
             "每本{sheet_count}张，粘贴牢固，揭下无残胶。规格：{pack}。"),
        fixed={"sheet_count": 100}, price_pct={"paper_size:76x127": 140}, stock=(0, 800),
    ),
    Kind(
        "folder", "filing/folders", "filing", Term("Clip folder", "文件夹"),
        {"deli": ms("DL-5302", "DL-72482"), "comix": ms("CX-A1269", "CX-AB151A"), "mg": ms("MG-ADM94510",),
         "kokuyo": ms("FU-C2",)},
        {"colour": ("blue", "black", "transparent", "red", "green")}, (1, 10, 24), "pieces", ("1.50", "8.00"),
        "folder",
        Term("{brand} {model} {paper_size} clip folder in {colour} {material}, holds about 100 sheets and keeps "
             "documents flat. Pack: {pack}.",
             "{brand} {model} {paper_size}文件夹，{colour}{material}材质，"
             "可容纳约100张纸，保持文件平整。规格：{pack}。"),
        fixed={"paper_size": "a4", "material": "pp"}, stock=(0, 600),
    ),
    Kind(
        "binder", "filing/binders", "filing", Term("Ring binder", "活页夹"),
        {"comix": ms("CX-A1251", "CX-A1253"), "deli": ms("DL-5385", "DL-33101"), "kokuyo": ms("KY-F-U2",)},
        {"colour": ("black", "blue", "grey", "red", "white")}, (1, 6), "pieces", ("6.00", "25.00"), "binder",
        Term("{brand} {model} {paper_size} ring binder, {colour} {material} cover, 2 D-rings for up to 300 sheets. "
             "{pack}.",
             "{brand} {model} {paper_size}活页夹，{colour}{material}封面，双D形夹环，可装约300张纸。规格：{pack}。"),
        fixed={"paper_size": "a4", "material": "pp"}, stock=(0, 400),
    ),
    Kind(
        "archive-box", "filing/archive-boxes", "filing", Term("Archive box", "档案盒"),
        {"deli": (m("DL-5603"), m("DL-5624", 120), m("DL-5920K", 90, material="kraft", colour="kraft")),
         "comix": (m("CX-A1248"), m("CX-K55", 90, material="kraft", colour="kraft")), "mg": (m("MG-ADM95"),)},
        {"colour": ("blue", "black", "white")}, (1, 10), "pieces", ("4.00", "15.00"), "box",
        Term("{brand} {model} archive box for {paper_size} files, {colour} {material}, with a label spine and "
             "finger hole. Pack: {pack}.",
             "{brand} {model} 档案盒，适用{paper_size}文件，{colour}{material}，带标签脊和拉手孔。规格：{pack}。"),
        fixed={"paper_size": "a4", "material": "pp"}, stock=(0, 500),
    ),
    Kind(
        "document-bag", "filing/document-bags", "filing", Term("Document bag", "文件袋"),
        {"deli": (m("DL-5505"), m("DL-64112", material="kraft", colour="kraft")), "comix": (m("CX-EB11"),),
         "mg": (m("MG-ADM94514"),), "kokuyo": (m("KY-FS-PB"),)},
        {"colour": ("blue", "transparent", "pink", "green"), "paper_size": ("a4", "a5")}, (1, 10, 20), "pieces",
        ("1.00", "5.00"), "bag",
        Term("{brand} {model} snap-button document bag, {paper_size}, {colour} {material}. Pack: {pack}.",
             "{brand} {model} 按扣文件袋，{paper_size}，{colour}{material}。规格：{pack}。"),
        fixed={"material": "pp"}, stock=(0, 800),
    ),
    Kind(
        "stapler", "desk/staplers", "desk-tool", Term("Stapler", "订书机"),
        {"deli": (m("DL-0414", sheet_capacity=20), m("DL-0326", 130, sheet_capacity=25),
                  m("DL-0394", 260, sheet_capacity=50)),
         "kokuyo": (m("SL-M21", 150, sheet_capacity=20),), "sunwood": (m("SW-4438", sheet_capacity=20),),
         "comix": (m("CX-B3001", 110, sheet_capacity=25),), "mg": (m("MG-ABS92733", sheet_capacity=15),)},
        {"colour": ("black", "blue", "grey")}, (1,), "pieces", ("8.00", "35.00"), "stapler",
        Term("{brand} {model} stapler in {colour}, {material} mechanism, staples up to {sheet_capacity} sheets.",
             "{brand} {model} 订书机，{colour}，{material}机芯，一次可装订{sheet_capacity}张。"),
        fixed={"material": "metal"}, stock=(0, 200),
    ),
    Kind(
        "tape-dispenser", "desk/tape-dispensers", "desk-tool", Term("Tape dispenser", "胶带座"),
        {"deli": ms("DL-810", "DL-809"), "sunwood": ms("SW-TD01",), "kokuyo": ms("T-SM100",),
         "comix": ms("CX-B3040",)},
        {"colour": ("black", "blue", "grey", "pink", "white")}, (1,), "pieces", ("8.00", "45.00"), "tape",
        Term("{brand} {model} weighted tape dispenser in {colour} with a non-slip base; takes 18–24 mm tape.",
             "{brand} {model} 胶带座，{colour}，加重防滑底座，适用18–24毫米胶带。"),
        fixed={"material": "plastic"}, stock=(0, 200),
    ),
    Kind(
        "scissors", "desk/scissors", "desk-tool", Term("Scissors", "剪刀"),
        {"deli": ms("DL-6009", "DL-6034"), "mg": ms("MG-ASS91322",), "kokuyo": ms("HASA-P280",),
         "sunwood": ms("SW-SC17",)},
        {"colour": ("black", "blue", "pink")}, (1, 12), "pieces", ("4.00", "25.00"), "scissors",
        Term("{brand} {model} office scissors, {material} blades with {colour} soft-grip handles. Pack: {pack}.",
             "{brand} {model} 办公剪刀，{material}刀片，{colour}软胶手柄。规格：{pack}。"),
        fixed={"material": "steel"}, stock=(0, 300),
    ),
    Kind(
        "clips", "desk/clips", "desk-tool", Term("Binder clips", "长尾夹"),
        {"deli": ms("DL-9542", "DL-9546"), "comix": ms("CX-B3616",), "mg": ms("MG-ABS91605",)},
        {"colour": ("black", "assorted", "silver")}, (12, 24, 48), "pieces", ("0.15", "0.80"), "clip",
        Term("{brand} {model} binder clips, {colour} {material}, hold up to 100 sheets. Pack: {pack}.",
             "{brand} {model} 长尾夹，{colour}{material}，可夹约100张纸。规格：{pack}。"),
        fixed={"material": "metal"}, stock=(0, 900),
    ),
    Kind(
        "watercolour", "art/watercolours", "art-supply", Term("Watercolour set", "水彩颜料"),
        {"maries": ms("MR-G1224", "MR-3218"), "sakura": ms("XNCW",), "faber": ms("FC-169624",),
         "deli": ms("DL-73880",)},
        {}, (12, 18, 24, 36), "sets", ("0.80", "3.50"), "palette",
        Term("{brand} {model} watercolours, {pack}, with a brush and mixing lid; bright, finely ground pigments.",
             "{brand} {model} 水彩颜料，{pack}，附画笔和调色盖，颜料研磨细腻、色彩鲜艳。"),
        fixed={"colour": "assorted", "material": "plastic"}, stock=(0, 200),
    ),
    Kind(
        "coloured-pencils", "art/coloured-pencils", "art-supply", Term("Coloured pencils", "彩色铅笔"),
        {"faber": ms("FC-115937", "FC-114736"), "staedtler": ms("ST-146C", "ST-144-10"), "deli": ms("DL-6566",),
         "mg": ms("MG-AWP34308",), "maries": ms("MR-7100",)},
        {}, (12, 24, 36, 48, 72), "sets", ("0.50", "3.00"), "pencil_fan",
        Term("{brand} {model} coloured pencils, {pack}, {material} barrels with soft, break-resistant leads.",
             "{brand} {model} 彩色铅笔，{pack}，{material}笔杆，笔芯柔软抗断。"),
        fixed={"colour": "assorted", "material": "wood"}, stock=(0, 300),
    ),
    Kind(
        "oil-pastels", "art/oil-pastels", "art-supply", Term("Oil pastels", "油画棒"),
        {"sakura": ms("XEP-25", "LP-25"), "maries": ms("MR-6025",), "mg": ms("MG-AGMX0701",), "deli": ms("DL-72051",)},
        {}, (12, 24, 36, 48), "sets", ("0.40", "1.80"), "pastel",
        Term("{brand} {model} oil pastels, {pack}: creamy colours that blend easily, wrapped to keep hands clean.",
             "{brand} {model} 油画棒，{pack}，色彩柔滑易混色，纸套包裹不脏手。"),
        fixed={"colour": "assorted"}, stock=(0, 300),
    ),
    Kind(
        "brushes", "art/brushes", "art-supply", Term("Paint brush set", "画笔套装"),
        {"maries": ms("MR-G1680", "MR-G1170"), "deli": ms("DL-73889",), "sakura": ms("SK-BR6",)},
        {"material": ("wood", "bamboo")}, (6, 10, 12), "pieces", ("1.50", "8.00"), "brush",
        Term("{brand} {model} brush set, {pack}, {material} handles, for watercolour, gouache and acrylic.",
             "{brand} {model} 画笔套装，{pack}，{material}笔杆，适用水彩、水粉和丙烯。"),
        fixed={"colour": "assorted"}, stock=(0, 200),
    ),
    Kind(
        "sketchbook", "art/sketchbooks", "art-supply", Term("Sketchbook", "素描本"),
        {"maries": ms("MR-SK01", "MR-SK02"), "deli": ms("DL-73668",), "guangbo": ms("GB-SM20",), "mg": ms("MG-APYMA",)},
        {"paper_size": ("8k", "a4", "a3"), "paper_weight": (120, 160), "sheet_count": (20, 40)}, (1,), "books",
        ("6.00", "28.00"), "sketchbook",
        Term("{brand} {model} sketchbook, {paper_size}, {sheet_count} sheets of {paper_weight} g/m² acid-free "
             "drawing paper.",
             "{brand} {model} 素描本，{paper_size}，{sheet_count}张{paper_weight}克无酸素描纸。"),
        fixed={"colour": "white"}, price_pct={"paper_size:a3": 160, "paper_weight:160": 125, "sheet_count:40": 170},
        stock=(0, 250),
    ),
    Kind(
        "eraser", "school/erasers", "school-supply", Term("Eraser", "橡皮擦"),
        {"staedtler": ms("526-50",), "faber": ms("FC-187120",), "pentel": ms("ZEH-10",), "deli": ms("DL-7533",),
         "mg": ms("MG-AXP96390",)},
        {"colour": ("white", "black", "blue")}, (1, 20, 30), "pieces", ("0.50", "3.00"), "eraser",
        Term("{brand} {model} eraser in {colour}, PVC-free {material}: erases cleanly with few crumbs. Pack: {pack}.",
             "{brand} {model} 橡皮擦，{colour}，不含PVC的{material}材质，擦得干净、碎屑少。规格：{pack}。"),
        fixed={"material": "plastic"}, stock=(0, 900),
    ),
    Kind(
        "ruler", "school/rulers", "school-supply", Term("Ruler 30 cm", "直尺 30厘米"),
        {"deli": ms("DL-6230", "DL-8462"), "mg": ms("MG-ARL96351",), "staedtler": ms("562-30",),
         "comix": ms("CX-R30",)},
        {"material": ("plastic", "steel", "bamboo")}, (1, 10), "pieces", ("1.00", "6.00"), "ruler",
        Term("{brand} {model} 30 cm ruler in {material} with clear millimetre markings. Pack: {pack}.",
             "{brand} {model} 30厘米直尺，{material}材质，毫米刻度清晰。规格：{pack}。"),
        fixed={"colour": "transparent"}, price_pct={"material:steel": 180, "material:bamboo": 140}, stock=(0, 600),
    ),
    Kind(
        "sharpener", "school/sharpeners", "school-supply", Term("Pencil sharpener", "卷笔刀"),
        {"deli": (m("DL-0620"), m("DL-0717", 900)), "mg": (m("MG-FPS90"),), "staedtler": (m("510-10", 120),),
         "faber": (m("FC-183700", 110),)},
        {"colour": ("blue", "pink", "grey")}, (1,), "pieces", ("3.00", "9.00"), "sharpener",
        Term("{brand} {model} pencil sharpener in {colour}, hardened blade for a sharp, even point.",
             "{brand} {model} 卷笔刀，{colour}，硬化刀片，削出的笔尖锋利均匀。"),
        fixed={"material": "plastic"}, stock=(0, 400),
    ),
    Kind(
        "pencil-case", "school/pencil-cases", "school-supply", Term("Pencil case", "笔袋"),
        {"deli": ms("DL-66770",), "mg": ms("MG-APB93532",), "kokuyo": ms("WSG-PC22",), "comix": ms("CX-PB10",)},
        {"colour": ("black", "navy", "pink", "grey"), "material": ("canvas", "pp")}, (1,), "pieces",
        ("8.00", "45.00"), "pouch",
        Term("{brand} {model} pencil case, {colour} {material}, zipped, holds about 30 pens.",
             "{brand} {model} 笔袋，{colour}{material}材质，拉链开合，可装约30支笔。"),
        stock=(0, 250),
    ),
    Kind(
        "exercise-book", "school/exercise-books", "school-supply", Term("Exercise book", "作业本"),
        {"deli": ms("DL-7650",), "guangbo": ms("GB-SB30",), "mg": ms("MG-APYFE",), "comix": ms("CX-C4530",)},
        {"paper_size": ("b5", "a5"), "sheet_count": (30, 40), "colour": ("blue", "green", "pink")}, (10, 20),
        "books", ("0.80", "3.00"), "notebook",
        Term("{brand} {model} exercise book, {paper_size}, {sheet_count} sheets, {colour} cover, eye-friendly "
             "off-white paper. Pack: {pack}.",
             "{brand} {model} 作业本，{paper_size}，{sheet_count}张，{colour}封面，护眼米白内页。规格：{pack}。"),
        fixed={"material": "cardboard"}, stock=(0, 900),
    ),
    Kind(
        "shredder", "equipment/shredders", "office-machine", Term("Paper shredder", "碎纸机"),
        {"deli": (m("DL-9939", 90, sheet_capacity=8), m("DL-9953", 120, sheet_capacity=12),
                  m("DL-14400", 170, sheet_capacity=18)),
         "fellowes": (m("79CI", 120, sheet_capacity=16), m("99CI", 160, sheet_capacity=18),
                      m("P-48C", 90, sheet_capacity=8)),
         "comix": (m("CX-S550", sheet_capacity=10),)},
        {"colour": ("black", "grey")}, (1,), "machines", ("700.00", "1200.00"), "shredder",
        Term("{brand} {model} cross-cut shredder: {sheet_capacity} sheets per pass, also cuts cards and staples, "
             "with a quiet motor and auto start/stop. 2-year warranty.",
             "{brand} {model} 碎纸机，颗粒状切割，一次可碎{sheet_capacity}张，"
             "可碎卡片和订书钉，静音电机，自动启停。保修两年。"),
        stock=(0, 30),
    ),
    Kind(
        "laminator", "equipment/laminators", "office-machine", Term("Laminator", "塑封机"),
        {"deli": ms("DL-3893", "DL-3896"), "fellowes": ms("SATURN-3I", "JUPITER-2"), "comix": ms("CX-LM230",)},
        {"paper_size": ("a4", "a3"), "colour": ("white", "grey")}, (1,), "machines", ("120.00", "400.00"),
        "laminator",
        Term("{brand} {model} {paper_size} laminator, warms up in about a minute, for pouches up to 125 microns.",
             "{brand} {model} {paper_size}塑封机，约一分钟预热，适用最厚125微米的塑封膜。"),
        price_pct={"paper_size:a3": 150}, stock=(0, 40),
    ),
    Kind(
        "calculator", "equipment/calculators", "office-machine", Term("Calculator", "计算器"),
        {"casio": (m("GX-12B", 100), m("DS-2B", 160), m("FX-82ES-PLUS", 110), m("FX-991CN-X", 190)),
         "deli": (m("DL-1238"), m("DL-M01", 60)), "mg": (m("MG-ADG98120", 70),)},
        {"colour": ("black", "white", "blue", "silver")}, (1,), "machines", ("15.00", "95.00"), "calculator",
        Term("{brand} {model} calculator in {colour}, 12-digit display, solar and battery powered.",
             "{brand} {model} 计算器，{colour}，12位显示，太阳能和电池双电源。"),
        stock=(0, 150),
    ),
    Kind(
        "label-maker", "equipment/label-makers", "office-machine", Term("Label maker", "标签机"),
        {"brother": (m("PT-E115B"), m("PT-D210", 120), m("PT-P710BT", 220)), "deli": (m("DL-LM12", 80),)},
        {"colour": ("white", "black")}, (1,), "machines", ("150.00", "300.00"), "label_maker",
        Term("{brand} {model} label maker for laminated tapes up to 12 mm, prints Chinese and English.",
             "{brand} {model} 标签机，适用最宽12毫米覆膜色带，可打印中英文。"),
        stock=(0, 40),
    ),
    Kind(
        "recycled-paper", "eco/recycled-paper", "copy-paper", Term("Recycled copy paper", "再生复印纸"),
        {"asiasymbol": ms("P1-ECO",), "chenming": ms("CM-RECYCLE",), "deli": ms("DL-7391R",), "comix": ms("CX-ECO80",),
         "doublea": ms("DA-ECO",)},
        {"paper_size": ("a4", "a3"), "paper_weight": (70, 80)}, (1, 5), "reams", ("22.00", "32.00"), "ream",
        Term("{brand} {model} recycled copy paper, {paper_size}, {paper_weight} g/m², natural white, made from "
             "post-consumer fibre. Pack: {pack}.",
             "{brand} {model} 再生复印纸，{paper_size}，{paper_weight}克，"
             "自然白，采用消费后回收纤维制成。规格：{pack}。"),
        fixed={"colour": "white", "sheet_count": 500}, price_pct={"paper_size:a3": 195, "paper_weight:80": 112},
        eco_labels=("recycled", "china-env", "fsc"), eco_percent=100, stock=(0, 250),
    ),
    Kind(
        "refillable-pen", "eco/refillable-pens", "pen", Term("Refillable gel pen", "可换芯中性笔"),
        {"mg": ms("MG-AGPH3701",), "deli": ms("DL-S856",), "pilot": ms("LJP-20S4",), "uni": ms("UMN-155",),
         "zebra": ms("JJZ33",)},
        {"colour": ("black", "blue"), "tip_size": ("05", "07"), "material": ("recycled-plastic", "bamboo")},
        (1, 10), "pens", ("5.00", "25.00"), "pen",
        Term("{brand} {model} refillable gel pen with a {material} barrel, {tip_size} {colour} refill; replace the "
             "refill, keep the pen. Pack: {pack}.",
             "{brand} {model} 可换芯中性笔，{material}笔杆，{tip_size}{colour}笔芯，只换芯、不换笔。规格：{pack}。"),
        eco_labels=("refillable",), eco_percent=100, stock=(0, 400),
    ),
    Kind(
        "recycled-notebook", "eco/recycled-notebooks", "notebook", Term("Recycled notebook", "再生纸笔记本"),
        {"kokuyo": ms("KY-ECO-B5",), "guangbo": ms("GB-ECO60",), "deli": ms("DL-ECO7656",), "mg": ms("MG-ECOAPY",)},
        {"paper_size": ("a5", "b5", "a4"), "sheet_count": (60, 80)}, (1, 5), "books", ("4.50", "18.00"), "notebook",
        Term("{brand} {model} notebook, {paper_size}, {sheet_count} sheets of {material} with a kraft cover. "
             "Pack: {pack}.",
             "{brand} {model} 笔记本，{paper_size}，{sheet_count}张{material}内页，牛皮纸封面。规格：{pack}。"),
        fixed={"colour": "kraft", "material": "recycled", "paper_weight": 70},
        price_pct={"paper_size:a5": 80, "paper_size:a4": 130, "sheet_count:80": 120},
        eco_labels=("recycled", "fsc", "china-env"), eco_percent=100, stock=(0, 300),
    ),
    Kind(
        "eco-filing", "eco/eco-filing", "filing", Term("Eco file box", "环保文件盒"),
        {"comix": ms("CX-ECO-A4", "CX-ECO-FB"), "deli": ms("DL-ECO5920", "DL-ECO5302"), "kokuyo": ms("KY-ECO-FB",)},
        {"material": ("kraft", "cardboard")}, (1, 10), "pieces", ("3.00", "12.00"), "box",
        Term("{brand} {model} file box for {paper_size} documents, made of {material} without plastic parts. "
             "Pack: {pack}.",
             "{brand} {model} 文件盒，适用{paper_size}文件，{material}制成，不含塑料部件。规格：{pack}。"),
        fixed={"colour": "kraft", "paper_size": "a4"},
        eco_labels=("recycled", "plastic-free", "fsc"), eco_percent=100, stock=(0, 400),
    ),
)
