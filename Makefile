# Quorum: two commands on a fresh Debian machine.
#   make run   install what is missing, build, start quorumd with the demo data
#   make test  install what is missing, build, run every test (Swift and end-to-end)
#   make release        the optimised build (.build/release); make run RELEASE=1 starts it
#   make bench          figures against Redis and other anchors, written to BENCHMARKS.md
#   make faults         the fault drills' long form (kill -9 at random moments, 50 rounds)

SWIFT      ?= swift
PYTHON     ?= python3
APT_PACKAGES := libsqlite3-dev libcurl4-openssl-dev redis-tools weasyprint poppler-utils chromium chromium-driver
RELEASE    ?=
BIN        := $(if $(filter 1,$(RELEASE)),.build/release,.build/debug)
BUILT      := $(if $(filter 1,$(RELEASE)),release,build)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build release bench faults setup apt pip swift-test e2e clean-data fuzz fuzz-short fuzz-build

run: apt $(BUILT)
	@echo "Starting quorumd on 127.0.0.1:7878 with the demo boards and plan (Ctrl-C stops it)."
	@echo "The web portal opens at http://127.0.0.1:7879/ (quorumd prints the address when it is up)."
	@echo "Connect with:  redis-cli -p 7878 BOARD LIST   or   $(BIN)/quorum boards"
	@echo "Sign in with:  export QUORUM_TOKEN_FILE=var/admin.token"
	$(BIN)/quorumd --config Config/quorum.yaml --demo-data Demo --demo-reports --demo-publish

# The optimised build is part of make test, so CI proves it compiles: the end-to-end tests run
# against it (what is deployed), the Swift tests against the debug build they need.
test: setup build swift-test release
	$(MAKE) e2e RELEASE=1
	$(MAKE) fuzz-short

setup: apt pip

# Installs only the packages that are missing, so a second run is quick and needs no network.
apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

pip:
	@$(PYTHON) -c "import pytest, redis, aiosmtpd, requests, icalendar, selenium, axe_selenium_python, axe_playwright_python" 2>/dev/null || \
		$(PYTHON) -m pip install -q -r Tests/e2e/requirements.txt || \
		$(PYTHON) -m pip install -q --break-system-packages -r Tests/e2e/requirements.txt

build:
	$(SWIFT) build

# The Swift runtime and Foundation are linked into each binary, so a deployed quorumd needs only the
# system's C libraries and starts smaller (no shared Swift libraries mapped). One product at a time:
# GRDB's dynamic library product cannot be linked statically, and building every product tries to.
release:
	$(SWIFT) build -c release --static-swift-stdlib --product quorumd
	$(SWIFT) build -c release --static-swift-stdlib --product quorum

# The benchmarks need a real Redis to compare with, and a virtualenv for PyPI's WeasyPrint (the engines section).
bench: APT_PACKAGES += redis-server python3-venv
bench: setup release
	$(PYTHON) bench/bench.py --bin .build/release

# make test runs the same drills with a few rounds; QUORUM_FAULT_SEED=N repeats a run.
faults: setup $(BUILT)
	QUORUM_BIN=$(BIN) QUORUM_FAULT_ROUNDS=$${QUORUM_FAULT_ROUNDS:-50} $(PYTHON) -m pytest -q -s Tests/e2e/test_faults.py

swift-test:
	$(SWIFT) test

e2e: $(BUILT)
	QUORUM_BIN=$(BIN) $(PYTHON) -m pytest -q Tests/e2e

# libFuzzer over the protocol decoders and the command grammar. Its own scratch path: everything
# it links is built with the fuzzer's instrumentation. New inputs go to $(FUZZ_DIR)/corpus; the
# seeds stay as checked in.
FUZZ_DIR   := .build-fuzz
FUZZ_BIN   := $(FUZZ_DIR)/release/QuorumProtocolFuzz
FUZZ_RUN   := $(FUZZ_BIN) -max_len=4096 -print_final_stats=1 $(FUZZ_DIR)/corpus Tests/Fuzz/corpus

fuzz-build:
	$(SWIFT) build -c release --scratch-path $(FUZZ_DIR) --product QuorumProtocolFuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DQUORUM_FUZZING
	@mkdir -p $(FUZZ_DIR)/corpus

# A short bounded run, part of make test.
fuzz-short: fuzz-build
	$(FUZZ_RUN) -runs=20000

# The long run: a million executions.
fuzz: fuzz-build
	$(FUZZ_RUN) -runs=1000000

clean-data:
	rm -rf var
