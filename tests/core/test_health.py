import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_broker_and_search(client):
    response = client.get("/healthz")
    body = response.json()
    assert set(body["checks"]) == {"database", "broker", "search"}
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["vendor"] in {"sqlite", "postgresql"}
    assert body["checks"]["broker"]["ok"] is True
    assert response.status_code == (200 if body["status"] == "ok" else 503)
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_fails_with_503_when_a_dependency_is_down(client, monkeypatch):
    from shop.core import health

    def broken():
        raise ConnectionError("search index unreachable")

    monkeypatch.setattr(health, "check_search", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"]["search"] == {
        "ok": False,
        "error": "ConnectionError: search index unreachable",
        "ms": body["checks"]["search"]["ms"],
    }


def test_request_id_is_echoed_or_made(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-123").headers["X-Request-ID"] == "lb-123"
    made = client.get("/healthz", HTTP_X_REQUEST_ID="bad id with spaces").headers["X-Request-ID"]
    assert made != "bad id with spaces" and len(made) == 32
