# Netra — the two commands of the quick start are `make run` and `make test`.
PYTHON      ?= python3.11
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
WAREHOUSE   := $(or $(NETRA_DATA_DIR),data/warehouse)/current.duckdb
# a ~1M-row demo warehouse for the page, map and export benchmarks (scale 135: ~1.0M register rows)
BENCH_DATA  ?= /tmp/netra-bench-1m-rows

.PHONY: setup run test demo bench bench-sessions lint clean upgrade

setup: $(STAMP) browser geo $(WAREHOUSE) upgrade  ## venv, packages, Chromium, boundaries, demo warehouse

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

browser:  ## Debian chromium: kaleido (static export) and Playwright (browser tests) drive it
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian chromium (needs root)…"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

geo: $(STAMP)  ## boundaries from NETRA_GEO_SOURCE (default ../shared/geo); the app works without them
	$(PY) -m geo install

$(WAREHOUSE): | $(STAMP)
	$(PY) -m etl demo

upgrade: $(STAMP)  ## a warehouse made by an older Netra: publish it again migrated (nothing to do otherwise)
	$(PY) -m etl upgrade

demo: $(STAMP)  ## rebuild the synthetic demo warehouse
	$(PY) -m etl demo

run: setup  ## set up, then serve the dashboard
	$(PY) -m ui.app.serve  # = streamlit run dashboard.py, minus the legacy pages/ scan (see ui/app/serve.py)

test: $(STAMP) browser geo  ## lint, then the whole suite: unit, ETL, AppTest, headless-Chromium end-to-end
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto --dist loadfile  # a file per worker: its module fixtures are built once

bench: $(STAMP) browser geo  ## budgets of DESIGN.md §6, reported as figures (several minutes: 1M-row warehouses)
	$(PY) -m bench.load_and_query
	test -e $(BENCH_DATA)/current.duckdb || NETRA_DATA_DIR=$(BENCH_DATA) $(PY) -m etl demo --scale 135
	NETRA_DATA_DIR=$(BENCH_DATA) $(PY) -m bench.pages
	NETRA_DATA_DIR=$(BENCH_DATA) $(PY) -m bench.map
	NETRA_DATA_DIR=$(BENCH_DATA) $(PY) -m bench.export

bench-sessions: $(STAMP)  ## 20 websocket sessions changing filters for 60 s while a load publishes (a minute)
	$(PY) -m bench.sessions --sessions 20 --seconds 60

lint: $(STAMP)  ## ruff, settings in pyproject.toml
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) data/warehouse data/geo static/geo
