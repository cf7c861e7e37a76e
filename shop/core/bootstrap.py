"""The rows every deployment needs: Wagtail's locales, root page, a home page and the default site.

Wagtail creates them in a migration; a database that was flushed (a test run,
a restore gone wrong) lacks them and every CMS URL would answer 404.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction


@transaction.atomic
def ensure_site(hostname: str = "localhost", port: int = 80):
    """Create what is missing and return the default Wagtail Site."""
    from wagtail.models import Locale, Page, Site

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.objects.filter(depth=1).first()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale, live=True))
    from cms.models import HomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and site.root_page.specific_class is HomePage:
        return site
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        # Wagtail's own "Welcome to your new Wagtail site!" page has no content worth keeping.
        for page in root.get_children().filter(content_type__app_label="wagtailcore", content_type__model="page"):
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()
        home = root.add_child(instance=HomePage(title="Home", slug="home", locale=default_locale, live=True))
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
    else:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return site
