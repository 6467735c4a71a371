#!/usr/bin/env bash
# The main job on the embedded paper results: installs what is missing, builds, and runs
# examples/quickstart.ssl (figures go to figures/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product ssl >&2
exec .build/release/ssl examples/quickstart.ssl "$@"
