# Stepdown. The README names two targets: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: help run test lint fmt types contracts pytest test-db chromium fonts npm screenshots bench demo verify verify-fast clean messages

help:
	@echo "make run          set up, migrate and serve Stepdown at http://127.0.0.1:8000"
	@echo "make test         set up and run lint, types, the import contract and every test"
	@echo "make screenshots  save PNGs of the main pages (phone and desktop) into screenshots/"
	@echo "make bench        run the render and load benchmarks (see docs/performance.md)"
	@echo "make demo         create the demo account"
	@echo "make verify       measure the reliability figures on SQLite and PostgreSQL (docs/reliability.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

# The French catalogue: .po is the source (committed), .mo is built here (docs/i18n.md).
messages: $(VENV)/.installed
	$(BIN)/python -m stepdown.config.catalogue

run: $(VENV)/.installed messages
	$(BIN)/stepdown serve

demo: $(VENV)/.installed messages
	$(BIN)/stepdown demo

chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium at $(CHROMIUM): run 'sudo apt-get install chromium'." >&2; \
		exit 1; \
	fi

# axe-core for the accessibility tests (docs/accessibility.md): pinned in package-lock.json,
# installed here and injected into the pages by the tests; the app never serves or fetches it.
npm:
	@if command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's npm for the accessibility tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	else \
		echo "The accessibility tests need npm: run 'sudo apt-get install npm'." >&2; \
		exit 1; \
	fi

node_modules/.installed: package.json package-lock.json
	@$(MAKE) --no-print-directory npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# An emoji in a product's name or a note prints in the PDFs and shows in the screenshots only
# with a font that has it; WeasyPrint and Chromium find it through fontconfig's fallback.
EMOJI_FONT := Noto Color Emoji
fonts:
	@if fc-list 2>/dev/null | grep -q "$(EMOJI_FONT)"; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's emoji font for the PDFs and the browser..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-color-emoji >/dev/null; \
	else \
		echo "The PDF and browser tests need the $(EMOJI_FONT) font: run 'sudo apt-get install fonts-noto-color-emoji'." >&2; \
		exit 1; \
	fi

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benches scripts verify
	$(BIN)/ruff format --check src tests benches scripts verify

fmt: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix src tests benches scripts verify
	$(BIN)/ruff format src tests benches scripts verify

types: $(VENV)/.installed-dev
	$(BIN)/mypy src verify

contracts: $(VENV)/.installed-dev
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-dev chromium fonts node_modules/.installed messages
	$(BIN)/pytest -n 2 -q

test: lint types contracts pytest

# The database tests again, on the server named by DATABASE_URL (CI: PostgreSQL). Run once, in
# `make test`, to keep CI within its time: the browser journeys (they drive the views the page and
# API tests run here) and the two route sweeps (who may call each route, and no GET writes), whose
# answers do not depend on the database; `make verify` runs the route matrix on both databases.
DB_ONCE := --ignore=tests/test_route_matrix.py --ignore=tests/web/test_no_writes_on_get.py
test-db: $(VENV)/.installed-dev fonts messages
	@test -n "$$DATABASE_URL" || { echo "test-db needs DATABASE_URL" >&2; exit 2; }
	$(BIN)/pytest -n 2 -q -m "not browser" --ignore=tests/core --ignore=tests/cli --ignore=tests/exports $(DB_ONCE)

screenshots: $(VENV)/.installed-dev chromium fonts messages
	$(BIN)/python scripts/screenshots.py

bench: $(VENV)/.installed-dev messages
	$(BIN)/python benches/render.py
	$(BIN)/python benches/load.py

# The reliability probe (docs/reliability.md): its own servers on loopback, SQLite then PostgreSQL
# (VERIFY_DATABASE_URL, default postgres://postgres@127.0.0.1:5432; a database made and dropped).
verify: $(VENV)/.installed-dev messages
	$(BIN)/python -m verify

# Its quick part, for CI: the crash probe with 3 kills on SQLite; writes no page.
verify-fast: $(VENV)/.installed-dev messages
	$(BIN)/python -m verify --fast

clean:
	rm -rf $(VENV) node_modules screenshots benches/out .mypy_cache .ruff_cache
