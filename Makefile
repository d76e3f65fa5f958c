# Webex XML API bindings generator.
#   make generate                  set up .venv and generate every release's package
#   make generate RELEASE=40.9.0   just one release
#   make test                      run the test suite
#   make schemas                   re-derive schemas/<release>/ and check them
#   make matrix                    write the compatibility matrix to generated/matrix/
#   make docs                      write per-release docs to generated/docs/ (site/ is HTML)
#   make golden                    refresh the golden files of tests/golden/
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup generate schemas check matrix docs test lint golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	$(BIN)/webexgen generate $(RELEASE)

schemas: $(STAMP)
	$(BIN)/webexgen derive
	$(BIN)/webexgen check

check: $(STAMP)
	$(BIN)/webexgen check

matrix: $(STAMP)
	$(BIN)/webexgen matrix

docs: $(STAMP)
	$(BIN)/webexgen docs

test: $(STAMP)
	$(BIN)/python -m pytest

golden: $(STAMP)
	$(BIN)/webexgen --schemas tests/fixtures/tiny generate 1.1.0 --output tests/golden --no-cache

lint: $(STAMP)
	$(BIN)/black --check generator tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) generated .pytest_cache
