"""files.read_regular: only regular files, never blocking, never more than the cap."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from amk_tui.files import MB, FileProblem, kind_of, read_regular


def test_reads_a_regular_file_and_a_link_to_one(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x = 1\n")
    link = tmp_path / "b.toml"
    link.symlink_to(path)
    assert read_regular(path, 100) == read_regular(link, 100) == b"x = 1\n"
    assert read_regular(path, 6) == b"x = 1\n"  # exactly the cap is fine


def problem(path: Path, limit: int = MB) -> str:
    with pytest.raises(FileProblem) as info:
        read_regular(path, limit)
    assert str(info.value) == f"{path}: {info.value.problem}"
    return info.value.problem


def test_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # a plain open() would block here for ever
    assert problem(fifo) == "is a FIFO (named pipe), not a file"
    assert problem(tmp_path) == "is a folder, not a file"
    assert problem(Path("/dev/zero")) == "is a device, not a file"
    assert problem(tmp_path / "missing") == "no such file"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    assert problem(dangling) == "no such file"
    sock = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock))
        assert problem(sock) == "is a socket, not a file"


def test_refuses_more_than_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 11)
    assert problem(path, 10) == "larger than 10 bytes"
    path.write_bytes(b"x" * (MB + 1))
    assert problem(path, MB) == "larger than 1 MB"


def test_a_file_growing_past_the_cap_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing"
    path.write_bytes(b"x" * 5)
    real_fstat = os.fstat

    def small(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        path.write_bytes(b"x" * 50)  # grows after the size was looked at
        return info

    monkeypatch.setattr(os, "fstat", small)
    assert problem(path, 10) == "larger than 10 bytes"


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "swapped"
    path.write_text("x")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    real_open = os.open

    def swap(name: str | Path, flags: int, mode: int = 0o777) -> int:
        return real_open(fifo, flags, mode)  # the FIFO opens: O_NONBLOCK keeps it from hanging

    monkeypatch.setattr(os, "open", swap)
    assert problem(path) == "is a FIFO (named pipe), not a file"


def test_unreadable_is_said_in_the_systems_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret"
    path.write_text("x")

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    assert problem(path) == "cannot read (Permission denied)"


def test_kind_of_anything_else() -> None:
    assert kind_of(0) == "not a regular file"
