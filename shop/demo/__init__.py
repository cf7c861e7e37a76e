"""Demo data: a bilingual stationery catalog, suppliers with warehouse stock, demo accounts, a CMS home page."""
