"""Production settings: check --deploy clean, JSON logs with request ids."""

import json
import os
import secrets

import pytest

PROD = {
    "SHOP_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "shop.example.com",
    "FIELD_ENCRYPTION_KEY": secrets.token_urlsafe(32),
}


def _env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(PROD)
    env.update(extra)
    return env


def test_check_deploy_has_no_warnings(run_manage):
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_cannot_be_on_in_production(run_manage):
    result = run_manage("check", env=_env(DEBUG="true"))
    assert result.returncode == 2
    assert result.stderr.strip() == "Configuration error: DEBUG: must be off when SHOP_ENV=production"


def test_logs_are_one_json_object_per_line_with_request_id(run_manage):
    code = (
        "import logging; from shop.core.logging import request_id_var; request_id_var.set('req-7'); "
        "logging.getLogger('shop.test').warning('hello %s', 'world')"
    )
    result = run_manage("shell", "-c", code, env=_env())
    assert result.returncode == 0, result.stderr
    line = [ln for ln in result.stderr.splitlines() if "hello world" in ln][0]
    record = json.loads(line)
    assert record["message"] == "hello world"
    assert record["request_id"] == "req-7"
    assert record["level"] == "WARNING"


@pytest.mark.django_db
def test_security_headers_present(client, settings):
    response = client.get("/healthz")
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_wsgi_application_freezes_its_start_up_objects_out_of_full_collections():
    # a fresh process, as gunicorn starts a worker: dictionaries loaded, then gc.freeze()
    import subprocess
    import sys

    from tests.conftest import ROOT, subprocess_env

    code = (
        "import gc, shop.wsgi; from shop.searchengine import analysis; "
        "print(gc.get_freeze_count(), analysis._jieba_tokenizer is not None)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=subprocess_env(), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    frozen, segmenter_loaded = done.stdout.split()
    assert int(frozen) > 100_000 and segmenter_loaded == "True"
