"""Storefront URLs, mounted at ``/<lang>/accounts/company/`` (namespace ``companies``)."""

from django.urls import path

from .views import account, addresses, members, orders

app_name = "companies"

urlpatterns = [
    path("", account.CompanyHomeView.as_view(), name="home"),
    path("switch/", account.switch_company, name="switch"),
    path("orders/", orders.CompanyOrderListView.as_view(), name="order-list"),
    path("orders/export.csv", orders.CompanyOrderExportView.as_view(), name="order-export"),
    path("orders/<str:number>/", orders.CompanyOrderDetailView.as_view(), name="order-detail"),
    path("orders/<str:number>/reorder/", orders.CompanyOrderReorderView.as_view(), name="order-reorder"),
    path("members/", members.MemberListView.as_view(), name="member-list"),
    path("members/invite/", members.MemberInviteView.as_view(), name="member-invite"),
    path("members/<int:pk>/role/", members.MemberRoleView.as_view(), name="member-role"),
    path("members/<int:pk>/remove/", members.MemberRemoveView.as_view(), name="member-remove"),
    path("invitations/<int:pk>/revoke/", members.InvitationRevokeView.as_view(), name="invitation-revoke"),
    path("invitations/accept/<str:token>/", members.InvitationAcceptView.as_view(), name="invitation-accept"),
    path("invitations/accept/<str:token>/sign-out/", members.sign_out_to_accept, name="invitation-sign-out"),
    path("addresses/", addresses.AddressListView.as_view(), name="address-list"),
    path("addresses/add/", addresses.AddressCreateView.as_view(), name="address-create"),
    path("addresses/<int:pk>/edit/", addresses.AddressUpdateView.as_view(), name="address-update"),
    path("addresses/<int:pk>/delete/", addresses.AddressDeleteView.as_view(), name="address-delete"),
]
