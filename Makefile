# Two commands: `make run` serves the dashboard, `make test` proves it works. Both set up everything
# they need on a fresh machine (virtual environment, pinned packages, database, Debian chromium).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# 127.0.0.1 unless told otherwise: with no account configured the local user is the coordinator.
ADDRESS ?= 127.0.0.1
# Host names the app answers to besides this computer's own (e.g. HOSTS="clsm.example.fr 10.0.0.5").
HOSTS ?=

.PHONY: run network test test-fast setup setup-dev database browser postgres nginx lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

database: setup
	$(BIN)/python -m clsm_data prepare

# Debian's chromium for the browser tests; LibreOffice (Writer, Impress) and poppler's pdftoppm to
# render the .docx and .pptx files as their readers see them (tests/test_office.py).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installation de chromium (Debian)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@{ command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || { \
	  echo "Installation de LibreOffice Writer et Impress, et de poppler-utils (Debian)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    poppler-utils libreoffice-writer libreoffice-impress >/dev/null; }

# Debian's PostgreSQL for the network edition's tests (tests/pg_cluster.py starts a throwaway cluster in a temporary
# folder, as the postgres user when run as root); the package's own cluster is not used.
postgres:
	@{ command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || { \
	  echo "Installation de PostgreSQL (Debian)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

run: database
	$(BIN)/python -m clsm_data serve-check --address $(ADDRESS) --hosts "$(HOSTS)"
	$(BIN)/streamlit run serve.py --server.port $(PORT) --server.address $(ADDRESS) --server.headless true \
	  $(foreach h,localhost 127.0.0.1 ::1 $(HOSTS),--server.allowedHosts $(h))

# The network edition on this machine (docs/network.md): PostgreSQL (CLSM_DB=postgresql://… if given, else a local
# cluster in data/network/pg), the seed built there when empty, two app processes on 127.0.0.1, nginx on
# ADDRESS:PORT in front (sticky sessions, websockets); Ctrl-C stops everything. Installs Debian's nginx when missing.
# nginx, the reverse proxy of the network edition (tests/test_network.py and `make network`).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  echo "Installation de nginx (Debian)…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx >/dev/null; }

network: setup postgres nginx
	$(BIN)/python deploy/network.py run --port $(PORT) --address $(ADDRESS) --hosts "$(HOSTS)"

lint: setup-dev
	$(BIN)/ruff check .

test: setup-dev browser postgres nginx
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# While working: the same checks without Chromium and without the tests over about 5 s (markers in tests/conftest.py).
test-fast: setup-dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n auto -m "not browser and not slow"

FACTOR ?= 1
RUNS ?= 3
# The network benchmark (benchmarks/network.py): sizes, engines, page visits per page, concurrent sessions.
SCALES ?= seed,conseil,region,nation
ENGINES ?= duckdb,postgresql
ROUNDS ?= 1
SESSIONS ?= 50

# Scale test: builds the seed database and a synthetic copy in a temporary folder, prints timings (the pages'
# queries, an import and a backup); then, for the seed, one council, a région of 20 and the nation of 280, on the
# DuckDB file and on a throwaway PostgreSQL cluster: every page in Chromium against an empty page, memory, and
# SESSIONS concurrent sessions on one and two app processes beside their physical floor; last, the nation's network
# page (an account of 280 councils) and a synthetic council's own pages among them.
bench: setup-dev browser postgres
	$(BIN)/python -m benchmarks.queries --factor $(FACTOR) --runs $(RUNS)
	$(BIN)/python -m benchmarks.network --scales $(SCALES) --engines $(ENGINES) --rounds $(ROUNDS) \
	  --sessions $(SESSIONS) --runs $(RUNS)
	$(BIN)/python -m benchmarks.network_page --councils 280 --factor 10 --rounds 3

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
