"""Cross-file checks of a directory import: every reference resolves, no duplicates, no loops."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from core.directory.csv_fields import Problems, Row
from core.directory.model import LineGroup, Person, Position, Team, Unit

T = TypeVar("T")
Parsed = list[tuple[Row, T]]

_NO_UNIT = ("ไม่พบในรายการหน่วยงาน", "no such unit")
_NO_PERSON = ("ไม่พบในรายชื่อ", "not found")
_NO_POSITION = ("ไม่พบในรายการตำแหน่ง", "no such position")


def check_directory(
    units: Parsed[Unit],
    people: Parsed[Person],
    teams: Parsed[Team],
    positions: Parsed[Position],
    groups: Parsed[LineGroup],
    problems: Problems,
) -> None:
    """Record every broken reference, duplicate key and loop, each at the row that causes it."""
    unit_ids = {u.id for _, u in units}
    person_ids = {p.id for _, p in people}
    codes = {p.code for _, p in positions}
    _check_keys(units, people, teams, positions, groups, problems)
    for row, unit in units:
        _refer(row, "parent", [unit.parent_id], unit_ids, _NO_UNIT, problems)
        _refer(row, "head_position", [unit.head_position], codes, _NO_POSITION, problems)
    for row, person in people:
        _refer(row, "unit", [person.unit_id], unit_ids, _NO_UNIT, problems)
        _refer(row, "supervisor", [person.supervisor_id], person_ids, _NO_PERSON, problems)
    for row, team in teams:
        _refer(row, "lead", [team.lead_id], person_ids, _NO_PERSON, problems)
        _refer(row, "members", team.member_ids, person_ids, _NO_PERSON, problems)
    for row, position in positions:
        holders = [position.holder_id]
        _refer(row, "holder", holders, person_ids, _NO_PERSON, problems)
        _refer(row, "delegate", [position.delegate_id], person_ids, _NO_PERSON, problems)
        _refer(row, "next_level", [position.next_level], codes, _NO_POSITION, problems)
    for row, group in groups:
        _refer(row, "units", sorted(group.unit_ids), unit_ids, _NO_UNIT, problems)
    _loops(units, lambda u: u.id, lambda u: u.parent_id, "parent", problems)
    _loops(people, lambda p: p.id, lambda p: p.supervisor_id, "supervisor", problems)
    _loops(positions, lambda p: p.code, lambda p: p.next_level, "next_level", problems)


def _check_keys(
    units: Parsed[Unit],
    people: Parsed[Person],
    teams: Parsed[Team],
    positions: Parsed[Position],
    groups: Parsed[LineGroup],
    problems: Problems,
) -> None:
    _unique(units, "id", lambda u: u.id, problems)
    _unique(people, "id", lambda p: p.id, problems)
    _unique(people, "employee_id", lambda p: p.employee_id, problems)
    _unique(people, "line_user_id", lambda p: p.line_user_id, problems)
    _unique(people, "demo_persona", lambda p: p.demo_persona, problems)
    _unique(teams, "key", lambda t: t.key, problems)
    _unique(positions, "code", lambda p: p.code, problems)
    _unique(groups, "group_id", lambda g: g.group_id, problems)


def _refer(
    row: Row,
    column: str,
    values: Iterable[str | None],
    known: set[str],
    message: tuple[str, str],
    problems: Problems,
) -> None:
    for value in values:
        if value is not None and value not in known:
            problems.add(row.file, row.number, f"{column} '{value}'", *message)


def _unique(
    parsed: Parsed[T], column: str, key: Callable[[T], Hashable | None], problems: Problems
) -> None:
    first_row: dict[Hashable, int] = {}
    for row, item in parsed:
        value = key(item)
        if value is None:
            continue
        if value in first_row:
            th = f"ซ้ำกับแถว {first_row[value]}"
            problems.add(row.file, row.number, f"{column} '{value}'", th, "duplicate")
        else:
            first_row[value] = row.number


def _loops(
    parsed: Parsed[T],
    key: Callable[[T], str],
    parent: Callable[[T], str | None],
    column: str,
    problems: Problems,
) -> None:
    """Flag each row whose chain of parents comes back to itself (A reports to B reports to A)."""
    up = {key(item): parent(item) for _, item in parsed}
    for row, item in parsed:
        start, seen = key(item), set()
        current = up.get(start)
        while current is not None and current not in seen and current != start:
            seen.add(current)
            current = up.get(current)
        if current == start:
            th, en = "วนกลับมาที่ตัวเอง", "forms a loop"
            problems.add(row.file, row.number, f"{column} '{parent(item)}'", th, en)
