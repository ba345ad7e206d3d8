"""Reading a file a person names, safely: only a regular file (not a link, a pipe or a device) and only up to
a size, so that naming `/dev/zero`, a FIFO or a link to either is refused at once instead of hanging or filling
the memory. (Kept here for the workbooks for now; other commands that read named files may share it.)"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.i18n import msg

MAX_BYTES = 20 * 1024 * 1024  # a department's workbook is well under 1 MiB; anything this large is not one


class Unreadable(Exception):
    """Why a named file is not read: a message and a hint, in the catalogue's words."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def read_regular(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; Unreadable otherwise."""
    if path.is_symlink():
        raise Unreadable(msg("file_is_link"), msg("hint_name_the_file_itself"))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)  # non-blocking: opening a FIFO does not wait for a writer
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise Unreadable(msg("file_unreadable", reason=reason), msg("hint_file_name_not_open")) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Unreadable(msg("file_not_regular"), msg("hint_name_the_file_itself"))
        if status.st_size > limit:
            raise Unreadable(msg("file_too_big", limit=limit // (1024 * 1024)), msg("hint_the_xlsx"))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # grew while being read
            raise Unreadable(msg("file_too_big", limit=limit // (1024 * 1024)), msg("hint_the_xlsx"))
        return b"".join(chunks)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise Unreadable(msg("file_unreadable", reason=reason), msg("hint_file_name_not_open")) from None
    finally:
        os.close(descriptor)
