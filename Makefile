# Two commands do all the set-up on a fresh machine:
#   make demo   – the shop with its demo data on the embedded default, at http://127.0.0.1:$(PORT)
#   make test   – the whole test suite (core, each plugin alone, all plugins together)
SHELL := /bin/bash
.DEFAULT_GOAL := help

PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && { echo $$p; break; }; done)
PLUGINS := $(sort $(wildcard plugins/*/pyproject.toml))
PLUGIN_DIRS := $(patsubst %/pyproject.toml,%,$(PLUGINS))
PLUGIN_NAMES := $(notdir $(PLUGIN_DIRS))
PYTEST_ARGS ?=

.PHONY: help install messages migrate demo serve index test test-core test-plugins lint check-deploy worker beat gunicorn

help:
	@echo "make demo   – install, migrate, load demo data, build the search index and serve on :$(PORT)"
	@echo "make test   – install if needed and run the whole test suite"
	@echo "make worker / beat / gunicorn – production processes (set DATABASE_URL, REDIS_URL …)"

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python >= 3.11 is required (python3.11, python3.12 or python3.13 on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml $(PLUGINS) tests/dummy_plugin/pyproject.toml
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]" $(foreach d,$(PLUGIN_DIRS),-e $(d)) -e tests/dummy_plugin
	touch $@

install: $(VENV)/.installed

messages: install
	@$(BIN)/python manage.py compilemessages -v0 --ignore=.venv --ignore=var

migrate: install
	$(BIN)/python manage.py migrate --no-input -v1

index: install
	$(BIN)/python manage.py search_reindex

demo: messages migrate
	@test -f var/.demo-loaded || { $(BIN)/python manage.py demo_data && touch var/.demo-loaded; }
	$(BIN)/python manage.py search_reindex
	@$(BIN)/python manage.py demo_data --logins
	@echo "Serving the shop at http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

serve: install
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: the core with the dummy plugin, all plugins together, then each plugin alone.
test: messages
	SHOP_ENV=test SHOP_PLUGINS=dummy $(BIN)/pytest tests $(PYTEST_ARGS)
	SHOP_ENV=test SHOP_PLUGINS=all $(BIN)/pytest $(foreach d,$(PLUGIN_DIRS),$(d)/tests) $(PYTEST_ARGS)
	@set -e; for p in $(PLUGIN_NAMES); do \
		echo "== plugin $$p alone"; \
		SHOP_ENV=test SHOP_PLUGINS=$$p $(BIN)/pytest plugins/$$p/tests $(PYTEST_ARGS); \
	done

lint: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: install
	SHOP_ENV=production SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	FIELD_ENCRYPTION_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(32))') \
	ALLOWED_HOSTS=shop.example.com $(BIN)/python manage.py check --deploy --fail-level WARNING

worker: install
	$(BIN)/celery -A shop worker -l info

beat: install
	$(BIN)/celery -A shop beat -l info

gunicorn: install
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/gunicorn shop.wsgi:application --bind 0.0.0.0:$(PORT) --workers $${WEB_CONCURRENCY:-3} --access-logfile -
