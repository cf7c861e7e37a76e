"""Demo suppliers with their warehouses, demo accounts for every role, and the home page's copy."""

from __future__ import annotations

from typing import NamedTuple

from shop.core.roles import Role

from .catalog_data import Term


class WarehouseSpec(NamedTuple):
    code: str
    name: Term
    city: str
    country: str = "CN"


class PartnerSpec(NamedTuple):
    code: str
    name: str
    sku_prefix: str
    price_pct: tuple[int, int]  # this supplier's prices, in percent of the list price
    warehouses: tuple[WarehouseSpec, ...]


class AccountSpec(NamedTuple):
    role: Role
    username: str
    email: str
    first_name: str
    last_name: str
    password: str  # a fixed demo value: never use these accounts outside a demo
    partner: str | None = None  # a supplier's partner code


PARTNERS: tuple[PartnerSpec, ...] = (
    PartnerSpec(
        "huadong-stationery", "Huadong Stationery Supply Co., Ltd.", "HD", (96, 104),
        (
            WarehouseSpec("SH-JIADING", Term("Shanghai Jiading DC", "上海嘉定仓"), "Shanghai"),
            WarehouseSpec("HZ-XIAOSHAN", Term("Hangzhou Xiaoshan DC", "杭州萧山仓"), "Hangzhou"),
        ),
    ),
    PartnerSpec(
        "pearl-river-office", "Pearl River Office Trading Co.", "PR", (94, 102),
        (
            WarehouseSpec("GZ-BAIYUN", Term("Guangzhou Baiyun DC", "广州白云仓"), "Guangzhou"),
            WarehouseSpec("SZ-LONGGANG", Term("Shenzhen Longgang DC", "深圳龙岗仓"), "Shenzhen"),
            WarehouseSpec("HK-KWAICHUNG", Term("Hong Kong Kwai Chung DC", "香港葵涌仓"), "Hong Kong", "HK"),
        ),
    ),
    PartnerSpec(
        "northern-paper", "Northern Paper & Office Supplies Ltd.", "NP", (97, 106),
        (
            WarehouseSpec("BJ-DAXING", Term("Beijing Daxing DC", "北京大兴仓"), "Beijing"),
            WarehouseSpec("TJ-PORT", Term("Tianjin Port DC", "天津港仓"), "Tianjin"),
        ),
    ),
)

ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec(Role.RETAILER, "retailer", "retailer@demo.example.com", "Fang", "Wang", "Paper-Crane-2026"),
    AccountSpec(Role.DISTRIBUTOR, "distributor", "distributor@demo.example.com", "Qiang", "Li", "Bulk-Order-2026"),
    AccountSpec(
        Role.SUPPLIER, "supplier", "supplier@demo.example.com", "Jing", "Chen", "Ship-Fast-2026",
        partner="huadong-stationery",
    ),
    AccountSpec(Role.EDITOR, "editor", "editor@demo.example.com", "Yang", "Liu", "Fresh-Banner-2026"),
    AccountSpec(Role.OPERATOR, "operator", "operator@demo.example.com", "Wei", "Zhang", "Run-Platform-2026"),
)

HOME_TITLE = Term("Inkstone Trade", "砚台商贸")
HOME_INTRO = Term(
    "Wholesale stationery and office supplies for retailers, distributors and companies.",
    "面向零售商、经销商和企业的文具办公用品批发平台。",
)
HOME_HERO = {
    "headline": Term("Stationery by the box, paper by the pallet", "文具整盒批，纸张整托供"),
    "subline": Term(
        "Pens, paper, filing and office equipment from Deli, M&G, Pilot, Double A and more — "
        "with contract prices and stock in seven warehouses.",
        "得力、晨光、百乐、达伯埃等品牌的书写工具、纸张、文件收纳和办公设备——享受协议价，七大仓库现货供应。",
    ),
    "button_text": Term("Browse the catalogue", "浏览商品目录"),
    "button_url": Term("/en/catalogue/", "/zh-hans/catalogue/"),
}
# One paragraph or list item per entry: each becomes one translatable segment.
HOME_BODY: tuple[tuple[str, Term], ...] = (
    ("h2", Term("Why buyers order here", "为什么选择我们")),
    ("p", Term(
        "Order gel pens by the box of 12, copy paper by the carton and shredders with warranty — "
        "all in one basket, in Chinese or English.",
        "中性笔整盒订购，复印纸整箱采购，碎纸机享受保修——中英文界面，一个购物车全部搞定。",
    )),
    ("li", Term("Quantity breaks and contract prices for registered businesses", "注册企业享受阶梯价和协议价")),
    ("li", Term("Stock shown per supplier, shipped from the nearest warehouse", "按供应商显示库存，就近仓库发货")),
    ("li", Term("An eco range of recycled paper and refillable pens", "再生纸和可换芯笔等环保系列")),
)


