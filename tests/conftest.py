"""Fixtures for the core's tests: subprocesses on the test database, a real Celery worker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url_of_test_db() -> str:
    """A DATABASE_URL that points another process at the database this test uses."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    user = s.get("USER") or ""
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["DATABASE_URL"] = database_url_of_test_db()
    env["DJANGO_SETTINGS_MODULE"] = "shop.settings"
    env.update(extra)
    return env


@pytest.fixture
def run_manage():
    """Run ``manage.py`` in a fresh process against the test database."""

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env if env is not None else subprocess_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    return run


@pytest.fixture
def celery_worker(transactional_db, tmp_path, settings):
    """A real Celery worker process on Redis, using this test's database.

    Needs REDIS_URL (CI's PostgreSQL + Redis pass sets it); skipped otherwise,
    with the reason shown in the test report.
    """
    from shop.celery import app

    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("needs REDIS_URL: a real Celery worker runs only in the PostgreSQL + Redis pass")
    if connection.vendor == "sqlite":
        pytest.skip("the worker shares the test database; run with DATABASE_URL on PostgreSQL")
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"
    mail_dir = tmp_path / "mail"
    env = subprocess_env(
        CELERY_TASK_ALWAYS_EAGER="false",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        SHOP_ENV="test",
    )
    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "shop", "worker", "-P", "solo", "-Q", queue,
         "-n", f"{queue}@%h", "--without-gossip", "--without-mingle", "-l", "info"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    settings.CELERY_TASK_ALWAYS_EAGER = False
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if app.control.ping(destination=[f"{queue}@{os.uname().nodename}"], timeout=0.5):
                break
            if proc.poll() is not None:
                raise RuntimeError(f"celery worker exited: {(tmp_path / 'worker.log').read_text()[-2000:]}")
        else:
            raise RuntimeError("celery worker did not answer within 30 s")
        yield {"queue": queue, "mail_dir": mail_dir, "process": proc}
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = previous
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def restore_search_connections(settings, previous: dict) -> None:
    """Put haystack back on ``previous``. Haystack's engines read their options from
    ``settings.HAYSTACK_CONNECTIONS`` (not from ``connections_info``), so both must change together,
    before the engine is rebuilt."""
    from haystack import connections

    settings.HAYSTACK_CONNECTIONS = previous
    connections.connections_info = previous
    connections.reload("default")
