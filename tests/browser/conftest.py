"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, restore_search_connections

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "var" / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed and "page" in item.funcargs:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / f"{item.name}.png"
        try:
            item.funcargs["page"].screenshot(path=str(target), full_page=True)
            report.sections.append(("screenshot", str(target)))
        except Exception as exc:  # the page may be gone with the failure
            report.sections.append(("screenshot", f"not taken: {exc}"))


@pytest.fixture
def search_index(settings, tmp_path):
    """A private embedded index for the test (every thread, incl. the live server's, sees it)."""
    from haystack import connections

    info = {"default": {"ENGINE": "shop.searchengine.embedded.EmbeddedEngine", "PATH": str(tmp_path / "index")}}
    previous = connections.connections_info
    settings.HAYSTACK_CONNECTIONS = info
    connections.connections_info = info
    connections.reload("default")
    yield info
    restore_search_connections(settings, previous)
