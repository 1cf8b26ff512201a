# claimgraph: `make demo` (set up, build examples/, show the network) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test lint eval train baselines bench fuzz screenshot clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

demo: install
	rm -f demo.duckdb
	$(BIN)/claimgraph build examples --db demo.duckdb
	@echo "\nStrongest ties (claims, not facts: each line counts the sources that claim it):"
	$(BIN)/claimgraph strongest --db demo.duckdb --top 15
	@echo "\nOne actor's ties with their evidence:"
	$(BIN)/claimgraph ties "Tareck El Aissami" --db demo.duckdb
	$(BIN)/claimgraph serve --db demo.duckdb

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check claimgraph tests bench scripts
	$(BIN)/mypy claimgraph

eval: install
	$(BIN)/python bench/eval.py --shared $(SHARED)

train: install
	$(BIN)/python scripts/train_scorer.py --shared $(SHARED)

screenshot: install
	$(BIN)/python scripts/screenshot.py

baselines: install
	$(BIN)/python bench/baselines.py --shared $(SHARED)

fuzz: install
	$(BIN)/pip install --quiet -e ".[test,fuzz]"
	FUZZ_EXAMPLES=2000 $(BIN)/pytest -q tests/ingest/test_fuzz.py
	$(BIN)/python bench/fuzz_atheris.py --runs 20000
	CRASH_KILLS=20 $(BIN)/pytest -q tests/test_crash.py

bench: install
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/resolution.py
	$(BIN)/python bench/resolution.py --names 1000000
	$(BIN)/python bench/graph.py
	$(BIN)/python bench/view.py
	$(BIN)/python bench/api_load.py
	$(BIN)/python bench/pathological.py --shared $(SHARED)
	$(BIN)/python bench/scale.py --shared $(SHARED)

clean:
	rm -rf $(VENV) demo.duckdb claimgraph.duckdb .pytest_cache .mypy_cache .ruff_cache
