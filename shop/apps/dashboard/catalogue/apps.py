import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard with bilingual product/category forms and per-currency prices."""

    name = "shop.apps.dashboard.catalogue"
