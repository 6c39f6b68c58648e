# Friction — the two commands of the quick start are `make run` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=
RELEASE := .build/release/friction
REPORT ?= out/audit.html

.PHONY: all deps test-deps build release run test eval clean help

all: build

help:
	@echo "make run    install what is missing, build (release) and lint Policies/"
	@echo "make test   install what is missing, build and run every test"
	@echo "make eval   score the rules on ../shared/dev-set (precision, recall, F1)"

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

run: release
	$(RELEASE) parse Policies --format text

test: test-deps
	@python3 scripts/embed-schema.py --check
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

clean:
	rm -rf .build out
