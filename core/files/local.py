"""A blob store in a local folder: files named by their sha256, written once, never replaced."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from core.errors import DomainError, NotFound

_NAME = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$")


def blob_path(sha256: str) -> str:
    """The stored name of a blob, "ab/cd/<sha256>": two folder levels keep each folder small."""
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


class LocalBlobStore:
    """Blobs under `root`; a stored file is read-only and checked against its name when read."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def put(self, content: bytes) -> str:
        name = blob_path(hashlib.sha256(content).hexdigest())
        target = self.root / name
        if target.exists():
            return name
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o444)
            # A hard link never replaces an existing file, so two writers of the same bytes
            # cannot clobber each other: the loser finds the winner's file in place.
            os.link(temporary, target)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
        return name

    def get(self, stored_path: str) -> bytes:
        if not _NAME.match(stored_path):
            raise NotFound("blob.not_found", path=stored_path)
        target = self.root / stored_path
        if not target.is_file():
            raise NotFound("blob.not_found", path=stored_path)
        content = target.read_bytes()
        if hashlib.sha256(content).hexdigest() != stored_path.rsplit("/", 1)[-1]:
            raise DomainError("blob.corrupt", path=stored_path)
        return content
