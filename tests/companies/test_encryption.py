"""Tax ids and bank account details are encrypted at rest, keys rotate, and production needs a key."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.db import connection

from shop.companies.encryption import DecryptionError
from shop.companies.models import Company

pytestmark = pytest.mark.django_db

TAX_ID = "91330100MA27XYZ123"
BANK = "ICBC Hangzhou branch, holder Alpha Stationers Ltd, account 6222 0000 1111 2222"


def _raw(company_pk: int) -> tuple[bytes, bytes]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tax_id, bank_account FROM companies_company WHERE id = %s", [company_pk])
        row = cursor.fetchone()
    return tuple(bytes(value) for value in row)


@pytest.fixture
def company():
    return Company.objects.create(name="Alpha Stationers", tax_id=TAX_ID, bank_account=BANK)


def test_the_database_column_does_not_hold_the_plaintext(company):
    raw_tax, raw_bank = _raw(company.pk)
    assert TAX_ID.encode() not in raw_tax
    assert b"6222" not in raw_bank and b"ICBC" not in raw_bank
    assert raw_tax.startswith(b"gAAAAA")  # a Fernet token
    fresh = Company.objects.get(pk=company.pk)
    assert (fresh.tax_id, fresh.bank_account) == (TAX_ID, BANK)


def test_same_value_encrypts_differently_each_time(company):
    other = Company.objects.create(name="Other", tax_id=TAX_ID)
    assert _raw(company.pk)[0] != _raw(other.pk)[0]


def test_encrypted_columns_cannot_be_searched_by_mistake(company):
    from django.core.exceptions import FieldError

    with pytest.raises(FieldError):
        list(Company.objects.filter(tax_id=TAX_ID))


def _forget_keys():
    for name in ("tax_id", "bank_account"):
        field = Company._meta.get_field(name)
        for attr in ("keys", "fernet_keys", "fernet"):
            field.__dict__.pop(attr, None)


@pytest.fixture
def keys(settings):
    """Change FERNET_KEYS for one test; the fields cache their keys, so forget them before and after."""

    def use(*values: str):
        settings.FERNET_KEYS = list(values)
        _forget_keys()

    yield use
    _forget_keys()


def test_keys_rotate_without_losing_data(company, keys, settings):
    old = settings.FERNET_KEYS[0]
    keys("new-key-2027", old)
    assert Company.objects.get(pk=company.pk).tax_id == TAX_ID  # old rows still read
    call_command("companies_rotate_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    keys("new-key-2027")  # the old key is gone
    fresh = Company.objects.get(pk=company.pk)
    assert (fresh.tax_id, fresh.bank_account) == (TAX_ID, BANK)


def test_a_wrong_key_fails_loudly_instead_of_showing_ciphertext(company, keys):
    keys("not-the-key")
    with pytest.raises(DecryptionError):
        Company.objects.get(pk=company.pk)


def test_production_refuses_to_start_without_a_key(run_manage):
    import secrets

    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "FIELD_ENCRYPTION_KEY"}}
    env = {**base, "SHOP_ENV": "production", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "x.example"}
    result = run_manage("check", env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Configuration error: FIELD_ENCRYPTION_KEY: required when SHOP_ENV=production")
