"""Staff URLs, mounted by the core at ``/<lang>/dashboard/p/b2b_pricing/`` (namespace ``b2b_pricing_dashboard``).

The core makes them staff-only and answers 404 while the plugin is switched off.
"""

from django.urls import path

from .views import overview

urlpatterns = [
    path("", overview.OverviewView.as_view(), name="index"),
]
