from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Order documents in the buyer's language and currency: the confirmation email and the invoice PDF."""

    name = "shop.documents"
    label = "documents"
    verbose_name = _("Order documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
