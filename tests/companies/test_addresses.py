"""Company addresses: members read, admins change; another company's address is 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shop.companies.models import CompanyAddress

pytestmark = pytest.mark.django_db

FORM = {
    "label": "Warehouse Hangzhou",
    "contact_name": "Mr Zhao",
    "phone": "+86 571 0000 0000",
    "line1": "1 Wenyi Road",
    "city": "Hangzhou",
    "state": "Zhejiang",
    "postcode": "310000",
    "country": "CN",
    "for_shipping": "on",
}


@pytest.fixture
def address_b(company_b):
    return CompanyAddress.objects.create(company=company_b, label="Beta HQ", line1="2 Nanjing Road", city="Shanghai")


def test_an_admin_adds_an_address_and_members_see_it(client, admin_a, buyer_a, company_a):
    client.force_login(admin_a)
    response = client.post(reverse("companies:address-create"), FORM, follow=True)
    assert "Address “Warehouse Hangzhou” added." in response.content.decode()
    address = CompanyAddress.objects.get()
    assert address.company == company_a
    client.force_login(buyer_a)
    body = client.get(reverse("companies:address-list")).content.decode()
    assert "Warehouse Hangzhou" in body and "China" in body


def test_an_address_must_be_for_deliveries_or_invoices(client, admin_a):
    client.force_login(admin_a)
    data = {k: v for k, v in FORM.items() if k != "for_shipping"}
    response = client.post(reverse("companies:address-create"), data)
    assert response.status_code == 200
    assert "Use the address for deliveries, invoices or both." in response.content.decode()
    assert not CompanyAddress.objects.exists()


def test_an_unknown_country_is_refused(client, admin_a):
    client.force_login(admin_a)
    response = client.post(reverse("companies:address-create"), {**FORM, "country": "XX"})
    assert response.status_code == 200
    assert not CompanyAddress.objects.exists()


def test_buyers_cannot_change_addresses(client, buyer_a, company_a):
    address = CompanyAddress.objects.create(company=company_a, label="HQ", line1="1 Road", city="Ningbo")
    client.force_login(buyer_a)
    assert client.get(reverse("companies:address-create")).status_code == 403
    assert client.post(reverse("companies:address-update", kwargs={"pk": address.pk}), FORM).status_code == 403
    assert client.post(reverse("companies:address-delete", kwargs={"pk": address.pk})).status_code == 403
    assert CompanyAddress.objects.get().label == "HQ"


def test_an_admin_edits_and_deletes_an_address(client, admin_a, company_a):
    address = CompanyAddress.objects.create(company=company_a, label="HQ", line1="1 Road", city="Ningbo")
    client.force_login(admin_a)
    client.post(reverse("companies:address-update", kwargs={"pk": address.pk}), FORM)
    address.refresh_from_db()
    assert address.label == "Warehouse Hangzhou"
    client.post(reverse("companies:address-delete", kwargs={"pk": address.pk}))
    assert not CompanyAddress.objects.exists()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("companies:address-update", "get"),
        ("companies:address-update", "post"),
        ("companies:address-delete", "get"),
        ("companies:address-delete", "post"),
    ],
)
def test_another_companys_address_is_404(client, admin_a, address_b, name, method):
    client.force_login(admin_a)
    url = reverse(name, kwargs={"pk": address_b.pk})
    response = getattr(client, method)(url, FORM if method == "post" else None)
    assert response.status_code == 404
    address_b.refresh_from_db()
    assert address_b.label == "Beta HQ"


def test_another_companys_addresses_are_not_listed(client, admin_a, address_b):
    client.force_login(admin_a)
    body = client.get(reverse("companies:address-list")).content.decode()
    assert "Beta HQ" not in body
    assert "No company addresses yet." in body
