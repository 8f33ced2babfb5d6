# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-keys bench-large quality install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsdesk seeds/

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-keys: $(STAMP)
	$(BIN)/python bench/keys.py

bench-large: $(STAMP)
	$(BIN)/python bench/large.py

quality: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/relations_quality.py
	$(BIN)/python bench/relations_quality.py --data tests/data/relations_blind2
	$(BIN)/python bench/relations_quality.py --data tests/data/relations_blind3

clean:
	rm -rf $(VENV) build *.egg-info
