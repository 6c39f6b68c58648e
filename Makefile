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

# The sample rulebook has friction on purpose: exit 1 (findings) is the demo,
# exit 2 (a usage or configuration error) is a failure.
run: release
	@$(RELEASE) lint Policies; status=$$?; [ $$status -le 1 ]

eval: release
	@test -d ../shared/dev-set || { echo "eval: ../shared/dev-set is absent; nothing to score"; exit 0; }
	@echo "== sentences (../shared/dev-set/sentences.jsonl)"
	@python3 ../shared/eval-tools/score_sentences.py ../shared/dev-set/sentences.jsonl --tool $(RELEASE)
	@echo "== documents (../shared/dev-set/docs)"
	@python3 ../shared/eval-tools/score_docs.py ../shared/dev-set/docs --tool $(RELEASE)

test: test-deps
	@python3 scripts/embed-schema.py --check
	@python3 scripts/embed-lexicons.py --check
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

clean:
	rm -rf .build out
