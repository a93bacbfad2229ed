#!/usr/bin/env bash
# Set up (if needed) and open the desktop application on the default database
# (SQLite in the user data folder), loading the demo landscape the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mapper gui --demo-if-empty "$@"
