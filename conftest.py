"""Shared test set-up for the core tests and every plugin's tests."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # pytest-django's live_server + Playwright

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(autouse=True)
def _wagtail_site(request):
    """Transactional tests flush the tables; give CMS-served URLs their site and home page back."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        return
    transactional = (
        "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction"))
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from shop.core.bootstrap import ensure_site

    ensure_site()


@pytest.fixture(scope="session", autouse=True)
def _private_search_index(tmp_path_factory):
    """Tests never read or write the developer's index under var/search: each session gets an empty one."""
    from django.conf import settings
    from haystack import connections

    conn = settings.HAYSTACK_CONNECTIONS["default"]
    if "PATH" not in conn:
        yield
        return
    original = conn["PATH"]
    conn["PATH"] = str(tmp_path_factory.mktemp("search-index"))
    connections.connections_info = settings.HAYSTACK_CONNECTIONS
    connections.reload("default")
    yield
    conn["PATH"] = original


@pytest.fixture(scope="session", autouse=True)
def _celery_inline():
    """Tasks run inline in tests, also in the Redis pass; the celery_worker fixture switches a test to a worker."""
    from django.conf import settings

    from shop.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    yield


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Per-process caches (exchange rates, plugin switches) must not outlive a test's rolled-back rows."""
    from shop.currency import rates
    from shop.plugins import state

    rates.invalidate()
    state.invalidate()
    yield
    rates.invalidate()
    state.invalidate()
