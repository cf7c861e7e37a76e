"""``/healthz``: is this process able to serve? Database, broker and search, as JSON.

Used by load balancers (HTTP 200 when everything needed answers, 503 when not)
and by operators (each part says how long it took and what is wrong).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        result = {"ok": True, **check()}
    except Exception as exc:  # any failure of a dependency is a report, not a crash
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_broker() -> dict:
    if not settings.REDIS_URL:
        return {"mode": "inline", "detail": "no REDIS_URL: background tasks run inside the request"}
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    finally:
        client.close()
    from shop.celery import app

    workers = app.control.ping(timeout=0.5) if not settings.CELERY_TASK_ALWAYS_EAGER else []
    return {"mode": "celery", "eager": settings.CELERY_TASK_ALWAYS_EAGER, "workers": len(workers)}


def check_search() -> dict:
    from shop.searchengine.status import search_status

    return search_status()


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": _timed(check_database),
        "broker": _timed(check_broker),
        "search": _timed(check_search),
    }
    ok = all(c["ok"] for c in checks.values())
    body = {"status": "ok" if ok else "fail", "version": settings.SHOP_VERSION, "checks": checks}
    return JsonResponse(body, status=200 if ok else 503)
