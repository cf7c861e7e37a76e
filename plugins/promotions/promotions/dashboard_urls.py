"""Staff URLs, mounted by the core at ``/<lang>/dashboard/p/promotions/`` (namespace ``promotions_dashboard``).

The core makes them staff-only and answers 404 while the plugin is switched off.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.OverviewView.as_view(), name="index"),
]
