# Two commands do all set-up: `make run` builds the warehouse from $(CABLES_DIR), `make test` tests it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export CABLES_DIR ?= $(CURDIR)/seeds
export WAREHOUSE_PATH ?= $(CURDIR)/data/warehouse.duckdb
export REPORTS_DIR ?= $(CURDIR)/build
export DAGSTER_DISABLE_TELEMETRY := 1
# the project runs from its checkout (no install step): Dagster, dbt hooks and tests import it from here
export PYTHONPATH := $(CURDIR)$(if $(PYTHONPATH),:$(PYTHONPATH))
UI_PORT ?= 3000

.PHONY: run test test-quick test-stress ui docs bench lint format clean reference-data

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@# the checkout on the venv's path: every Dagster process loads the instance's storage (orchestration/event_log.py)
	$(BIN)/python -c "import pathlib, site; pathlib.Path(site.getsitepackages()[0], 'cable_warehouse.pth').write_text('$(CURDIR)\n')"
	touch $@

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp orchestration/dagster.yaml $@

run: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	@$(BIN)/python -m orchestration.build || { tail -40 $(DAGSTER_HOME)/logs/make_run.log; \
		$(BIN)/python -m orchestration.summary; exit 1; }
	@$(BIN)/python -m orchestration.summary

# the browser tests need Debian's chromium: installed here when the machine lacks it and apt can
test: $(VENV)/.installed browser
	$(BIN)/python -m pytest -q -m "not stress"

# the inner loop: everything but the live Dagster deployment and the whole-build and whole-corpus tests
test-quick: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m "not live and not slow and not stress"

# one process, two processes and a two-worker Dask cluster must give the same rows: three whole builds
# (about 2 minutes), left out of make test to keep it under 15; run it after changing the build
test-stress: $(VENV)/.installed
	$(BIN)/python -m pytest -q -m stress

# Debian's chromium for the Playwright UI test (tests/test_ui_browser.py); no browser download
.PHONY: browser
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium could not be installed: the browser tests will say so"

ui: $(VENV)/.installed $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p $(UI_PORT)

docs: $(VENV)/.installed
	@test -f $(WAREHOUSE_PATH) || $(MAKE) run
	@cd dbt_project && ../$(BIN)/dbt docs generate --static --quiet --profiles-dir . --target-path $(REPORTS_DIR)/dbt_docs
	@$(BIN)/python -m expectations.build_docs
	@echo "dbt docs (models, columns, lineage): $(REPORTS_DIR)/dbt_docs/static_index.html"
	@echo "GX Data Docs (suites, validations):  $(REPORTS_DIR)/gx/uncommitted/data_docs/local_site/index.html"
	@echo "findings report:                     $(REPORTS_DIR)/findings.html"

# a read-only DuckDB prompt on the warehouse (the duckdb-cli package, same version as the library)
# with fts loaded from its PyPI package, so marts.search_paragraphs works; safe while Dagster writes
.PHONY: sql search
sql: $(VENV)/.installed
	@test -f $(WAREHOUSE_PATH) || { echo "no warehouse at $(WAREHOUSE_PATH): run make run first"; exit 1; }
	@$(BIN)/duckdb -readonly -cmd "$$($(BIN)/python -m orchestration.search.fts)" $(WAREHOUSE_PATH)

# the best paragraphs for a query, with their cable's subject and date: make search Q="statistics may overlap"
search: $(VENV)/.installed
	@$(BIN)/python -m orchestration.search.cli "$(Q)"

# the whole build on BENCH_CABLES cables (default 25,000) through the same Dagster path as `make run`;
# writes data/bench/latest.json
bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks.run

lint: $(VENV)/.installed
	$(BIN)/ruff check orchestration expectations tests scripts benchmarks
	$(BIN)/ruff format --check orchestration expectations tests scripts benchmarks

format: $(VENV)/.installed
	$(BIN)/ruff format orchestration expectations tests scripts
	$(BIN)/ruff check --fix orchestration expectations tests scripts

clean:
	rm -rf data build $(DAGSTER_HOME) dbt_project/target dbt_project/logs

# regenerate the reference data files built from packages and the corpus (tests fail when they drift)
reference-data: $(VENV)/.installed
	$(BIN)/python scripts/generate_posts.py
	$(BIN)/python scripts/generate_tag_codes.py
	$(BIN)/python scripts/generate_country_seeds.py
	$(BIN)/python scripts/generate_common_words.py
	$(BIN)/python -m orchestration.cables.extract.currencies
