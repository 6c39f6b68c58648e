#!/usr/bin/env bash
# Installs what Friction needs to build and test, and only what is missing.
# Safe to run again and again. Uses sudo only when not already root.
#
#   scripts/install-deps.sh           # build deps (C libraries)
#   scripts/install-deps.sh --test    # plus what the tests use
#   scripts/install-deps.sh --bench   # plus the reference tools `make bench` compares with
set -euo pipefail

want_test=false
want_bench=false
for arg in "$@"; do
  case "$arg" in
    --test) want_test=true ;;
    --bench) want_bench=true ;;
    *) echo "usage: $0 [--test] [--bench]" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "install-deps: not root and no sudo; install the packages below by hand" >&2
  fi
fi

# libmimalloc-dev: the allocator the command is linked with on Linux (see Package.swift).
debian=(libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libmimalloc-dev pkg-config)
if $want_test; then debian+=(libxml2-utils chromium); fi
# git and a Python venv for the workflow tests (git hooks, the pre-commit framework from PyPI).
if $want_test; then debian+=(git python3-venv); fi
# PyYAML for scripts/embed-lexicons.py (make test runs its --check).
if $want_test; then debian+=(python3-yaml); fi
# make bench: the reference parsers' command-line tools.
if $want_bench; then debian+=(cmark-gfm libxml2-utils); fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${debian[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-deps: installing Debian packages: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
elif command -v brew >/dev/null 2>&1; then
  for formula in cmark-gfm libxml2 pkg-config; do
    brew list "$formula" >/dev/null 2>&1 || { echo "install-deps: brew install $formula"; brew install "$formula"; }
  done
else
  echo "install-deps: neither apt nor brew found; install cmark-gfm and libxml2 development files by hand" >&2
fi

# Python packages the reporter tests use: jsonschema (SARIF) and junitparser (JUnit).
if $want_test && command -v python3 >/dev/null 2>&1; then
  for module in jsonschema junitparser; do
    if ! python3 -c "import $module" >/dev/null 2>&1; then
      echo "install-deps: pip install $module"
      python3 -m pip install --quiet "$module" || python3 -m pip install --quiet --break-system-packages "$module"
    fi
  done
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: the Swift toolchain (6.0 or later) is required and is not on PATH" >&2
  exit 1
fi
