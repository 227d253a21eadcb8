# The two commands: `make run` and `make test`. Everything else is a helper for them or for developers.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The tests on every core, at most 4 (pytest-xdist); `make test XDIST=` runs them in one process.
XDIST ?= -n auto --maxprocesses 4

.PHONY: run test serve lint format messages bench loadtest check-python check-pango clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Komunitas needs Python 3.11 or newer (found %s)." % sys.version.split()[0])'
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { echo "Python cannot create virtual environments. Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }

# WeasyPrint (the PDF report) needs Pango from the system, not from pip.
check-pango:
	@$(PYTHON) -c 'import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library("pango-1.0") and ctypes.util.find_library("pangoft2-1.0") else "Pango is missing (needed for PDF reports). Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0")'

$(VENV)/.run-installed: requirements.txt | check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed check-pango
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	@echo "Komunitas: http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.dev-installed check-pango
	$(VENV)/bin/pytest $(XDIST) $(PYTEST_ARGS)

# Production-like: gunicorn behind your reverse proxy. Needs SECRET_KEY and ALLOWED_HOSTS (see README).
serve: $(VENV)/.run-installed check-pango
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 $(PY) manage.py collectstatic --noinput
	$(VENV)/bin/gunicorn komunitas.wsgi --bind $(HOST):$(PORT) --workers 3

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate locale/*/django.po after changing strings (needs GNU gettext), then compile the .mo files.
messages: $(VENV)/.dev-installed
	DEBUG=1 $(PY) manage.py makemessages -l id --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=media
	DEBUG=1 $(PY) manage.py compilemessages -l id --ignore=.venv

# The pages timed with the test client, then requests per second of the dashboard and of a signed-in page against
# /healthz's under gunicorn (2 sync workers on 127.0.0.1, a throwaway copy of the demo; under a minute).
bench: $(VENV)/.run-installed
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py bench
	$(PY) scripts/throughput.py $(THROUGHPUT_ARGS)

# gunicorn (3 workers) on a free port of 127.0.0.1 with a throwaway copy of the demo, 20 users for 60 s; fails on
# any server error. More through LOADTEST_ARGS, e.g. make loadtest LOADTEST_ARGS="--seconds 10 --users 5".
loadtest: $(VENV)/.run-installed check-pango
	$(PY) scripts/loadtest.py --seconds 60 --users 20 --workers 3 $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
