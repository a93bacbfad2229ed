#!/usr/bin/env bash
# Set up (if needed), run the quality gates, then the whole test suite: real SQLite files, the
# PostgreSQL server at 127.0.0.1:5432 (MAPPER_TEST_PG), Qt widgets offscreen and exported maps in
# headless Chromium. The gates take seconds; the first that fails stops the run with its output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

gate() {
    local name=$1
    shift
    if ! "$@"; then
        echo "test.sh: the gate '$name' failed (command: $*); fix it before the tests run." >&2
        exit 1
    fi
}
gate "ruff check" .venv/bin/python -m ruff check --quiet .
gate "ruff format" .venv/bin/python -m ruff format --check --quiet .
gate "mypy (strict: mapper, exports, ui)" .venv/bin/python -m mypy
gate "import contracts" .venv/bin/lint-imports --no-cache

export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
exec .venv/bin/python -m pytest "$@"
