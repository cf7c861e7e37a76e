import pytest


@pytest.fixture(autouse=True)
def _language_reset():
    """Requests to /zh-hans/ pages leave Chinese active in this thread; restore the language after each test."""
    from django.utils import translation

    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="staff", email="staff@example.com", password="a-long-pass-123", is_staff=True
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
