#!/bin/sh
# Compiles the built-in lexicons and frameworks and writes their automata to
# Sources/FrictionCore/Lexicon/BuiltInAutomataData.swift, so that a run with
# only the built-ins does not compile them at start-up. Run it after changing
# Lexicons/ (and scripts/embed-lexicons.py), the frameworks or the pattern
# compiler; the test BuiltInAutomataTests fails while the data is out of date.
# Until then the binary still works: stale data is detected by its fingerprint
# and the automata are compiled at run time.
set -e
cd "$(dirname "$0")/.."
FRICTION_WRITE_AUTOMATA=1 swift test --filter BuiltInAutomataTests.embeddedAutomataAreCurrent
echo "wrote Sources/FrictionCore/Lexicon/BuiltInAutomataData.swift"
