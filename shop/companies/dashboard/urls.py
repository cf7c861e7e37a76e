"""Staff URLs, mounted at ``/<lang>/dashboard/companies/`` (namespace ``companies_dashboard``); staff only."""

from collections.abc import Callable

from django.contrib.admin.views.decorators import staff_member_required
from django.urls import path

from . import views


def staff(view: Callable) -> Callable:
    return staff_member_required(view, login_url="customer:login")


app_name = "companies_dashboard"

urlpatterns = [
    path("", staff(views.CompanyListView.as_view()), name="company-list"),
    path("add/", staff(views.CompanyCreateView.as_view()), name="company-create"),
    path("<int:pk>/", staff(views.CompanyDetailView.as_view()), name="company-detail"),
    path("<int:pk>/edit/", staff(views.CompanyUpdateView.as_view()), name="company-update"),
    path("<int:pk>/members/<int:member_pk>/role/", staff(views.member_role), name="member-role"),
    path("<int:pk>/invitations/<int:invitation_pk>/revoke/", staff(views.invitation_revoke),
         name="invitation-revoke"),
    path("groups/", staff(views.GroupListView.as_view()), name="group-list"),
    path("groups/add/", staff(views.GroupCreateView.as_view()), name="group-create"),
    path("groups/<int:pk>/edit/", staff(views.GroupUpdateView.as_view()), name="group-update"),
]
