from django.urls import path

from . import dashboard_views

app_name = "currency_dashboard"

urlpatterns = [
    path("", dashboard_views.rate_list, name="rates"),
    path("history/", dashboard_views.rate_history, name="history"),
    path("override/", dashboard_views.rate_override, name="override"),
]
