"""Writing output files (exports, maps) so that a failure never leaves a half-written file.

A regular file (or a new name) is written to a temporary file beside it, made with O_EXCL and
O_NOFOLLOW under a random name (a planted ``.partial`` symlink is never followed), synced, and
only then moved over the old file with ``os.replace``. A symlink's target is replaced, not the
link. A device, FIFO or socket (``/dev/stdout``, a named pipe) and ``-`` are written through:
replacing them would put a regular file where the device was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from mapper.domain.errors import OutputFileError

WriteFn = Callable[[BinaryIO], object]

_THROUGH_PREFIXES = ("/dev/", "/proc/")
"""Names that stand for a stream of the running program (``/dev/stdout``, ``/proc/self/fd/1``):
written through even when the stream happens to be a regular file."""


def write_output(path: str | Path, write: WriteFn) -> None:
    """Write a file by calling ``write`` with a binary file object; see the module docstring.

    Raises OutputFileError naming the file and the cause (disk full, permission, no folder …);
    an earlier file of that name is then as it was and no temporary file is left."""
    if str(path) == "-":
        _write_through_stream(write)
        return
    given = Path(path)
    try:
        info: os.stat_result | None = given.stat()  # follows a symlink to its target
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _error(given, exc) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _error(given, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if (info is not None and not stat.S_ISREG(info.st_mode)) or str(given).startswith(
        _THROUGH_PREFIXES
    ):
        _write_through(given, write)
        return
    # A symlink (also one whose target does not exist yet) is written at its target.
    target = Path(os.path.realpath(given))
    _replace_atomically(given, target, write, info)


def _write_through_stream(write: WriteFn) -> None:
    stream = sys.stdout.buffer
    try:
        write(stream)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _error(Path("-"), exc) from exc


def _write_through(path: Path, write: WriteFn) -> None:
    try:
        with path.open("wb") as stream:
            write(stream)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _error(path, exc) from exc


def _replace_atomically(
    given: Path, target: Path, write: WriteFn, info: os.stat_result | None
) -> None:
    folder = target.parent
    tmp = folder / f".{target.name}.{secrets.token_hex(8)}.partial"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError as exc:
        raise OutputFileError(
            str(given),
            f"the folder {folder} does not exist",
            cause="no_folder",
            cause_params={"folder": str(folder)},
        ) from exc
    except OSError as exc:
        raise _error(given, exc) from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            if info is not None:  # the new file keeps the old one's permissions
                os.fchmod(stream.fileno(), stat.S_IMODE(info.st_mode))
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _error(given, exc) from exc
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_CAUSES = {
    errno.ENOSPC: ("disk_full", "the disk is full"),
    errno.EDQUOT: ("disk_full", "the disk quota is used up"),
    errno.EFBIG: ("disk_full", "the file would be too large"),
    errno.EACCES: ("permission", "permission denied"),
    errno.EPERM: ("permission", "operation not permitted"),
    errno.EROFS: ("read_only", "the file system is read-only"),
    errno.EISDIR: ("is_folder", "it is a folder"),
    errno.ELOOP: ("unwritable", "too many symbolic links"),
}


def _error(path: Path, exc: OSError) -> OutputFileError:
    cause, reason = _CAUSES.get(exc.errno or 0, ("unwritable", exc.strerror or str(exc)))
    if exc.errno == errno.ENOENT:
        folder = path.parent
        return OutputFileError(
            str(path),
            f"the folder {folder} does not exist",
            cause="no_folder",
            cause_params={"folder": str(folder)},
        )
    return OutputFileError(str(path), reason, cause=cause)
