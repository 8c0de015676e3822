# The Social Value Hub. Two commands on a fresh clone: `make site`, `make test`.
# Everything else is for day-to-day work.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

# Material for MkDocs prints an end-of-life notice on every run; the README
# explains our plan for it (keep the logic engine-neutral in hooks/svhub).
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-tools serve validate lint bench new linkcheck-external offline clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

site: $(STAMP)
	$(PY) scripts/build.py

# Chromium and Node first (installed with apt when missing and root, else one line
# naming the command), then ruff, then the whole suite.
test: test-tools $(STAMP)
	$(PY) -m ruff check hooks scripts tests
	$(PY) -m pytest

test-tools:
	@sh scripts/test_tools.sh

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

new: $(STAMP)
	$(PY) scripts/new_casestudy.py

validate: $(STAMP)
	$(PY) scripts/validate.py

# Fetches every external link of the built site (for the weekly scheduled job).
linkcheck-external: site
	$(PY) scripts/linkcheck.py --external

# The whole hub in a zip that works unzipped, from index.html, with no network
# (scripts/offline.py): dist/social-value-hub-offline.zip, the same for the same commit.
offline: $(STAMP)
	$(PY) scripts/offline.py --output dist/social-value-hub-offline.zip

lint: $(STAMP)
	$(PY) -m ruff check hooks scripts tests

# Size budgets (scripts/budgets.py), then the finder at 1,000 and 10,000 synthetic
# case studies (slow: about half an hour).
bench: $(STAMP)
	$(PY) scripts/budgets.py
	$(PY) scripts/bench.py

clean:
	rm -rf site dist .site-build-* .site-old-* .venv-engines
