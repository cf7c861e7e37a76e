"""Staff manage companies and customer groups in the dashboard; secrets stay write-only; changes are audited."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from shop.companies.models import Company, CustomerGroup, Invitation, Membership
from shop.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user):
    return make_user("op@example.com", is_staff=True)


@pytest.fixture
def group():
    return CustomerGroup.objects.create(name="Retailers in East China", code="retail-east")


URLS = [
    ("companies_dashboard:company-list", {}),
    ("companies_dashboard:company-create", {}),
    ("companies_dashboard:group-list", {}),
    ("companies_dashboard:group-create", {}),
]


@pytest.mark.parametrize(("name", "kwargs"), URLS)
def test_only_staff_reach_the_company_dashboard(client, buyer_a, staff, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code == 302  # anonymous → sign in
    client.force_login(buyer_a)
    assert client.get(url).status_code == 302
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_object_pages_are_staff_only(client, buyer_a, admin_a, company_a, staff):
    for url in (
        reverse("companies_dashboard:company-detail", kwargs={"pk": company_a.pk}),
        reverse("companies_dashboard:company-update", kwargs={"pk": company_a.pk}),
    ):
        client.force_login(admin_a)  # even the company's own admin
        assert client.get(url).status_code == 302
        client.force_login(staff)
        assert client.get(url).status_code == 200


def test_staff_create_a_company_with_secrets_and_the_change_is_audited(client, staff, group):
    client.force_login(staff)
    response = client.post(
        reverse("companies_dashboard:company-create"),
        {
            "name": "Gamma Corp",
            "kind": "corporate",
            "billing_currency": "USD",
            "customer_groups": [group.pk],
            "pays_on_account": "on",
            "credit_limit": "25000.50",
            "is_active": "on",
            "tax_id": "US-12-3456789",
            "bank_account": "Bank of Example, 000123456789",
        },
    )
    company = Company.objects.get(name="Gamma Corp")
    assert response.status_code == 302
    assert (company.kind, company.billing_currency, company.credit_limit) == ("corporate", "USD", Decimal("25000.50"))
    assert company.tax_id == "US-12-3456789"
    assert list(company.customer_groups.all()) == [group]
    entry = AuditEntry.objects.get(action="companies.company.created")
    assert entry.actor == staff
    assert "tax_id" in entry.data["fields"] and "US-12" not in str(entry.data)


def test_the_edit_form_never_shows_stored_secrets_and_keeps_them_when_left_empty(client, staff, company_a):
    company_a.tax_id = "91330100MA27XYZ123"
    company_a.save()
    client.force_login(staff)
    url = reverse("companies_dashboard:company-update", kwargs={"pk": company_a.pk})
    body = client.get(url).content.decode()
    assert "91330100MA27XYZ123" not in body
    assert "Z123" in body  # the tail, as a hint
    client.post(url, {"name": "Alpha Stationers Ltd", "kind": "retailer", "credit_limit": "0", "is_active": "on"})
    company_a.refresh_from_db()
    assert (company_a.name, company_a.tax_id) == ("Alpha Stationers Ltd", "91330100MA27XYZ123")
    client.post(url, {"name": "Alpha Stationers Ltd", "kind": "retailer", "credit_limit": "0", "is_active": "on",
                      "clear_tax_id": "on"})
    company_a.refresh_from_db()
    assert company_a.tax_id == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("billing_currency", "XYZ", "Select a valid choice"),
        ("credit_limit", "-1", "greater than or equal to 0"),
        ("credit_limit", "abc", "Enter a number"),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(client, staff, company_a, field, value, message):
    client.force_login(staff)
    data = {"name": "Changed", "kind": "retailer", "credit_limit": "0", "is_active": "on", field: value}
    response = client.post(reverse("companies_dashboard:company-update", kwargs={"pk": company_a.pk}), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    company_a.refresh_from_db()
    assert company_a.name == "Alpha Stationers"


def test_only_a_distributor_can_be_a_companys_distributor(client, staff, company_a, company_b):
    client.force_login(staff)
    data = {"name": "Alpha", "kind": "retailer", "credit_limit": "0", "distributor": company_b.pk}
    response = client.post(reverse("companies_dashboard:company-update", kwargs={"pk": company_a.pk}), data)
    assert response.status_code == 200
    company_b.kind = Company.Kind.DISTRIBUTOR
    company_b.save()
    response = client.post(reverse("companies_dashboard:company-update", kwargs={"pk": company_a.pk}), data)
    assert response.status_code == 302
    company_a.refresh_from_db()
    assert company_a.distributor == company_b


def test_list_searches_and_filters(client, staff, company_a, company_b, group):
    company_b.customer_groups.add(group)
    client.force_login(staff)
    url = reverse("companies_dashboard:company-list")
    assert {c.name for c in client.get(url, {"q": "beta"}).context["companies"]} == {"Beta Office Supply"}
    assert {c.name for c in client.get(url, {"group": group.pk}).context["companies"]} == {"Beta Office Supply"}
    assert not client.get(url, {"kind": "supplier"}).context["companies"]


def test_staff_invite_the_first_admin_from_the_company_page(client, staff, company_a):
    client.force_login(staff)
    url = reverse("companies_dashboard:company-detail", kwargs={"pk": company_a.pk})
    response = client.post(url, {"email": "boss@alpha.example", "role": "admin"})
    assert response.status_code == 302
    assert Invitation.objects.get().role == "admin"
    assert mail.outbox[-1].to == ["boss@alpha.example"]


def test_staff_change_roles_but_the_last_admin_rule_holds(client, staff, admin_a, buyer_a, company_a):
    client.force_login(staff)
    ann = admin_a.company_memberships.get()
    bob = buyer_a.company_memberships.get()
    url = reverse("companies_dashboard:member-role", kwargs={"pk": company_a.pk, "member_pk": ann.pk})
    client.post(url, {"role": "buyer"})
    ann.refresh_from_db()
    assert ann.is_admin
    client.post(reverse("companies_dashboard:member-role", kwargs={"pk": company_a.pk, "member_pk": bob.pk}),
                {"role": "admin"})
    client.post(url, {"role": "buyer"})
    ann.refresh_from_db()
    assert ann.role == Membership.Role.BUYER


def test_dashboard_member_and_invitation_urls_are_scoped_to_the_company(client, staff, admin_a, company_b):
    client.force_login(staff)
    ann = admin_a.company_memberships.get()
    url = reverse("companies_dashboard:member-role", kwargs={"pk": company_b.pk, "member_pk": ann.pk})
    assert client.post(url, {"role": "viewer"}).status_code == 404


def test_customer_groups_are_created_and_listed(client, staff):
    client.force_login(staff)
    client.post(reverse("companies_dashboard:group-create"), {"name": "All distributors", "code": "distributors"})
    assert CustomerGroup.objects.get().code == "distributors"
    assert "All distributors" in client.get(reverse("companies_dashboard:group-list")).content.decode()
    assert AuditEntry.objects.filter(action="companies.group.created").exists()


def test_the_dashboard_menu_has_companies(client, staff):
    client.force_login(staff)
    body = client.get(reverse("dashboard:index")).content.decode()
    assert reverse("companies_dashboard:company-list") in body
    assert reverse("companies_dashboard:group-list") in body
