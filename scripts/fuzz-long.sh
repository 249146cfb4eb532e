#!/usr/bin/env bash
# The release run of the fuzz (property-based) tests: about 10,000 generated inputs per property
# instead of the suite's 150, on SQLite and PostgreSQL, against the real mail servers. It takes
# a couple of CPU-hours on a 2-core machine.
#
#   bash scripts/fuzz-long.sh [PYTEST ARGS...]
#
# It is scripts/test.sh (which installs and starts everything) with the fuzz test files, hypothesis'
# `long` profile (tests/conftest.py) and no per-test timeout. Any failure prints the falsifying
# example and the `@reproduce_failure` blob to paste into the test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(grep -rl --include='test_*.py' '^from hypothesis' tests | LC_ALL=C sort)
exec bash scripts/test.sh --hypothesis-profile=long --timeout=0 -p no:cacheprovider "$@" "${files[@]}"
