import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_is_throttled_after_repeated_failures(client, django_user_model, settings):
    django_user_model.objects.create_user(username="x", email="buyer@example.com", password="correct-horse-42")
    url = reverse("customer:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            url, {"login-username": "buyer@example.com", "login-password": "wrong", "login_submit": "1"}
        )
        assert response.status_code == 200  # the form again, with its error
    last = client.post(url, {"login-username": "buyer@example.com", "login-password": "wrong", "login_submit": "1"})
    assert last.status_code == 429
    blocked = client.post(
        url, {"login-username": "buyer@example.com", "login-password": "correct-horse-42", "login_submit": "1"}
    )
    assert blocked.status_code == 429
    assert b"locked-out" in blocked.content
