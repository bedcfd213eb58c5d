"""Reads one table of the catalogue file: typed values, bad fields named by path, no typos."""

from __future__ import annotations

import difflib
import re
from typing import Any, NoReturn

from core.tickets.durations import Duration, TimeUnit

KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_UNITS = ", ".join(unit.value for unit in TimeUnit)


class CatalogueProblem(Exception):
    """One bad field: its dotted path in the file and what is wrong with it."""

    def __init__(self, field: str, problem: str) -> None:
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")


def _kind(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "text"}
    names |= {list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


class Table:
    """One TOML table being read. Keys never read are reported by `finish` as unknown.

    Any table may say ``decision = true``: its path is added to `decisions`, shared by every
    table read from the same file.
    """

    def __init__(self, raw: object, path: str, decisions: list[str]) -> None:
        if not isinstance(raw, dict):
            self._fail(path, f"expected a table, found {_kind(raw)}")
        self._raw: dict[str, Any] = raw
        self.path, self.decisions = path, decisions
        self._read: set[str] = set()
        if self.boolean("decision", False):
            decisions.append(path)

    @staticmethod
    def _fail(field: str, problem: str) -> NoReturn:
        raise CatalogueProblem(field, problem)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, problem: str) -> NoReturn:
        self._fail(self.at(key), problem)

    def has(self, key: str) -> bool:
        return key in self._raw

    def key_names(self) -> list[str]:
        return [key for key in self._raw if key != "decision"]

    def value(self, key: str, expected: type | tuple[type, ...], what: str) -> Any:
        """The raw value of `key` (None when absent), refused unless it is of `expected` type."""
        self._read.add(key)
        if key not in self._raw:
            return None
        found = self._raw[key]
        wrong_bool = isinstance(found, bool) and bool not in _as_tuple(expected)
        if wrong_bool or not isinstance(found, expected):
            self.fail(key, f"expected {what}, found {_kind(found)} {found!r}")
        return found

    def required(self, key: str, expected: type | tuple[type, ...], what: str) -> Any:
        found = self.value(key, expected, what)
        if found is None:
            unread = [k for k in self._raw if k not in self._read]
            near = difflib.get_close_matches(key, unread, n=1)
            hint = f"; is {near[0]!r} a misspelling?" if near else ""
            self.fail(key, f"missing (expected {what}{hint})")
        return found

    def text(self, key: str) -> str:
        found: str = self.required(key, str, "text")
        if not found.strip():
            self.fail(key, "must not be empty")
        return found.strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self.has(key) else self.value(key, str, "text")

    def name(self, key: str) -> str:
        """A key-like identifier: lower-case letters, digits and underscores."""
        return self.check_name(key, self.text(key))

    def check_name(self, key: str, found: str) -> str:
        if not KEY.match(found):
            self.fail(key, f"not a key: {found!r} (use a-z, 0-9 and _, starting with a letter)")
        return found

    def boolean(self, key: str, default: bool) -> bool:
        found = self.value(key, bool, "true or false")
        return default if found is None else bool(found)

    def integer(self, key: str, default: int | None = None) -> int:
        found = self.value(key, int, "a whole number")
        if found is None:
            if default is None:
                self.fail(key, "missing (expected a whole number)")
            return default
        return int(found)

    def fraction(self, key: str, default: float) -> float:
        found = self.value(key, (int, float), "a number")
        result = default if found is None else float(found)
        if not 0 < result <= 1:
            self.fail(key, f"must be more than 0 and at most 1, found {result}")
        return result

    def duration(self, key: str) -> Duration:
        return self._parse_duration(key, self.text(key))

    def optional_duration(self, key: str) -> Duration | None:
        text = self.optional_text(key)
        return None if text is None else self._parse_duration(key, text)

    def _parse_duration(self, key: str, text: str) -> Duration:
        try:
            parsed = Duration.parse(text)
        except ValueError:
            self.fail(
                key, f"not a duration: {text!r} (write e.g. '3 business_days'; units: {_UNITS})"
            )
        if parsed.amount <= 0:
            self.fail(key, f"must be longer than zero: {text!r}")
        return parsed

    def texts(self, key: str) -> list[str]:
        found: list[Any] = self.value(key, list, "a list of text") or []
        for index, item in enumerate(found):
            if not isinstance(item, str):
                self._fail(f"{self.at(key)}[{index}]", f"expected text, found {_kind(item)}")
        if len(set(found)) != len(found):
            self.fail(key, "lists the same value twice")
        return found

    def table(self, key: str) -> Table:
        return Table(self.required(key, dict, "a table"), self.at(key), self.decisions)

    def optional_table(self, key: str) -> Table:
        return Table(self.value(key, dict, "a table") or {}, self.at(key), self.decisions)

    def tables(self, key: str) -> list[Table]:
        """An array of tables; each is named by its own `key` in error paths when it has one."""
        found: list[Any] = self.value(key, list, "a list of tables ([[...]])") or []
        items = []
        for index, item in enumerate(found):
            own = item.get("key") if isinstance(item, dict) else None
            named = isinstance(own, str) and KEY.match(own)
            path = f"{self.at(key)}.{own}" if named else f"{self.at(key)}[{index}]"
            items.append(Table(item, path, self.decisions))
        return items

    def labels(self, key: str) -> list[tuple[str, str]]:
        """A table of key = "Thai label" pairs, in file order; labels unique and not empty."""
        table = self.optional_table(key)
        pairs = [(table.check_name(k, k), table.text(k)) for k in table.key_names()]
        seen: set[str] = set()
        for item_key, label in pairs:
            if label in seen:
                table.fail(item_key, f"label {label!r} is used twice")
            seen.add(label)
        return pairs

    def finish(self) -> None:
        """Refuse keys nobody read: a typo must not silently fall back to a default."""
        unknown = [key for key in self._raw if key not in self._read]
        if unknown:
            known = ", ".join(sorted(self._read - {"decision"})) or "none"
            self.fail(unknown[0], f"unknown key (known here: {known})")


def _as_tuple(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)