class CompanySpec(NamedTuple):
    name: str
    kind: str  # a ``Company.Kind`` value
    members: tuple[str, ...]  # demo usernames; the first is the company's administrator
    partner: str | None = None  # a supplier's partner code (the company sees and fulfils that partner's orders)
    warehouses: tuple[str, ...] = ()  # warehouse codes the company owns
    share_with_suppliers: bool = False
    share_with_customers: bool = False
    credit_limit: str | None = None  # CNY; set: the company pays on account
    net_days: int = 30


COMPANIES: tuple[CompanySpec, ...] = (
    CompanySpec(
        "Huadong Stationery Supply Co., Ltd.", "supplier", ("supplier",), partner="huadong-stationery",
        warehouses=("SH-JIADING",), share_with_customers=True,
    ),
    CompanySpec("Pearl River Office Trading Co.", "supplier", (), partner="pearl-river-office",
                warehouses=("GZ-BAIYUN", "SZ-LONGGANG", "HK-KWAICHUNG")),
    CompanySpec("Northern Paper & Office Supplies Ltd.", "supplier", (), partner="northern-paper",
                warehouses=("BJ-DAXING", "TJ-PORT")),
    # The distributor keeps Huadong's goods on consignment in its Hangzhou warehouse and lets Huadong see them.
    CompanySpec(
        "East China Office Wholesale Co.", "distributor", ("distributor",), warehouses=("HZ-XIAOSHAN",),
        share_with_suppliers=True,
    ),
    CompanySpec("Wang's Stationery Corner", "retailer", ("retailer",), credit_limit="50000.00", net_days=30),
)


class StockLevelSpec(NamedTuple):
    warehouse: str
    position: int  # the n-th stock line of the warehouse, by stock record
    threshold_above_available: int  # threshold = available + this (> 0: a low-stock alert is raised)
    safety_stock: int


STOCK_LEVELS: tuple[StockLevelSpec, ...] = (
    StockLevelSpec("HZ-XIAOSHAN", 0, 25, 40),
    StockLevelSpec("HZ-XIAOSHAN", 1, 10, 30),
    StockLevelSpec("SH-JIADING", 0, 5, 20),
    StockLevelSpec("SH-JIADING", 1, -5, 0),  # comfortably above its threshold: no alert
)


class OrderSpec(NamedTuple):
    number: str
    buyer: str  # demo username; the order is placed for the buyer's company
    days_ago: int
    method: str  # a checkout payment method code
    items: tuple[tuple[int, int], ...]  # (n-th orderable demo product, quantity)
    paid: bool = False  # staff marked the bank transfer received
    steps: tuple[str, ...] = ()  # "confirm", "ship-part", "ship-all", "deliver", in order


ORDERS: tuple[OrderSpec, ...] = (
    OrderSpec("DEMO-1001", "retailer", 12, "on-account", ((0, 6), (1, 4)), steps=("confirm", "ship-all", "deliver")),
    OrderSpec("DEMO-1002", "distributor", 6, "bank-transfer", ((2, 20), (3, 12)), paid=True,
              steps=("confirm", "ship-part")),
    OrderSpec("DEMO-1003", "retailer", 2, "on-account", ((4, 5),), steps=("confirm",)),
    OrderSpec("DEMO-1004", "distributor", 4, "bank-transfer", ((5, 24),)),  # unpaid, not confirmed in time: an alert
    OrderSpec("DEMO-1005", "retailer", 0, "on-account", ((1, 3), (6, 2))),
)
