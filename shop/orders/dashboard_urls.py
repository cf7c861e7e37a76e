"""Operators' order pages in the dashboard (namespace ``orders_dashboard``)."""

from django.urls import path

from .views import dashboard

app_name = "orders_dashboard"

urlpatterns = [
    path("", dashboard.StaffOrderListView.as_view(), name="list"),
    path("settings/", dashboard.AlertSettingsView.as_view(), name="settings"),
    path("group/<int:pk>/state/", dashboard.StaffTransitionView.as_view(), name="group-transition"),
    path("group/<int:pk>/ship/", dashboard.StaffShipView.as_view(), name="group-ship"),
    path("group/<int:pk>/merge/", dashboard.StaffMergeView.as_view(), name="group-merge"),
    path("returns/<int:pk>/", dashboard.StaffReturnDecisionView.as_view(), name="return-decide"),
    path("<str:number>/", dashboard.StaffOrderDetailView.as_view(), name="detail"),
    path("<str:number>/paid/", dashboard.StaffMarkPaidView.as_view(), name="mark-paid"),
]
