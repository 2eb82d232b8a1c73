# Netra — the two commands of the quick start are `make run` and `make test`.
PYTHON      ?= python3.11
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
WAREHOUSE   := $(or $(NETRA_DATA_DIR),data/warehouse)/current.duckdb

.PHONY: setup run test demo bench lint clean

setup: $(STAMP) browser geo $(WAREHOUSE)  ## venv, packages, Chromium, boundaries, demo warehouse

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

demo: $(STAMP)  ## rebuild the synthetic demo warehouse
	$(PY) -m etl demo

run: setup  ## set up, then serve the dashboard
	$(PY) -m ui.serve  # = streamlit run dashboard.py, minus the legacy pages/ scan (see ui/serve.py)

test: $(STAMP) browser geo  ## the whole suite: unit, ETL, AppTest, headless-Chromium end-to-end
	$(PY) -m pytest

bench: $(STAMP)  ## budgets of DESIGN.md §6, reported as figures
	$(PY) -m bench.load_and_query

clean:
	rm -rf $(VENV) data/warehouse data/geo static/geo
