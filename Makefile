# Coworking in Youth Centres — the one entry point. Every target in one line:
#
#   make all            the whole book: every language, HTML + PDF + EPUB, into _build/site/
#   make all LANG=lv    the same for one language (any target below takes LANG=xx)
#   make html           HTML only
#   make pdf            PDF only
#   make epub           EPUB only
#   make serve LANG=lv  live preview while you edit: rebuilds on every save of a page or .po file, shows translation errors
#   make check-po       check the translation files (.po): errors, then each language's style sheet (no build)
#   make gettext        extract the English text into message templates (_build/gettext/*.pot)
#   make update-po      refresh every language's .po files from the English text (sphinx-intl)
#   make stats          translated / fuzzy / untranslated entries per language
#   make todo LANG=lv   the files of a language that need work, those with changed English (fuzzy) first
#   make test           run the whole test suite, as CI does (builds the real book once, then checks it)
#   make test-fast      the tests that need no full build: units, catalogues, style, small builds (~2 min)
#   make lint           ruff and codespell, as the tests run them
#   make bench          time each build step per language and report output sizes
#   make fresh-check    as root: the README's two commands in a fresh minimal Debian 12 (debootstrap), ~40 min
#   make release        build everything, then one folder + zip to publish (BASE_URL=https://… for sitemap, hreflang)
#   make release-files  the release folder from an existing _build/site (used by CI after its parallel builds)
#   make lock           re-pin requirements.lock from requirements.in, and package-lock.json from package.json
#   make clean          remove _build/ (keeps the virtual environment)
#   make help           this list

# LANG is also the shell's locale variable: use it only when given on the command line, and never pass it on.
unexport LANG
ALL_LANGUAGES := $(shell python3 -m cowork_book.languages)
ifeq ($(origin LANG),command line)
  LANGUAGES := $(LANG)
else
  LANGUAGES := $(ALL_LANGUAGES)
endif
TRANSLATIONS := $(filter-out en,$(LANGUAGES))
# The public address (make all BASE_URL=https://…/): absolute hreflang and canonical links, sitemap.
ifdef BASE_URL
  export BOOK_BASE_URL := $(BASE_URL)
endif

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
BUILD := _build
# The tests run on 3 processes, each module's tests on one (tests/conftest.py). On 2 cores, 2 and 3 processes
# measured the same: the suite is bound by the processor, not by waiting.
PYTEST_PROCESSES ?= -n 3 --dist loadgroup --no-loadscope-reorder
BUILD_BOOK := $(BIN)/python -m cowork_book.commands.build --langs $(LANGUAGES)
export PYTHONUTF8 := 1

.DEFAULT_GOAL := help
.PHONY: todo test-fast fresh-check help all html pdf epub serve check-po gettext update-po stats test lint bench release release-files lock clean venv node sysdeps testdeps

help:
	@sed -n '3,/^$$/p' Makefile | sed -e 's/^# //' -e '/^#*$$/d'

all: venv sysdeps
	$(BUILD_BOOK)

html: venv sysdeps
	$(BUILD_BOOK) --formats html

pdf: venv sysdeps
	$(BUILD_BOOK) --formats pdf

epub: venv sysdeps
	$(BUILD_BOOK) --formats epub

serve: venv
	$(BIN)/sphinx-autobuild -D language=$(firstword $(LANGUAGES)) -D book_preview=1 --port $(PORT) --re-ignore "(_build|\.venv|\.git|node_modules)/" . $(BUILD)/serve/$(firstword $(LANGUAGES))

check-po: venv
	$(BIN)/python -m cowork_book.pocheck $(TRANSLATIONS)
	$(BIN)/python -m cowork_book.commands.style $(TRANSLATIONS)

gettext: venv
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 0) $(BIN)/sphinx-build -q -E -b gettext . $(BUILD)/gettext

update-po: gettext
	$(BIN)/python -m cowork_book.commands.catalogues update $(TRANSLATIONS)

stats: venv
	$(BIN)/python -m cowork_book.commands.catalogues stats $(TRANSLATIONS)

todo: venv
	$(BIN)/python -m cowork_book.commands.catalogues todo $(TRANSLATIONS)

test: testdeps
	$(BIN)/python -m pytest $(PYTEST_PROCESSES) -m "not quiet"
	COWORK_TEST_BUILD=$(CURDIR)/_build/test $(BIN)/python -m pytest -m quiet

test-fast: testdeps
	$(BIN)/python -m pytest $(PYTEST_PROCESSES) -m "not book"

lint: venv
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/codespell

bench: testdeps
	$(BIN)/python -m cowork_book.commands.bench --langs $(LANGUAGES)

fresh-check:
	$(PYTHON) -m cowork_book.commands.freshmachine

release: all release-files

release-files: venv
	$(BIN)/python -m cowork_book.commands.release

lock:
	$(BIN)/pip install -q uv && $(BIN)/uv pip compile -q --python-version 3.11 --generate-hashes --no-header requirements.in -o requirements.lock
	npm install --package-lock-only --ignore-scripts --no-audit --no-fund

clean:
	rm -rf $(BUILD)

sysdeps:
	@$(PYTHON) -m cowork_book.commands.sysdeps build

# What the tests and the benchmark run: Chromium, Java, Node.js, dictionaries (Debian); then the virtual
# environment and Lighthouse (npm) side by side; then a check that every tool starts.
testdeps:
	@$(PYTHON) -m cowork_book.commands.sysdeps test packages
	@$(MAKE) --no-print-directory -j2 venv node
	@$(PYTHON) -m cowork_book.commands.sysdeps test starts

venv: $(VENV)/.installed

# Lighthouse and Ace by DAISY for the tests and the benchmark, from package-lock.json (the book itself needs no
# Node.js). Both drive Debian's Chromium: no install step may download a browser (Puppeteer's or Electron's).
node: node_modules/.installed

node_modules/.installed: package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# The pinned dependencies (every one listed in the lock, so --no-deps), then the book's own package (editable).
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@
