from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Content pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import receivers

        receivers.connect()
        post_migrate.connect(_ensure_site, sender=self, dispatch_uid="cms.ensure_site")


def _ensure_site(**kwargs) -> None:
    """After migrate, the storefront's front page is a themed CMS home page, not Wagtail's welcome page;
    editors and approvers get their CMS permissions and the approval workflow (once)."""
    from shop.core.bootstrap import ensure_site

    from .editorial import ensure_editorial_setup

    ensure_site()
    ensure_editorial_setup()
