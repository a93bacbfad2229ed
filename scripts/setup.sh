#!/usr/bin/env bash
# Set up everything the application and its tests need on Debian 12 (idempotent, quick when
# nothing changed): the system libraries Qt needs, a virtual environment in .venv, and the
# project installed into it with its development tools.
#   scripts/setup.sh            application + test tools
#   scripts/setup.sh --browser  also Chromium and Xvfb (exported-map tests, screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."

QT_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 libgbm1
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libxkbfile1 fonts-dejavu-core)
BROWSER_PACKAGES=(chromium xvfb xauth poppler-utils)

wanted=("${QT_PACKAGES[@]}")
[[ "${1:-}" == "--browser" ]] && wanted+=("${BROWSER_PACKAGES[@]}")
python3 -c 'import ensurepip' 2>/dev/null || wanted+=(python3-venv)

missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: Python 3.11 or newer is needed (found $(python3 --version))" >&2; exit 1; }

[[ -x .venv/bin/python ]] || python3 -m venv .venv
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  echo "setup: installing Python packages into .venv (first run takes a few minutes)" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip setuptools wheel
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
