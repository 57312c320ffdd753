# sitrep — `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
PORT   ?= 8765

.PHONY: install run test test-all lint unit bench accuracy stories gazetteer pg-start chromium clean help

help:
	@echo "make run    install, ingest the bundled sample corpus (examples/) into out/sitrep.db, print a summary, serve the dashboard"
	@echo "make test   install, lint (ruff, mypy, import contracts) and the test suite (slow tests only under CI=true)"
	@echo "make test-all  the same with every slow test"
	@echo "make bench  words/s of sitrep extract vs bare spaCy, and peak memory"
	@echo "make accuracy  tune/check figures of every dev set and confidence reliability"
	@echo "make stories   the cross-article story gold (seed, dev news, White House, own stories), tune/check parts"

install: $(STAMP)

GAZETTEER_SOURCES := $(wildcard src/sitrep/gazetteer/*.py src/sitrep/data/places/*)

$(STAMP): requirements.lock pyproject.toml $(GAZETTEER_SOURCES)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/sitrep gazetteer build
	touch $(STAMP)

gazetteer: install
	$(BIN)/sitrep gazetteer build

run: install
	@mkdir -p $(OUT)
	$(BIN)/sitrep ingest examples/ --db sqlite:///$(OUT)/sitrep.db --quiet
	$(BIN)/sitrep export --to jsonl $(OUT)/records.jsonl --db sqlite:///$(OUT)/sitrep.db
	$(BIN)/python scripts/summarize.py $(OUT)/records.jsonl
	@echo "dashboard: http://127.0.0.1:$(PORT)/  (API docs: http://127.0.0.1:$(PORT)/docs; Ctrl-C stops the server)"
	$(BIN)/sitrep serve --db sqlite:///$(OUT)/sitrep.db --host 127.0.0.1 --port $(PORT)

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The store tests need the PostgreSQL server at 127.0.0.1:5432; start it when it is down (under CI it must come up).
pg-start:
	@pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start \
		|| { echo "warning: PostgreSQL is not running; its store tests will be skipped"; test "$$CI" != true; }

# The browser tests drive the Debian chromium package (never a browser Playwright downloads); install it when missing.
chromium:
	@test -x /usr/bin/chromium || { apt-get update -q && apt-get install -y -q chromium; } \
		|| { echo "warning: /usr/bin/chromium is missing; the browser tests will be skipped"; test "$$CI" != true; }

# A developer's `make test` leaves out the tests marked slow (Ray/Dask clusters, schemathesis, kill -9, huge
# documents); CI=true (and `make test-all`) runs every test.
PYTEST_SELECT := $(if $(filter true,$(CI)),,-m "not slow")

unit: install pg-start chromium
	$(BIN)/python -m pytest -q $(PYTEST_SELECT)

test-all: lint install pg-start chromium
	$(BIN)/python -m pytest -q

test: lint unit

bench: install
	$(BIN)/python scripts/bench.py

accuracy: install
	$(BIN)/python scripts/evaluate.py

stories: install
	@mkdir -p $(OUT)
	$(BIN)/python scripts/eval_stories.py --db $(OUT)/stories.db

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
