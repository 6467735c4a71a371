#!/usr/bin/env bash
# The test command: installs what is missing, checks the layering and file sizes, builds and
# runs every default test suite. Heavy suites are opt-in (see README, "Tests").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-imports.sh
scripts/check-sizes.sh
swift build --build-tests
# Serial on purpose: many suites call OpenBLAS, whose pthread build may deadlock when several
# threads drive multi-threaded GEMMs at once (seen here as a hung parallel run). The tool itself
# runs one statement at a time; serial tests match it and take about half a minute.
swift test --skip-build --no-parallel
# Every fuzz target briefly under libFuzzer + AddressSanitizer, from the committed seeds
# (Tests/Fuzz/README.md); the long runs are `scripts/fuzz --time 600`.
scripts/fuzz --smoke
