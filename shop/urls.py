from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from shop.core.health import healthz
from shop.plugins.urls import plugin_dashboard_urlpatterns, plugin_urlpatterns

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("shop.currency.urls")),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("dashboard/plugins/", include("shop.plugins.dashboard_urls")),
    path("dashboard/rates/", include("shop.currency.dashboard_urls")),
    path("", include("shop.documents.urls")),
    path("dashboard/catalog-import/", include("shop.catalogimport.urls")),
    path("dashboard/search-synonyms/", include("shop.apps.search.dashboard.urls")),
    path("dashboard/companies/", include("shop.companies.dashboard.urls")),
    path("accounts/company/inventory/", include("shop.inventory.urls")),
    path("dashboard/inventory/", include("shop.inventory.dashboard.urls")),
    path("accounts/company/", include("shop.companies.urls")),
    path("orders/", include("shop.orders.urls")),
    path("dashboard/b2b-orders/", include("shop.orders.dashboard_urls")),
    *plugin_dashboard_urlpatterns(),
    *plugin_urlpatterns(),
    # The front page is the CMS home page (Oscar's own "home" only redirects to "/").
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include(apps.get_app_config("oscar").urls[0])),
    # Wagtail serves pages last, so the home page and campaign pages can be CMS pages.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.http import Http404
    from django.urls import re_path
    from django.views.defaults import page_not_found

    # Uploaded import files live under MEDIA_ROOT/imports/ and are never served (staff download them).
    _imports = settings.MEDIA_URL.lstrip("/") + "imports/"
    urlpatterns += [re_path(rf"^{_imports}", page_not_found, {"exception": Http404()})]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
