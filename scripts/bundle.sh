#!/usr/bin/env bash
# Build the installable one-folder application dist/frivillighedskortet/ with PyInstaller
# (packaging/frivillighedskortet.spec). Sets up .venv first if needed (scripts/setup.sh) and
# installs PyInstaller into it. Idempotent: each run rebuilds the folder from scratch.
#   bash scripts/bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYINSTALLER_REQUIREMENT="pyinstaller>=6.22,<7"
NAME=frivillighedskortet
SPEC="packaging/$NAME.spec"
OUT="dist/$NAME"

fail() { echo "bundle: $*" >&2; exit 1; }

[[ -f "$SPEC" ]] || fail "$SPEC is missing"
bash scripts/setup.sh || fail "setting up .venv failed (scripts/setup.sh, output above)"
PY=.venv/bin/python

# Quick and offline when a fitting PyInstaller is there already; replaces an older one.
"$PY" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER_REQUIREMENT" ||
  fail "could not install $PYINSTALLER_REQUIREMENT into .venv"

echo "bundle: building $OUT with PyInstaller $("$PY" -m PyInstaller --version)" >&2
log="build/$NAME.log"
mkdir -p build
started=$SECONDS
if ! "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build "$SPEC" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  fail "PyInstaller failed; the whole log is in $log"
fi

executable="$OUT/$NAME"
[[ -x "$executable" ]] || fail "PyInstaller finished but $executable is missing (log: $log)"
# A quick look that the frozen program starts and knows its commands.
if ! help_text=$("$executable" --help 2>&1); then
  echo "$help_text" >&2
  fail "$executable --help failed"
fi
grep -q "export" <<<"$help_text" || fail "$executable --help does not list the commands"

size=$(du -sh "$OUT" | cut -f1)
echo "bundle: built in $((SECONDS - started)) s: $(pwd)/$OUT ($size)"
echo "bundle: run $(pwd)/$executable (no arguments: the window; --help: the command line)"
