"""The demo organisation shipped with the product: a fictional Thai office, read from CSV files."""

from __future__ import annotations

import hashlib
from importlib import resources

from core.directory.csv_io import COLUMNS, import_directory
from core.directory.directory import Directory


def demo_line_user_id(employee_id: str) -> str:
    """A fixed fake LINE user id, so the emulator offers the same personas on every start."""
    return "U" + hashlib.sha256(f"helpdesk-demo-user:{employee_id}".encode()).hexdigest()[:32]


def demo_group_id(name: str) -> str:
    """A fixed fake LINE group id for a demo group."""
    return "C" + hashlib.sha256(f"helpdesk-demo-group:{name}".encode()).hexdigest()[:32]


def demo_files() -> dict[str, str]:
    """The demo organisation's CSV texts, keyed by file name, as `import_directory` takes them."""
    folder = resources.files(__name__)
    return {name: folder.joinpath(name).read_text(encoding="utf-8") for name in COLUMNS}


def load_demo_directory() -> Directory:
    return import_directory(demo_files())
