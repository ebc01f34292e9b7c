# Every target bootstraps .venv on first use, so a fresh clone needs nothing but python3.
VENV    ?= .venv
PY      := $(VENV)/bin/python
SPECGEN := $(VENV)/bin/specgen
STAMP   := $(VENV)/.installed

.PHONY: install validate generate check diff test golden bench lint serve clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

validate: $(STAMP)
	$(SPECGEN) validate

# validate prints the spec summary (operations, schemas, examples, doc coverage) first.
generate: $(STAMP)
	$(SPECGEN) validate
	$(SPECGEN) generate

check: $(STAMP)
	$(SPECGEN) generate --check

diff: $(STAMP)
	$(SPECGEN) diff

test: $(STAMP)
	$(PY) -m pytest -q

golden: $(STAMP)
	$(PY) -m tests.golden_cases regenerate

bench: $(STAMP)
	$(PY) bench/bench_generate.py
	$(PY) bench/bench_server.py
	$(PY) bench/bench_translators.py

lint: $(STAMP)
	$(PY) -m pip install -q ruff
	$(VENV)/bin/ruff check src tests
	$(PY) -m mypy src

# The generated packages run straight from generated/, as a vendoring repo would use them.
serve: $(STAMP)
	PYTHONPATH=generated/allllms_models:generated/allllms_server $(PY) -m allllms_server --mock --host 127.0.0.1 --port 8000

clean:
	rm -rf $(VENV)
