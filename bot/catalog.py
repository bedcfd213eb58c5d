"""Catalog upkeep: extract message ids from the code, check the Thai catalog is complete."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO_PATH = ROOT / "locale" / "th" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*)\}")
MAX_LABEL = 20  # LINE: action labels are at most 20 characters


def _keywords() -> dict[str, None]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    mapping = config["tool"]["babel"]["mappings"][0]
    return {keyword: None for keyword in mapping["keywords"]}


def extract_ids(root: Path = ROOT) -> dict[str, list[str]]:
    """Every message id used in `bot/`, with where it is used."""
    found: dict[str, list[str]] = {}
    method_map = [("**.py", "python")]
    extracted = extract_from_dir(root / "bot", method_map, keywords=_keywords())
    for filename, lineno, message, _comments, _context in extracted:
        if isinstance(message, str) and message:
            found.setdefault(message, []).append(f"bot/{filename}:{lineno}")
    return found


@dataclass(frozen=True)
class Problem:
    message_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.reason}: {self.message_id!r}"


def check(po_path: Path = PO_PATH, used: dict[str, list[str]] | None = None) -> list[Problem]:
    """Untranslated, fuzzy, unused or placeholder-mismatched entries."""
    used = extract_ids() if used is None else used
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    problems = [Problem(mid, "used in code but missing from messages.po")
                for mid in used if mid not in catalog]
    for message in catalog:
        if not message.id:
            continue
        problems.extend(_entry_problems(str(message.id), message.string, message.fuzzy, used))
    return problems


def _entry_problems(mid: str, thai: object, fuzzy: bool,
                    used: dict[str, list[str]]) -> list[Problem]:
    if not isinstance(thai, str) or not thai.strip():
        return [Problem(mid, "untranslated")]
    problems = []
    if fuzzy:
        problems.append(Problem(mid, "fuzzy"))
    if mid not in used:
        problems.append(Problem(mid, "in messages.po but no longer used"))
    if set(PLACEHOLDER.findall(mid)) != set(PLACEHOLDER.findall(thai)):
        problems.append(Problem(mid, "placeholders differ between id and Thai text"))
    return problems


def update(po_path: Path = PO_PATH) -> list[str]:
    """Add new ids (empty, to translate) and drop unused ones; returns the added ids."""
    used = extract_ids()
    with po_path.open("rb") as handle:
        old = read_po(handle)
    new = Catalog(locale="th", project="helpdesk", version="1", charset="utf-8", fuzzy=False,
                  copyright_holder="helpdesk", msgid_bugs_address="helpdesk",
                  last_translator="helpdesk", language_team="Thai",
                  creation_date=old.creation_date, revision_date=old.revision_date)
    added = []
    for mid, places in sorted(used.items()):
        existing = old.get(mid)
        if existing is None:
            added.append(mid)
        new.add(mid, existing.string if existing else "", locations=[
            (place.rsplit(":", 1)[0], int(place.rsplit(":", 1)[1])) for place in places])
    with po_path.open("wb") as handle:
        write_po(handle, new, width=100, sort_output=True)
    return added
