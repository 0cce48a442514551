# upr-pipeline: two commands do everything on a fresh machine: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast regen eval train identity bench report screenshots browser clean setup

# Setup is idempotent: redone only when pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run raw --out output

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

# Refresh the regression snapshots, printing only the files that changed
# (then review them with `git diff tests/test_regression/`).
regen: $(STAMP)
	@PYTHONPATH=tests $(PY) -m snapshots

eval: $(STAMP)
	PYTHONPATH=tests $(PY) -m evaluation.evaluate --json bench/eval.json

# The theme and action-category models (pipeline/data/classify) from UPR Info's
# recommendations in ../shared/uprinfo (UPR_INFO=...): fixed seeds, about a minute on 2 cores.
train: $(STAMP)
	nice $(PY) -m pipeline.classify.train

# Outputs of commit BASE and of the working tree over every document in ../shared, diffed
# (long: ~470 documents twice; the base outputs are kept in .identity/ for the next check).
identity: $(STAMP)
	$(PY) scripts/identity.py --base $(or $(BASE),HEAD)

# The HTML review report of the last run: output/report/index.html.
report: $(STAMP)
	$(PY) -m pipeline report --out output --inputs raw

# docs/report-800.png and docs/report-1400.png from the seed's report page (needs chromium).
screenshots: report
	$(PY) scripts/screenshots.py --report output/report --dest docs

# Debian's chromium for the report's browser test (needs root; skipped when present).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver)

# Speed and scaling figures (several minutes; not part of `make test`); writes bench/RESULTS.md.
bench: $(STAMP)
	$(PY) -m bench.run_bench --results bench/RESULTS.md

clean:
	rm -rf output/paragraphs output/blocks output/records output/report output/documents.jsonl output/*.csv output/commitments.jsonl .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
