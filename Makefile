# Two commands: `make run` serves the sample archive, `make test` runs the whole suite.
# Needs only Python 3: the virtualenv, the requirements and (with DATABASE_URL unset) an
# embedded PostgreSQL under var/ are set up on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
DEV_ENV := DJANGO_DEBUG=1 NEWSARCHIVE_BACKGROUND=1
TEST_ENV := DJANGO_SECRET_KEY=test-only-key DJANGO_HTTPS=0
SERVE_ENV := DJANGO_DEBUG=0 NEWSARCHIVE_BACKGROUND=1
PORT ?= 8000

.PHONY: run serve test install migrate samples stop bench bench-pages bench-search train simscore simpages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(DEV_ENV) $(MANAGE) migrate --noinput

samples: migrate
	$(DEV_ENV) $(MANAGE) ingest_issues sample_data
	$(DEV_ENV) $(MANAGE) search_index --rebuild

run: samples
	$(DEV_ENV) $(MANAGE) ensure_dev_admin
	@echo "Serving http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)  Ctrl-C to stop."
	@$(DEV_ENV) $(MANAGE) run_worker & worker=$$!; \
	  stop() { kill $$worker 2>/dev/null; wait $$worker; [ -n "$$DATABASE_URL" ] || $(DEV_ENV) $(MANAGE) localdb stop; }; \
	  trap 'stop; trap - EXIT; exit 0' INT TERM; trap stop EXIT; \
	  $(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

# The site as it runs in production: DEBUG off, static files collected and served by WhiteNoise,
# gunicorn on 127.0.0.1:$(PORT) with WEB_CONCURRENCY workers (default 2 x cores + 1), and the
# background worker that checks and publishes uploads.
# Needs DJANGO_SECRET_KEY; DJANGO_HTTPS=0 to try it without a TLS proxy in front.
serve: install
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(MANAGE) ingest_issues sample_data
	$(SERVE_ENV) $(MANAGE) search_index --rebuild
	@echo "Serving http://127.0.0.1:$(PORT)/  Ctrl-C to stop."
	@$(SERVE_ENV) $(MANAGE) run_worker & worker=$$!; \
	  stop() { kill $$worker 2>/dev/null; wait $$worker; [ -n "$$DATABASE_URL" ] || $(SERVE_ENV) $(MANAGE) localdb stop; }; \
	  trap 'stop; trap - EXIT; exit 0' INT TERM; trap stop EXIT; \
	  PORT=$(PORT) $(SERVE_ENV) $(VENV)/bin/gunicorn --config newsarchive/gunicorn_conf.py newsarchive.wsgi

test: install
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

stop: install
	$(DEV_ENV) $(MANAGE) localdb stop

bench: install
	$(TEST_ENV) $(PY) bench/parse.py

# Rebuild the parser's learned article-break model (articles/text/models/) from simulated
# pages of the real articles in ../shared/corpus (train split); deterministic.
train: install
	$(PY) -m training

# Score the parser on 500 simulated pages of held-out (eval split) corpus articles.
simscore: install
	$(PY) -m pagesim score --pages 500 --seed 1 --split eval

# Write simulated pages with gold to SIM_OUT (default var/simpages) for score_parse.py or training.
simpages: install
	$(PY) -m pagesim write --pages $(or $(SIM_PAGES),500) --seed $(or $(SIM_SEED),1) --split $(or $(SIM_SPLIT),train) --out $(or $(SIM_OUT),var/simpages)

# Server time of the browse pages (p50/p95); BENCH_DB picks the database (default newsarchive_bench).
bench-pages: install
	$(TEST_ENV) $(PY) bench/pages.py --db $(or $(BENCH_DB),newsarchive_bench)

# Search latency/recall on a synthetic corpus in its own database (built once, then reused).
# BENCH_ARTICLES sets the corpus size (default 1,000,000); BENCH_DB the database.
bench-search: install
	$(TEST_ENV) $(PY) bench/search.py --articles $(or $(BENCH_ARTICLES),1000000) --db $(or $(BENCH_DB),newsarchive_bench)

clean: stop
	rm -rf var $(VENV) staticfiles
