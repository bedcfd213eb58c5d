"""Reading directory CSV text: tables, typed fields, and problems reported by file and row."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

LIST_SEPARATOR = "|"
_TRUE = {"true", "yes", "y", "1", "ใช่"}
_FALSE = {"false", "no", "n", "0", "ไม่ใช่"}
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong in an import, said in Thai and English so either reader can fix it."""

    file: str
    row: int | None
    subject: str
    th: str
    en: str

    def __str__(self) -> str:
        where = f"{self.file} แถว {self.row} / row {self.row}" if self.row else self.file
        subject = f"{self.subject} " if self.subject else ""
        return f"{where}: {subject}{self.th} / {self.en}"


class Problems(list[ImportProblem]):
    """Every problem found so far; the import goes on collecting instead of stopping at one."""

    def add(self, file: str, row: int | None, subject: str, th: str, en: str) -> None:
        self.append(ImportProblem(file, row, subject, th, en))


@dataclass(frozen=True)
class Row:
    """One data row; `number` counts like a spreadsheet does, the header being row 1."""

    file: str
    number: int
    values: dict[str, str]


def read_table(
    file: str, text: str, required: Sequence[str], optional: Sequence[str], problems: Problems
) -> list[Row] | None:
    """Parse CSV text (Excel's UTF-8 BOM allowed); wrong headers make the file unusable (None)."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if c not in required and c not in optional]
    for column in missing:
        problems.add(file, 1, f"'{column}'", "ไม่มีคอลัมน์นี้", "column is missing")
    for column in unknown:
        problems.add(file, 1, f"'{column}'", "ไม่รู้จักคอลัมน์นี้", "unknown column")
    if missing or unknown:
        return None
    reader.fieldnames = header
    rows = []
    for number, raw in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        if any(values.values()):
            rows.append(Row(file, number, values))
    return rows


class FieldReader:
    """Typed access to a row's cells; a bad cell is recorded as a problem and read as None."""

    def __init__(self, row: Row, problems: Problems) -> None:
        self.row = row
        self.problems = problems

    def problem(self, column: str, value: str, th: str, en: str) -> None:
        subject = f"{column} '{value}'" if value else column
        self.problems.add(self.row.file, self.row.number, subject, th, en)

    def text(self, column: str, required: bool = False) -> str | None:
        value = self.row.values.get(column, "")
        if not value and required:
            self.problem(column, "", "ต้องกรอก", "is required")
        return value or None

    def choice(self, column: str, kind: type[E], required: bool = False) -> E | None:
        value = self.text(column, required)
        if value is None:
            return None
        if value in {k.value for k in kind}:
            return kind(value)
        self._not_allowed(column, value, kind)
        return None

    def choices(self, column: str, kind: type[E]) -> frozenset[E]:
        chosen: set[E] = set()
        for value in self.items(column):
            if value in {k.value for k in kind}:
                chosen.add(kind(value))
            else:
                self._not_allowed(column, value, kind)
        return frozenset(chosen)

    def _not_allowed(self, column: str, value: str, kind: type[StrEnum]) -> None:
        allowed = ", ".join(k.value for k in kind)
        self.problem(column, value, f"ไม่ใช่ค่าที่ใช้ได้ ({allowed})", f"not one of {allowed}")

    def items(self, column: str) -> tuple[str, ...]:
        value = self.row.values.get(column, "")
        return tuple(item.strip() for item in value.split(LIST_SEPARATOR) if item.strip())

    def flag(self, column: str, default: bool) -> bool:
        value = self.row.values.get(column, "").lower()
        if not value:
            return default
        if value in _TRUE | _FALSE:
            return value in _TRUE
        self.problem(column, value, "ต้องเป็น true หรือ false", "must be true or false")
        return default

    def day(self, column: str) -> date | None:
        value = self.text(column)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.problem(column, value, "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.)", "must be YYYY-MM-DD")
            return None

    def pattern(self, column: str, regex: re.Pattern[str], example: str) -> str | None:
        value = self.text(column)
        if value is not None and not regex.match(value):
            th, en = f"รูปแบบไม่ถูกต้อง (เช่น {example})", f"bad format, e.g. {example}"
            self.problem(column, value, th, en)
            return None
        return value


def join_items(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def flag_text(value: bool) -> str:
    return "true" if value else "false"
