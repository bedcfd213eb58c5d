"""The local blob store: bytes named by their fingerprint, written once, checked when read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from core.errors import DomainError, NotFound
from core.files.local import LocalBlobStore

PHOTO = b"\xff\xd8\xff\xe0 a photo of a jammed printer"


def test_stored_bytes_read_back_under_their_fingerprint(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    name = store.put(PHOTO)
    assert name.endswith(hashlib.sha256(PHOTO).hexdigest())
    assert store.get(name) == PHOTO


def test_storing_the_same_bytes_again_keeps_the_first_file(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    name = store.put(PHOTO)
    first = os.stat(tmp_path / name)
    assert store.put(PHOTO) == name
    again = os.stat(tmp_path / name)
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


def test_a_stored_file_is_read_only(tmp_path: Path) -> None:
    name = LocalBlobStore(tmp_path).put(PHOTO)
    assert os.stat(tmp_path / name).st_mode & 0o222 == 0


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    store.put(PHOTO)
    store.put(PHOTO)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [
        hashlib.sha256(PHOTO).hexdigest()
    ]


def test_a_file_changed_on_disk_is_reported_as_corrupt(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    name = store.put(PHOTO)
    target = tmp_path / name
    target.chmod(0o644)
    target.write_bytes(b"something else")
    with pytest.raises(DomainError) as refused:
        store.get(name)
    assert refused.value.code == "blob.corrupt"


def test_an_unknown_name_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        LocalBlobStore(tmp_path).get("../../etc/passwd")
