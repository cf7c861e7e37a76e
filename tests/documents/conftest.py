import pytest

from tests.checkout.flow import make_pen, place_order, store_rates


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
        username="buyer", email="buyer@example.com", password="a-long-pass-123"
    )


@pytest.fixture
def buyer_client(client, buyer):
    client.force_login(buyer)
    return client


@pytest.fixture
def chinese_euro_order(buyer_client, rates, pen, django_capture_on_commit_callbacks):
    """12 pens ordered in EUR through the /zh-hans/ pages, paid by bank transfer."""
    order, _ = place_order(buyer_client, pen, django_capture_on_commit_callbacks, currency="EUR", language="zh-hans")
    return order
