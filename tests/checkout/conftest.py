import pytest

from .flow import make_pen, store_rates


@pytest.fixture(autouse=True)
def _language_reset():
    """Requests to /zh-hans/ pages leave Chinese active in this thread; restore the language after each test."""
    from django.utils import translation

    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def rates(db):
    store_rates()


@pytest.fixture
def pen(db):
    return make_pen()


@pytest.fixture
def buyer(django_user_model):
    return django_user_model.objects.create_user(
        username="buyer", email="buyer@example.com", password="a-long-pass-123", first_name="Li"
    )


@pytest.fixture
def buyer_client(client, buyer):
    client.force_login(buyer)
    return client
