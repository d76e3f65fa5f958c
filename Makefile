# Webex XML API bindings generator.
#   make generate   set up .venv, derive every release's schema set and check it
#   make test       run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup generate check test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	$(BIN)/webexgen derive $(RELEASE)
	$(BIN)/webexgen check

check: $(STAMP)
	$(BIN)/webexgen check

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/black --check generator tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) generated .pytest_cache
