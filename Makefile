# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
ARGS   ?=

.PHONY: run demo test check lint format bench mutants screenshots snapshots clean

$(VENV)/.run-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml $(VENV)/.run-installed
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

## run: set up and start the workshop with the program in config.toml (ARGS="--demo" …)
run: $(VENV)/.run-installed
	$(VENV)/bin/amk $(ARGS)

## demo: a throw-away workshop with three groups' scores
demo: $(VENV)/.run-installed
	$(VENV)/bin/amk --demo

## test: lint, types and the whole test suite (unit, ui, snapshots, e2e)
test: $(VENV)/.dev-installed
	$(MAKE) --no-print-directory check
	$(PY) -m pytest

## check: ruff (lint + format), mypy and the layers' import contracts
check: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check amk_tui tests benchmarks scripts
	$(VENV)/bin/ruff format --check amk_tui tests benchmarks scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix amk_tui tests benchmarks scripts
	$(VENV)/bin/ruff format amk_tui tests benchmarks scripts

## snapshots: re-record the SVG snapshots after a deliberate change of the look
snapshots: $(VENV)/.dev-installed
	$(PY) -m pytest tests/snapshots --snapshot-update

## bench: timings and memory, medians over repeated runs, written to benchmarks/results.md
bench: $(VENV)/.dev-installed
	$(PY) -m compileall -q amk_tui benchmarks  # as an installed package has: no start-up figure pays for compiling
	$(PY) -m benchmarks.run

## mutants: mutation run over core/, the store, keeper, AMG files, config, reports/ and room/ with their unit and Pilot tests (sampled, under 45 min on 2 cores; not in make test)
mutants: $(VENV)/.dev-installed
	$(PY) scripts/mutants.py --jobs 2 --out benchmarks/mutants.md

## screenshots: the README's pictures, from `amk --demo`
screenshots: $(VENV)/.dev-installed
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
