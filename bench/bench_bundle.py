"""Benchmark: the built installable application (``bash scripts/bundle.sh`` first).

    .venv/bin/python bench/bench_bundle.py [--bundle dist/frivillighedskortet] [--runs 3]

Prints the bundle's size on disk (and as .tar.gz), its largest parts, and as the median of
``--runs`` fresh processes:
  - ``frivillighedskortet --help``,
  - the window started on a demo database until the Kort tab's map is drawn (offscreen Qt,
    the entry point's self-test; the time it reports runs from the start of the entry script).
Each run uses a fresh HOME, so nothing of a previous run (settings, caches) helps it.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine  # noqa: E402

READY = re.compile(r"map ready ([0-9.]+) s after start")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def fresh_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAPPER_", "XDG_"))}
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        MAPPER_NO_WELCOME="1",
        MAPPER_LOG_DIR=str(home / "log"),
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "frivillighedskortet"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(args.bundle)
    exe = folder / "frivillighedskortet"
    if not exe.exists():
        sys.exit(f"no bundle at {folder}: run bash scripts/bundle.sh first")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        archive = tmp / "bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname=folder.name)
        internal = folder / "_internal"
        parts = sorted(
            (
                (size(p) if p.is_dir() else p.stat().st_size, p.name)
                for p in internal.iterdir()
                if not p.is_symlink()  # PyInstaller links a library beside its package's copy
            ),
            reverse=True,
        )[:5]
        packed = archive.stat().st_size / 2**20
        print(f"on disk: {size(folder) / 2**20:.0f} MiB; as .tar.gz: {packed:.0f} MiB")
        print("largest parts: " + ", ".join(f"{name} {n / 2**20:.0f} MiB" for n, name in parts))

        home = tmp / "home"
        home.mkdir()
        demo = tmp / "demo.sqlite"
        subprocess.run(
            [str(exe), "--db", str(demo), "demo"],
            env=fresh_env(home),
            check=True,
            capture_output=True,
        )
        helps, maps = [], []
        for run in range(args.runs):
            env = fresh_env(tmp / f"help{run}")
            start = time.perf_counter()
            subprocess.run([str(exe), "--help"], env=env, check=True, capture_output=True)
            helps.append(time.perf_counter() - start)
            env = fresh_env(tmp / f"map{run}")
            env.update(
                MAPPER_DB=str(demo),
                FRIVILLIGHEDSKORTET_SELFTEST="map",
                FRIVILLIGHEDSKORTET_SELFTEST_PNG=str(tmp / f"map{run}.png"),
            )
            result = subprocess.run(
                [str(exe)], env=env, check=True, capture_output=True, text=True, timeout=300
            )
            found = READY.search(result.stdout)
            if found is None:
                sys.exit(f"the self-test said no time: {result.stdout}{result.stderr}")
            maps.append(float(found.group(1)))
    print(f"median of {args.runs} fresh processes")
    print(f"frivillighedskortet --help: {statistics.median(helps):.2f} s")
    print(f"start until the Kort tab's map is drawn: {statistics.median(maps):.2f} s")


if __name__ == "__main__":
    main()
