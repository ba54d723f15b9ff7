"""Writing a command's output to a file: the file appears whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replaced_file(name: str, newline: str | None = None) -> Iterator[TextIO]:
    """A text file written beside `name` and moved over it when the block ends well (removed when it fails)."""
    target = Path(name)
    if target.is_dir():
        raise IsADirectoryError(21, "is a directory", name)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out:
            yield out
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
