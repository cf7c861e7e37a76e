"""Reference data of the demo catalog: brands, attributes and their options, product classes, categories.

Pure data, no database access. Every word a buyer sees comes in English and
Simplified Chinese. The product kinds that combine all this live in
``catalog_kinds``.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    """A word or phrase in both catalog languages."""

    en: str
    zh: str


class Brand(NamedTuple):
    code: str
    name: Term
    country: str  # ISO 3166-1 alpha-2
    gs1_prefix: str  # 7-digit company prefix of the brand's EAN-13 barcodes
    blurb: Term


class Option(NamedTuple):
    code: str
    label: Term
    rgb: tuple[int, int, int] | None = None  # colours only: used by the product illustrations


class Attribute(NamedTuple):
    code: str
    name: Term
    type: str  # an Oscar ProductAttribute type: "option", "integer" or "text"
    unit: Term | None = None  # integers only, e.g. "g/m²"


class ProductClassSpec(NamedTuple):
    code: str
    name: Term
    attributes: tuple[str, ...]


class CategorySpec(NamedTuple):
    code: str  # "writing" or "writing/gel-pens"
    name: Term
    description: Term


BRANDS: dict[str, Brand] = {
    b.code: b
    for b in (
        Brand("deli", Term("Deli", "得力"), "CN", "6921734",
              Term("Deli supplies offices and schools in over 150 countries.",
                   "得力办公用品行销全球150多个国家和地区。")),
        Brand("mg", Term("M&G", "晨光"), "CN", "6922711",
              Term("M&G is China's best-known writing-instrument maker.", "晨光是国内知名的书写工具品牌。")),
        Brand("comix", Term("Comix", "齐心"), "CN", "6935205",
              Term("Comix makes filing and office products for enterprises.", "齐心专注企业办公文件管理用品。")),
        Brand("guangbo", Term("Guangbo", "广博"), "CN", "6922876",
              Term("Guangbo is a leading notebook and paper-products maker from Ningbo.",
                   "广博是宁波知名的本册纸品制造商。")),
        Brand("chenming", Term("Chenming", "晨鸣"), "CN", "6924051",
              Term("Chenming paper comes from one of China's largest paper mills.",
                   "晨鸣纸业是国内大型造纸企业之一。")),
        Brand("asiasymbol", Term("Asia Symbol", "亚太森博"), "CN", "6930417",
              Term("Asia Symbol makes office paper from plantation fibre.", "亚太森博采用人工林纤维生产办公用纸。")),
        Brand("sunwood", Term("Sunwood", "三木"), "CN", "6930542",
              Term("Sunwood makes durable desk tools for busy offices.", "三木为办公室提供耐用的桌面工具。")),
        Brand("maries", Term("Marie's", "马利"), "CN", "6920481",
              Term("Marie's has made artists' colours in Shanghai since 1919.", "马利自1919年起在上海生产美术颜料。")),
        Brand("pilot", Term("Pilot", "百乐"), "JP", "4902505",
              Term("Pilot has made pens in Japan since 1918.", "百乐自1918年起在日本制造书写工具。")),
        Brand("zebra", Term("Zebra", "斑马"), "JP", "4901681",
              Term("Zebra is known for reliable everyday pens and highlighters.",
                   "斑马以耐用的日常书写笔和荧光笔著称。")),
        Brand("uni", Term("Uni", "三菱"), "JP", "4902778",
              Term("Uni (Mitsubishi Pencil) is famous for its pencils and gel inks.",
                   "三菱铅笔以铅笔和中性墨水闻名。")),
        Brand("pentel", Term("Pentel", "派通"), "JP", "4902506",
              Term("Pentel combines Japanese precision with bright colours.", "派通融合日本精工与明快色彩。")),
        Brand("kokuyo", Term("Kokuyo", "国誉"), "JP", "4901480",
              Term("Kokuyo makes Japan's best-selling Campus notebooks.", "国誉出品日本畅销的Campus笔记本。")),
        Brand("sakura", Term("Sakura", "樱花"), "JP", "4901881",
              Term("Sakura invented the oil pastel in 1925.", "樱花于1925年发明了油画棒。")),
        Brand("casio", Term("Casio", "卡西欧"), "JP", "4971850",
              Term("Casio calculators are a standard in offices and exam halls.",
                   "卡西欧计算器是办公和考场的常用之选。")),
        Brand("brother", Term("Brother", "兄弟"), "JP", "4977766",
              Term("Brother P-touch label makers label offices worldwide.", "兄弟P-touch标签机广泛用于全球办公场所。")),
        Brand("staedtler", Term("Staedtler", "施德楼"), "DE", "4007817",
              Term("Staedtler has made pencils in Nuremberg since 1835.", "施德楼自1835年起在纽伦堡制造铅笔。")),
        Brand("faber", Term("Faber-Castell", "辉柏嘉"), "DE", "4005401",
              Term("Faber-Castell is one of the world's oldest pencil makers.",
                   "辉柏嘉是全球历史悠久的铅笔制造商之一。")),
        Brand("stabilo", Term("Stabilo", "思笔乐"), "DE", "4006381",
              Term("Stabilo BOSS is the world's best-selling highlighter.", "思笔乐BOSS是全球畅销的荧光笔。")),
        Brand("doublea", Term("Double A", "达伯埃"), "TH", "8852225",
              Term("Double A paper runs jam-free in copiers and printers.",
                   "达伯埃复印纸在复印机和打印机中运行顺畅不卡纸。")),
        Brand("3m", Term("Post-it", "报事贴"), "US", "0051131",
              Term("Post-it notes stick firmly and peel off cleanly.", "报事贴粘贴牢固，揭下不留痕。")),
        Brand("fellowes", Term("Fellowes", "范罗士"), "US", "0043859",
              Term("Fellowes builds shredders and laminators for offices.", "范罗士为办公室打造碎纸机和塑封机。")),
    )
}

ATTRIBUTES: dict[str, Attribute] = {
    a.code: a
    for a in (
        Attribute("brand", Term("Brand", "品牌"), "option"),
        Attribute("model", Term("Model", "型号"), "text"),
        Attribute("colour", Term("Colour", "颜色"), "option"),
        Attribute("tip_size", Term("Tip size", "笔尖规格"), "option"),
        Attribute("lead_grade", Term("Lead grade", "铅芯硬度"), "option"),
        Attribute("paper_size", Term("Paper size", "纸张规格"), "option"),
        Attribute("paper_weight", Term("Paper weight", "克重"), "integer", Term("g/m²", "克")),
        Attribute("sheet_count", Term("Sheets", "张数"), "integer", Term("sheets", "张")),
        Attribute("sheet_capacity", Term("Sheet capacity", "一次处理张数"), "integer", Term("sheets", "张")),
        Attribute("pack_size", Term("Pack size", "包装数量"), "integer", Term("units", "件")),
        Attribute("material", Term("Material", "材质"), "option"),
        Attribute("eco_label", Term("Eco label", "环保标识"), "option"),
    )
}

# Option values per option attribute. Brands become the options of "brand".
OPTIONS: dict[str, tuple[Option, ...]] = {
    "colour": (
        Option("black", Term("Black", "黑色"), (34, 34, 38)),
        Option("blue", Term("Blue", "蓝色"), (30, 86, 196)),
        Option("red", Term("Red", "红色"), (206, 38, 46)),
        Option("green", Term("Green", "绿色"), (34, 150, 82)),
        Option("yellow", Term("Yellow", "黄色"), (250, 214, 40)),
        Option("pink", Term("Pink", "粉色"), (240, 110, 170)),
        Option("orange", Term("Orange", "橙色"), (246, 136, 30)),
        Option("purple", Term("Purple", "紫色"), (130, 70, 180)),
        Option("white", Term("White", "白色"), (246, 246, 244)),
        Option("grey", Term("Grey", "灰色"), (128, 132, 138)),
        Option("navy", Term("Navy", "藏青色"), (28, 42, 92)),
        Option("transparent", Term("Transparent", "透明"), (214, 230, 240)),
        Option("kraft", Term("Kraft brown", "牛皮色"), (190, 150, 100)),
        Option("assorted", Term("Assorted colours", "混色"), (120, 120, 200)),
        Option("silver", Term("Silver", "银色"), (190, 194, 200)),
    ),
    "tip_size": (
        Option("038", Term("0.38 mm", "0.38毫米")),
        Option("05", Term("0.5 mm", "0.5毫米")),
        Option("07", Term("0.7 mm", "0.7毫米")),
        Option("10", Term("1.0 mm", "1.0毫米")),
        Option("bullet", Term("Bullet tip 2 mm", "圆头2毫米")),
        Option("chisel", Term("Chisel tip 5 mm", "斜头5毫米")),
        Option("dual", Term("Dual tip", "双头")),
    ),
    "lead_grade": (
        Option("2h", Term("2H", "2H")),
        Option("hb", Term("HB", "HB")),
        Option("2b", Term("2B", "2B")),
        Option("4b", Term("4B", "4B")),
    ),
    "paper_size": (
        Option("a3", Term("A3", "A3")),
        Option("a4", Term("A4", "A4")),
        Option("a5", Term("A5", "A5")),
        Option("b5", Term("B5", "B5")),
        Option("8k", Term("8K (270 × 390 mm)", "8开")),
        Option("76x76", Term("76 × 76 mm", "76×76毫米")),
        Option("76x127", Term("76 × 127 mm", "76×127毫米")),
    ),
    "material": (
        Option("plastic", Term("Plastic", "塑料")),
        Option("pp", Term("Polypropylene", "PP聚丙烯")),
        Option("metal", Term("Metal", "金属")),
        Option("steel", Term("Stainless steel", "不锈钢")),
        Option("wood", Term("Wood", "木质")),
        Option("bamboo", Term("Bamboo", "竹")),
        Option("cardboard", Term("Cardboard", "纸板")),
        Option("kraft", Term("Kraft paper", "牛皮纸")),
        Option("recycled", Term("Recycled paper", "再生纸")),
        Option("recycled-plastic", Term("Recycled plastic", "再生塑料")),
        Option("canvas", Term("Canvas", "帆布")),
        Option("rubber", Term("Rubber", "橡胶")),
    ),
    "eco_label": (
        Option("fsc", Term("FSC certified", "FSC认证")),
        Option("recycled", Term("100% recycled", "100%再生")),
        Option("china-env", Term("China Environmental Label", "中国环境标志")),
        Option("refillable", Term("Refillable", "可替换芯")),
        Option("plastic-free", Term("Plastic-free packaging", "无塑包装")),
    ),
}

PRODUCT_CLASSES: dict[str, ProductClassSpec] = {
    c.code: c
    for c in (
        ProductClassSpec("pen", Term("Pen", "笔"),
                         ("brand", "model", "colour", "tip_size", "pack_size", "material", "eco_label")),
        ProductClassSpec("refill", Term("Refill", "笔芯"), ("brand", "model", "colour", "tip_size", "pack_size")),
        ProductClassSpec("pencil", Term("Pencil", "铅笔"),
                         ("brand", "model", "colour", "lead_grade", "tip_size", "pack_size", "material", "eco_label")),
        ProductClassSpec("copy-paper", Term("Copy paper", "复印纸"),
                         ("brand", "model", "colour", "paper_size", "paper_weight", "sheet_count", "pack_size",
                          "eco_label")),
        ProductClassSpec("notebook", Term("Notebook", "本册"),
                         ("brand", "model", "colour", "paper_size", "paper_weight", "sheet_count", "pack_size",
                          "material", "eco_label")),
        ProductClassSpec("sticky-notes", Term("Sticky notes", "便利贴"),
                         ("brand", "model", "colour", "paper_size", "sheet_count", "pack_size", "eco_label")),
        ProductClassSpec("filing", Term("Filing product", "文件收纳用品"),
                         ("brand", "model", "colour", "paper_size", "material", "pack_size", "eco_label")),
        ProductClassSpec("desk-tool", Term("Desk tool", "桌面工具"),
                         ("brand", "model", "colour", "material", "sheet_capacity", "pack_size")),
        ProductClassSpec("art-supply", Term("Art supply", "美术用品"),
                         ("brand", "model", "colour", "paper_size", "paper_weight", "sheet_count", "pack_size",
                          "material")),
        ProductClassSpec("school-supply", Term("School supply", "学生用品"),
                         ("brand", "model", "colour", "paper_size", "sheet_count", "pack_size", "material")),
        ProductClassSpec("office-machine", Term("Office machine", "办公设备"),
                         ("brand", "model", "colour", "paper_size", "sheet_capacity")),
    )
}


def _c(code: str, en: str, zh: str, desc_en: str = "", desc_zh: str = "") -> CategorySpec:
    return CategorySpec(code, Term(en, zh), Term(desc_en, desc_zh))


# Top-level categories come first, each followed by its subcategories (the order is the menu order).
CATEGORIES: tuple[CategorySpec, ...] = (
    _c("writing", "Writing instruments", "书写工具",
       "Gel, ballpoint and marker pens, highlighters, refills and pencils — by the piece or the box.",
       "中性笔、圆珠笔、记号笔、荧光笔、笔芯和铅笔，单支或整盒采购。"),
    _c("writing/gel-pens", "Gel pens", "中性笔"),
    _c("writing/ballpoint-pens", "Ballpoint pens", "圆珠笔"),
    _c("writing/markers", "Markers", "记号笔"),
    _c("writing/highlighters", "Highlighters", "荧光笔"),
    _c("writing/refills", "Refills", "笔芯"),
    _c("writing/pencils", "Pencils", "铅笔"),
    _c("paper", "Paper & notebooks", "纸张本册",
       "Copy paper by the ream or carton, notebooks, loose-leaf books and sticky notes.",
       "整包或整箱的复印纸，以及笔记本、活页本和便利贴。"),
    _c("paper/copy-paper", "Copy paper", "复印纸"),
    _c("paper/notebooks", "Notebooks", "笔记本"),
    _c("paper/loose-leaf", "Loose-leaf notebooks", "活页本"),
    _c("paper/sticky-notes", "Sticky notes", "便利贴"),
    _c("filing", "Filing & storage", "文件收纳",
       "Folders, ring binders, archive boxes and document bags to keep paperwork in order.",
       "文件夹、活页夹、档案盒和文件袋，让文件井井有条。"),
    _c("filing/folders", "Folders", "文件夹"),
    _c("filing/binders", "Ring binders", "活页夹"),
    _c("filing/archive-boxes", "Archive boxes", "档案盒"),
    _c("filing/document-bags", "Document bags", "文件袋"),
    _c("desk", "Desk accessories", "桌面用品",
       "Staplers, tape dispensers, scissors and clips for every desk.",
       "订书机、胶带座、剪刀和夹子，办公桌必备。"),
    _c("desk/staplers", "Staplers", "订书机"),
    _c("desk/tape-dispensers", "Tape dispensers", "胶带座"),
    _c("desk/scissors", "Scissors", "剪刀"),
    _c("desk/clips", "Clips & fasteners", "夹子与回形针"),
    _c("art", "Art supplies", "美术用品",
       "Watercolours, coloured pencils, oil pastels, brushes and sketchbooks for studios and classrooms.",
       "水彩颜料、彩色铅笔、油画棒、画笔和素描本，适合画室与课堂。"),
    _c("art/watercolours", "Watercolours", "水彩颜料"),
    _c("art/coloured-pencils", "Coloured pencils", "彩色铅笔"),
    _c("art/oil-pastels", "Oil pastels", "油画棒"),
    _c("art/brushes", "Brushes", "画笔"),
    _c("art/sketchbooks", "Sketchbooks", "素描本"),
    _c("school", "School supplies", "学生用品",
       "Erasers, rulers, sharpeners, pencil cases and exercise books for the new term.",
       "橡皮擦、尺子、卷笔刀、笔袋和作业本，开学必备。"),
    _c("school/erasers", "Erasers", "橡皮擦"),
    _c("school/rulers", "Rulers", "尺子"),
    _c("school/sharpeners", "Sharpeners", "卷笔刀"),
    _c("school/pencil-cases", "Pencil cases", "笔袋"),
    _c("school/exercise-books", "Exercise books", "作业本"),
    _c("equipment", "Office equipment", "办公设备",
       "Shredders, laminators, calculators and label makers, with warranty.",
       "碎纸机、塑封机、计算器和标签机，享受保修服务。"),
    _c("equipment/shredders", "Shredders", "碎纸机"),
    _c("equipment/laminators", "Laminators", "塑封机"),
    _c("equipment/calculators", "Calculators", "计算器"),
    _c("equipment/label-makers", "Label makers", "标签机"),
    _c("eco", "Eco range", "环保系列",
       "Recycled paper, refillable pens and filing made from recycled or renewable material.",
       "再生纸、可换芯笔以及由再生或可再生材料制成的文件收纳用品。"),
    _c("eco/recycled-paper", "Recycled paper", "再生纸"),
    _c("eco/refillable-pens", "Refillable pens", "可换芯笔"),
    _c("eco/recycled-notebooks", "Recycled notebooks", "再生纸笔记本"),
    _c("eco/eco-filing", "Eco filing", "环保文件收纳"),
)


def pack_phrase(style: str, n: int) -> Term:
    """How a pack of ``n`` is said in a title, e.g. ("box of 12", "12支/盒")."""
    if style == "pens":
        return Term("1 pen", "单支") if n == 1 else Term(f"box of {n}", f"{n}支/盒")
    if style == "reams":
        return Term("ream of 500 sheets", "500张/包") if n == 1 else Term(f"carton of {n} reams", f"{n}包/箱")
    if style == "books":
        return Term("1 book", "单本") if n == 1 else Term(f"pack of {n}", f"{n}本/包")
    if style == "pads":
        return Term("1 pad", "单本") if n == 1 else Term(f"pack of {n} pads", f"{n}本/包")
    if style == "sets":
        return Term(f"set of {n} colours", f"{n}色套装")
    if style == "machines":
        return Term("1 unit", "1台")
    return Term("1 piece", "单个") if n == 1 else Term(f"pack of {n}", f"{n}个/包")
