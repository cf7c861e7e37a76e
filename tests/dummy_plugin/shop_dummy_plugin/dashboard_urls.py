"""Staff URLs, mounted by the core at ``/<lang>/dashboard/p/dummy/`` (namespace ``dummy_dashboard``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.DashboardIndexView.as_view(), name="index"),
]
