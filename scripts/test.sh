#!/usr/bin/env bash
# The test command: installs what is missing, checks the layering and file sizes, builds and
# runs every default test suite. Heavy suites are opt-in (see README, "Tests").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/check-imports.sh
scripts/check-sizes.sh
swift build --build-tests
swift test --skip-build
