"""Output files are replaced only when complete and only when they are regular files: devices,
FIFOs and ``-`` are written through, a symlink's target is written, a planted ``.partial``
symlink is never followed, and a full disk leaves the earlier file and no temporary file."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest

from mapper.domain.errors import OutputFileError
from mapper.io.files import write_output

ROOT = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name)


def test_a_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_output(target, lambda f: f.write(b"{}\n"))
    assert target.read_bytes() == b"{}\n"
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_output(str(target), lambda f: f.write(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failing_write_leaves_the_earlier_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"the previous export")

    def disk_fills(stream: BinaryIO) -> None:
        stream.write(b"half of it")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputFileError) as caught:
        write_output(target, disk_fills)
    assert caught.value.cause == "disk_full"
    assert caught.value.path == str(target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


def test_an_error_that_is_not_about_the_file_passes_through_and_cleans_up(
    tmp_path: Path,
) -> None:
    def broken(stream: BinaryIO) -> None:
        stream.write(b"x")
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        write_output(tmp_path / "out.json", broken)
    assert list(tmp_path.iterdir()) == []


def test_dev_full_is_a_clear_error_and_stays_a_device() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    with pytest.raises(OutputFileError) as caught:
        write_output("/dev/full", lambda f: f.write(b"x" * 100_000))
    assert caught.value.cause == "disk_full"
    assert "/dev/full" in str(caught.value)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@contextmanager
def reading(fifo: Path) -> Iterator[list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            got.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        yield got
    finally:
        reader.join(timeout=10)


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with reading(fifo) as got:
        write_output(fifo, lambda f: f.write(b"through the pipe"))
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["/dev/stdout", "-"])
def test_standard_output_is_written_through(name: str) -> None:
    code = (
        "from mapper.io.files import write_output;"
        f"write_output({name!r}, lambda f: f.write(b'to the terminal'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"to the terminal", b"")
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_a_symlink_s_target_is_written_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "data" / "landscape.json"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_output(link, lambda f: f.write(b"new"))
    assert link.is_symlink() and link.readlink() == real
    assert real.read_bytes() == b"new"
    assert leftovers(tmp_path) == leftovers(real.parent) == []


def test_a_dangling_symlink_s_target_is_created(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "not-yet.json")
    write_output(link, lambda f: f.write(b"new"))
    assert link.is_symlink()
    assert (tmp_path / "not-yet.json").read_bytes() == b"new"


def test_a_planted_partial_symlink_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    planted = tmp_path / ".out.json.partial"
    planted.symlink_to(victim)
    target = tmp_path / "out.json"
    write_output(target, lambda f: f.write(b"export"))
    assert target.read_bytes() == b"export"
    assert victim.read_bytes() == b"precious"
    assert planted.is_symlink() and planted.readlink() == victim


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError) as caught:
        write_output(tmp_path / "nowhere" / "out.json", lambda f: f.write(b"x"))
    assert caught.value.cause == "no_folder"
    assert caught.value.cause_params == {"folder": str(tmp_path / "nowhere")}


def test_a_folder_is_not_a_target(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError) as caught:
        write_output(tmp_path, lambda f: f.write(b"x"))
    assert caught.value.cause == "is_folder"


@contextmanager
def unwritable_folder(folder: Path) -> Iterator[None]:
    """A folder no one may create files in: chmod for a user, ``chattr +i`` for root (whom
    chmod does not stop)."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(
            "running as root, where chmod does not stop writing, and chattr +i is not "
            f"available here ({done.stderr.decode().strip() or done.returncode})"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_unwritable_folder_is_named_and_the_earlier_file_kept(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.json"
    target.write_bytes(b"the previous export")
    with unwritable_folder(folder), pytest.raises(OutputFileError) as caught:
        write_output(target, lambda f: f.write(b"new"))
    assert caught.value.cause == "permission"
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"the previous export"
    assert leftovers(folder) == []
