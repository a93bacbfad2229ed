#!/usr/bin/env bash
# Set up (if needed), run the quality gates, build the installable application on CI, then the
# whole test suite twice: on real SQLite files, then with every database-backed test on the PostgreSQL server at 127.0.0.1:5432
# (MAPPER_TEST_PG); Qt widgets offscreen and exported maps in headless Chromium. The gates take
# seconds; the first that fails stops the run with its output. MAPPER_TEST_BACKEND=sqlite or
# =postgresql runs one back end only; arguments go to pytest (both runs).
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

# The installable application (scripts/bundle.sh) is built and tested on CI, or when asked
# (MAPPER_TEST_BUNDLE=1); elsewhere tests/bundle skip, saying how to build it.
if [[ -n "${CI:-}" || "${MAPPER_TEST_BUNDLE:-}" == 1 ]]; then
    gate "bundle (scripts/bundle.sh)" bash scripts/bundle.sh
    export MAPPER_TEST_BUNDLE=1
fi

export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
read -r -a backends <<<"${MAPPER_TEST_BACKEND:-sqlite postgresql}"
failed=()
for backend in "${backends[@]}"; do
    echo "test.sh: running the tests on the $backend back end (MAPPER_TEST_BACKEND=$backend)"
    status=0
    MAPPER_TEST_BACKEND=$backend .venv/bin/python -m pytest "$@" || status=$?
    if [[ $status -eq 5 && $backend == postgresql ]]; then
        # Nothing collected: the selected tests use no database; they ran on SQLite.
        echo "test.sh: none of the selected tests uses a database; none to run on PostgreSQL"
    elif [[ $status -ne 0 ]]; then
        failed+=("$backend (pytest exit $status)")
    fi
done
if ((${#failed[@]})); then
    echo "test.sh: the tests failed on: ${failed[*]}" >&2
    exit 1
fi
