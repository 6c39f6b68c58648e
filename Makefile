# Friction — the two commands of the quick start are `make run` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?=
# Release builds link the Swift runtime and Foundation statically on Linux:
# a one-file run (the pre-commit case) starts in 13 ms instead of 21, and the
# installed binary needs no Swift libraries beside it. They link with lld:
# gold repeats a glibc link-time warning from the toolchain's static
# Foundation (its use of mktemp), which is not ours to fix.
RELEASE_FLAGS ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib -Xswiftc -use-ld=lld,)
RELEASE := .build/release/friction
REPORT ?= out/audit.html
SCREENSHOT ?= out/audit.png
SCREENSHOT_SIZE ?= 1280,2400
CHROMIUM ?= chromium
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps test-deps build release run screenshot test eval clean help install install-files docs fuzz bench

all: build

help:
	@echo "make run    install what is missing, build (release), lint Policies/ and write the audit report $(REPORT)"
	@echo "make screenshot   a PNG of the audit report ($(SCREENSHOT)) from headless Chromium"
	@echo "make test   install what is missing, build and run every test"
	@echo "make eval   score the rules on ../shared/dev-set (precision, recall, F1)"
	@echo "make bench  time friction against cmark-gfm and xmllint on ../shared/corpus (writes bench/results.md)"
	@echo "make fuzz   fuzz the Markdown and XML paths with libFuzzer, FUZZ_SECONDS each (default 60)"
	@echo "make install PREFIX=/usr/local   install friction and its shell completions"
	@echo "make docs   regenerate docs/rules.md from the rules' own descriptions"

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

# Benchmarks (issue 6): release build against the reference parsers' tools.
# BENCH_RUNS: timed runs per command (more runs, steadier medians on a busy machine).
BENCH_RUNS ?= 5
bench:
	@scripts/install-deps.sh --bench
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)
	@python3 scripts/bench.py --runs $(BENCH_RUNS) --binary "$$($(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS) --show-bin-path)/friction"

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)

# The sample rulebook has friction on purpose: exit 1 (findings) is the demo,
# exit 2 (a usage or configuration error) is a failure.
run: release
	@$(RELEASE) lint Policies; status=$$?; [ $$status -le 1 ]
	@$(RELEASE) report Policies -o $(REPORT); status=$$?; [ $$status -le 1 ]

# A PNG of the audit report, taken with headless Chromium.
screenshot: run test-deps
	@$(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=$(SCREENSHOT_SIZE) \
		--screenshot="$(abspath $(SCREENSHOT))" "file://$(abspath $(REPORT))" >/dev/null 2>&1
	@echo $(SCREENSHOT)

eval: release
	@test -d ../shared/dev-set || { echo "eval: ../shared/dev-set is absent; nothing to score"; exit 0; }
	@echo "== sentences (../shared/dev-set/sentences.jsonl)"
	@python3 ../shared/eval-tools/score_sentences.py ../shared/dev-set/sentences.jsonl --tool $(RELEASE)
	@echo "== documents (../shared/dev-set/docs)"
	@python3 ../shared/eval-tools/score_docs.py ../shared/dev-set/docs --tool $(RELEASE)

# The 50 MB robustness case runs against the release binary (minutes in a
# debug build), which the tests find through FRICTION_RELEASE_BINARY.
test: test-deps
	@python3 scripts/embed-schema.py --check
	@python3 scripts/embed-lexicons.py --check
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS)
	FRICTION_RELEASE_BINARY="$$($(SWIFT) build -c release $(RELEASE_FLAGS) $(BUILD_FLAGS) --show-bin-path)/friction" $(SWIFT) test --skip-build $(BUILD_FLAGS)

# The binary needs no source tree: lexicons and the policy schema are built
# into it. Completions come from the binary itself (swift-argument-parser).
install: release
	@$(MAKE) --no-print-directory install-files BINARY=$(RELEASE)

# Installs BINARY (any build of friction) under $(DESTDIR)$(PREFIX).
install-files:
	@test -x "$(BINARY)" || { echo "install-files: BINARY=$(BINARY) is not an executable"; exit 2; }
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
		"$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BINARY)" "$(DESTDIR)$(PREFIX)/bin/friction"
	"$(BINARY)" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/friction"
	"$(BINARY)" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_friction"
	"$(BINARY)" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/friction.fish"

# docs/rules.md is generated; a test fails when it is stale.
docs: build
	"$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/friction" rules --format markdown > docs/rules.md.tmp
	mv docs/rules.md.tmp docs/rules.md

clean:
	rm -rf .build out

# libFuzzer + AddressSanitizer on the Markdown and XML paths (parse, analyse,
# lint, render): Fuzz/ is a package of its own, so `swift build` and `swift
# test` never build it. Crashes land in Fuzz/.build/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/fuzz.sh
