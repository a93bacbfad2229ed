#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite: real SQLite files, the PostgreSQL server at
# 127.0.0.1:5432 (MAPPER_TEST_PG), Qt widgets offscreen and exported maps in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
exec .venv/bin/python -m pytest "$@"
