#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Package.swift) with the Swift
# toolchain's fuzzer and address sanitizer and runs each for FUZZ_SECONDS.
#
#   FUZZ_SECONDS=60 Fuzz/fuzz.sh            # every target (make fuzz)
#   Fuzz/fuzz.sh FuzzXML                    # one target
#   Fuzz/.build/release/FuzzXML CRASHFILE   # replay one input
#
# Seeds come from Policies/, the test fixtures and, when present, a sample
# of ../shared/corpus. Working corpora and crash artifacts stay under
# Fuzz/.build (ignored by git). Every crash or hang found should become a
# regression test (Tests/FrictionTests/Robustness*Tests.swift) with the
# minimised input (FuzzTarget -minimize_crash=1 -runs=10000 CRASHFILE).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-1}"
scratch="$here/.build"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzMarkdown FuzzXML)

for target in "${targets[@]}"; do
    swift build --package-path "$here" --scratch-path "$scratch" -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target"
done
bin="$(swift build --package-path "$here" --scratch-path "$scratch" -c release --show-bin-path)"

seed() { # seed TARGET EXTENSION...
    local corpus="$scratch/corpus/$1"; shift
    mkdir -p "$corpus"
    for ext in "$@"; do
        find "$root/Policies" "$root/Tests/FrictionTests/Fixtures" -type f -name "*.$ext" -size -64k \
            -exec cp -n {} "$corpus/" \; 2>/dev/null || true
        if [ -d "$root/../shared/corpus" ]; then
            find "$root/../shared/corpus" -type f -name "*.$ext" -size -16k 2>/dev/null | sort | awk 'NR % 40 == 1' | head -150 \
                | while read -r file; do cp -n "$file" "$corpus/$(echo "$file" | md5sum | cut -c1-12).$ext"; done
        fi
    done
}

summary=()
for target in "${targets[@]}"; do
    case "$target" in
        FuzzMarkdown) seed "$target" md markdown; dict="$here/markdown.dict" ;;
        FuzzXML) seed "$target" xml dita dbk; dict="$here/xml.dict" ;;
        *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
    esac
    mkdir -p "$scratch/artifacts/$target"
    log="$scratch/$target.log"
    echo "== $target: ${seconds}s, seeds in $scratch/corpus/$target, log in $log"
    status=0
    # From the scratch folder: with -jobs, libFuzzer writes fuzz-N.log files
    # into the current directory, which must not be the checkout.
    (cd "$scratch" && "$bin/$target" "$scratch/corpus/$target" -dict="$dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=16384 -jobs="$jobs" -workers="$jobs" -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$target/") >"$log" 2>&1 || status=$?
    execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')"
    tail -n 12 "$log"
    artifacts="$(find "$scratch/artifacts/$target" -type f | wc -l)"
    summary+=("$target: ${seconds}s, $execs executions, exit $status, $artifacts artifact(s) in $scratch/artifacts/$target")
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
for line in "${summary[@]}"; do
    case "$line" in *"exit 0, 0 artifact"*) ;; *) exit 1 ;; esac
done
