"""Members management by company admins: roles, removal, the last admin, other companies' members (404)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shop.companies import services
from shop.companies.models import Membership
from shop.core.models import AuditEntry

from .conftest import join

pytestmark = pytest.mark.django_db


def test_admins_see_the_members_and_pending_invitations(client, admin_a, buyer_a, admin_b, company_a):
    services.invite(company_a, "soon@alpha.example", "viewer", admin_a)
    client.force_login(admin_a)
    response = client.get(reverse("companies:member-list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "bob@alpha.example" in body and "ann@alpha.example" in body
    assert "cat@beta.example" not in body
    assert "soon@alpha.example" in body


def test_members_who_are_not_admins_get_403_with_a_reason(client, buyer_a):
    client.force_login(buyer_a)
    response = client.get(reverse("companies:member-list"))
    assert response.status_code == 403


def test_an_admin_changes_a_role_and_it_is_audited(client, admin_a, buyer_a, company_a):
    membership = buyer_a.company_memberships.get()
    client.force_login(admin_a)
    response = client.post(reverse("companies:member-role", kwargs={"pk": membership.pk}), {"role": "approver"},
                           follow=True)
    assert "bob@alpha.example is now: Approver." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.APPROVER
    entry = AuditEntry.objects.get(action="companies.member.role_changed")
    assert entry.actor == admin_a
    assert entry.data == {"member": "bob@alpha.example", "from": "buyer", "to": "approver"}


def test_an_unknown_role_is_refused(client, admin_a, buyer_a):
    membership = buyer_a.company_memberships.get()
    client.force_login(admin_a)
    response = client.post(reverse("companies:member-role", kwargs={"pk": membership.pk}), {"role": "owner"},
                           follow=True)
    assert "Choose one of the roles offered." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.BUYER


def test_the_last_admin_cannot_step_down(client, admin_a):
    membership = admin_a.company_memberships.get()
    client.force_login(admin_a)
    response = client.post(reverse("companies:member-role", kwargs={"pk": membership.pk}), {"role": "buyer"},
                           follow=True)
    assert "needs at least one administrator" in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_admin


def test_the_last_admin_cannot_be_removed(client, admin_a):
    membership = admin_a.company_memberships.get()
    client.force_login(admin_a)
    response = client.post(reverse("companies:member-remove", kwargs={"pk": membership.pk}), follow=True)
    assert "the last one cannot be removed" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_with_a_second_admin_one_may_leave(client, admin_a, buyer_a, company_a):
    services.change_role(buyer_a.company_memberships.get(), "admin", admin_a)
    membership = admin_a.company_memberships.get()
    client.force_login(admin_a)
    assert client.post(reverse("companies:member-remove", kwargs={"pk": membership.pk})).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert client.get(reverse("companies:member-list")).status_code == 404  # no company any more


def test_removing_a_member_asks_first_then_removes(client, admin_a, buyer_a):
    membership = buyer_a.company_memberships.get()
    client.force_login(admin_a)
    url = reverse("companies:member-remove", kwargs={"pk": membership.pk})
    assert "Remove bob@alpha.example from Alpha Stationers?" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "bob@alpha.example was removed." in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="companies.member.removed", actor=admin_a).exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [("companies:member-role", "post"), ("companies:member-remove", "get"), ("companies:member-remove", "post")],
)
def test_members_of_another_company_are_404(client, admin_a, admin_b, name, method):
    theirs = admin_b.company_memberships.get()
    client.force_login(admin_a)
    url = reverse(name, kwargs={"pk": theirs.pk})
    response = getattr(client, method)(url, {"role": "viewer"} if method == "post" else None)
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.role == Membership.Role.ADMIN


def test_an_admin_of_two_companies_acts_only_on_the_active_one(client, admin_a, admin_b, company_b):
    join(admin_a, company_b, Membership.Role.ADMIN)
    cat = admin_b.company_memberships.get()
    client.force_login(admin_a)
    url = reverse("companies:member-role", kwargs={"pk": cat.pk})
    assert client.post(url, {"role": "viewer"}).status_code == 404  # A is active
    client.post(reverse("companies:switch"), {"company": company_b.pk})
    assert client.post(url, {"role": "viewer"}).status_code == 302
    cat.refresh_from_db()
    assert cat.role == Membership.Role.VIEWER


def test_members_list_paginates_at_25(client, admin_a, company_a, make_user):
    for n in range(25):
        join(make_user(f"m{n:02d}@alpha.example"), company_a)
    client.force_login(admin_a)
    response = client.get(reverse("companies:member-list"))
    assert len(response.context["memberships"]) == 25
    assert response.context["paginator"].num_pages == 2
