"""The project's URLs plus a route for the CMS home page at ``/<language>/``.

Oscar's own ``""`` route redirects to ``OSCAR_HOMEPAGE`` ("/"), which the locale
middleware sends back to ``/<language>/``: a redirect loop that hides the CMS home
page. The home page tests mount Wagtail's page view at the language root here,
the same route ``shop/urls.py`` needs ahead of Oscar's URLs.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from wagtail import views as wagtail_views

from shop.urls import urlpatterns as shop_urlpatterns

urlpatterns = [
    *i18n_patterns(path("", wagtail_views.serve, {"path": ""}, name="home"), prefix_default_language=True),
    *shop_urlpatterns,
]
