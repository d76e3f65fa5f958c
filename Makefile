# Webex XML API bindings generator.
#   make generate                  set up .venv and generate every release's package
#   make generate RELEASE=40.9.0   just one release
#   make test                      run the test suite
#   make schemas                   re-derive schemas/<release>/ and check them
#   make matrix                    write the compatibility matrix to generated/matrix/
#   make docs                      write per-release docs to generated/docs/ (site/ is HTML)
#   make index                     serve generated/index/ with pypiserver on 127.0.0.1:8080
#   make publish RELEASE=40.4.9    build and upload to $(INDEX) (default: that local index)
#   make golden                    refresh the golden files of tests/golden/
#   make fuzz                      fuzz parse_message and the changelog loader (FUZZ_SECONDS)
#   make bench                     measure generation, parsing and serializing against references
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
INDEX ?= http://127.0.0.1:8080/
OUTPUT ?= generated
FUZZ_SECONDS ?= 600
export INDEX

.PHONY: setup generate schemas check matrix docs index publish test lint golden fuzz bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

generate: $(STAMP)
	$(BIN)/webexgen generate $(RELEASE) --output $(OUTPUT) $(GENERATE_FLAGS)

schemas: $(STAMP)
	$(BIN)/webexgen derive
	$(BIN)/webexgen check

check: $(STAMP)
	$(BIN)/webexgen check

matrix: $(STAMP)
	$(BIN)/webexgen matrix

docs: $(STAMP)
	$(BIN)/webexgen docs

index: $(STAMP)
	$(BIN)/webexgen index

publish: $(STAMP)
	$(BIN)/webexgen publish $(RELEASE) --repository-url $(INDEX)

test: $(STAMP)
	$(BIN)/python -m pytest

golden: $(STAMP)
	$(BIN)/webexgen --schemas tests/fixtures/tiny generate 1.1.0 --output tests/golden --no-cache

fuzz: $(STAMP)
	$(BIN)/webexgen generate 40.12.0 --output $(OUTPUT)
	$(BIN)/python -m tests.fuzz --seconds $(FUZZ_SECONDS) --package $(OUTPUT)/40.12.0

bench: $(STAMP)
	$(BIN)/python -m tests.bench

lint: $(STAMP)
	$(BIN)/black --check generator tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) generated .pytest_cache
