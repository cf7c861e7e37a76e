from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogImportConfig(AppConfig):
    name = "shop.catalogimport"
    label = "catalogimport"
    verbose_name = _("Catalog import")
    default_auto_field = "django.db.models.BigAutoField"
