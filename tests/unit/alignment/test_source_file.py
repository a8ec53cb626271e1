"""Only regular files are read, and never more than the limit (issue 15, finding 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignment.text.cleanup import load_document
from alignment.text.errors import FileTooLargeError, FileUnreadableError
from alignment.text.source_file import read_source_bytes


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_that_never_ends_is_refused_without_reading_it() -> None:
    with pytest.raises(FileUnreadableError, match="device"):
        load_document(Path("/dev/zero"), lang="ru")


@pytest.mark.timeout(10)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(FileUnreadableError, match="named pipe"):
        load_document(fifo, lang="ru")


def test_never_more_than_the_limit_plus_one_byte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(FileTooLargeError):
        read_source_bytes(path, max_bytes=1000)
    assert read_source_bytes(path, max_bytes=5000) == b"a" * 5000
