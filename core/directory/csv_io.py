"""Import and export the directory as five CSV files; an import is all or nothing.

units.csv, people.csv (required), teams.csv, positions.csv, groups.csv; UTF-8, header row
first. People are referred to by their `id` (blank: the employee id), units by `id`, posts
by `code`; lists (roles, members, categories, areas, units) are separated by "|"; dates are
ISO (2026-03-31, Christian era); a `resigned_on` date makes the person inactive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from typing import TypeVar

from core.directory.changes import release_inactive
from core.directory.csv_fields import FieldReader, Problems, flag_text, join_items, read_table
from core.directory.directory import Directory
from core.directory.integrity import Parsed, check_directory
from core.directory.model import (
    LINE_GROUP_ID,
    LINE_USER_ID,
    DemoPersona,
    GroupPurpose,
    LineGroup,
    Person,
    Position,
    Role,
    Team,
    Unit,
    UnitKind,
)
from core.errors import ValidationFailed

T = TypeVar("T")

# Column order is the export order; a person's `id` defaults to their employee id.
COLUMNS: dict[str, tuple[str, ...]] = {
    "units.csv": ("id", "name_th", "kind", "parent", "head_position", "area"),
    "people.csv": (
        "id",
        "employee_id",
        "name_th",
        "position_title",
        "unit",
        "roles",
        "supervisor",
        "active",
        "resigned_on",
        "line_user_id",
        "phone",
        "demo_persona",
    ),
    "teams.csv": ("key", "name_th", "lead", "members", "categories", "areas"),
    "positions.csv": ("code", "title_th", "holder", "delegate", "next_level"),
    "groups.csv": ("group_id", "name_th", "purpose", "units", "confirmed"),
}
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "units.csv": ("id", "name_th", "kind"),
    "people.csv": ("employee_id", "name_th", "unit"),
    "teams.csv": ("key", "name_th"),
    "positions.csv": ("code", "title_th"),
    "groups.csv": ("group_id", "name_th", "purpose"),
}
REQUIRED_FILES = ("units.csv", "people.csv")


class DirectoryImportError(ValidationFailed):
    """The import was refused; `problems` lists every reason, nothing was imported."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("directory.import_failed", count=len(problems))
        self.problems = tuple(problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def import_directory(files: Mapping[str, str]) -> Directory:
    """Build a Directory from CSV texts keyed by file name, or raise DirectoryImportError."""
    problems = Problems()
    for name in sorted(set(files) - set(COLUMNS)):
        problems.add(name, None, "", "ไม่รู้จักไฟล์นี้", f"unknown file (expected {', '.join(COLUMNS)})")
    for name in REQUIRED_FILES:
        if name not in files:
            problems.add(name, None, "", "ไม่พบไฟล์", "file is missing")
    unusable: set[str] = set()
    units = _parse(files, "units.csv", _unit, problems, unusable)
    people = _parse(files, "people.csv", _person, problems, unusable)
    teams = _parse(files, "teams.csv", _team, problems, unusable)
    positions = _parse(files, "positions.csv", _position, problems, unusable)
    groups = _parse(files, "groups.csv", _group, problems, unusable)
    if not unusable:
        # References into a file whose header is wrong would only repeat that one mistake.
        check_directory(units, people, teams, positions, groups, problems)
    if problems:
        raise DirectoryImportError(problems)
    directory = Directory(
        units=_items(units),
        people=_items(people),
        teams=_items(teams),
        positions=_items(positions),
        groups=_items(groups),
    )
    return release_inactive(directory)


def _parse(
    files: Mapping[str, str],
    name: str,
    build: Callable[[FieldReader], T | None],
    problems: Problems,
    unusable: set[str],
) -> Parsed[T]:
    parsed: Parsed[T] = []
    if name not in files:
        return parsed
    required = REQUIRED_COLUMNS[name]
    optional = [c for c in COLUMNS[name] if c not in required]
    rows = read_table(name, files[name], required, optional, problems)
    if rows is None:
        unusable.add(name)
        return parsed
    for row in rows:
        item = build(FieldReader(row, problems))
        if item is not None:
            parsed.append((row, item))
    return parsed


def _items(parsed: Parsed[T]) -> tuple[T, ...]:
    return tuple(item for _, item in parsed)


def _unit(cells: FieldReader) -> Unit | None:
    unit_id, name = cells.text("id", required=True), cells.text("name_th", required=True)
    kind = cells.choice("kind", UnitKind, required=True)
    parent, head, area = cells.text("parent"), cells.text("head_position"), cells.text("area")
    if unit_id is None or name is None or kind is None:
        return None
    return Unit(unit_id, name, kind, parent, head, area)


def _person(cells: FieldReader) -> Person | None:
    employee_id = cells.text("employee_id", required=True)
    name, unit = cells.text("name_th", required=True), cells.text("unit", required=True)
    roles = cells.choices("roles", Role) or frozenset({Role.REQUESTER})
    resigned_on = cells.day("resigned_on")
    active = cells.flag("active", default=resigned_on is None)
    if resigned_on is not None and active:
        cells.problem("active", "true", "แต่มีวันที่ลาออก", "but resigned_on is set")
    line_user_id = cells.pattern("line_user_id", LINE_USER_ID, "U + 32 hex")
    persona = cells.choice("demo_persona", DemoPersona)
    if employee_id is None or name is None or unit is None:
        return None
    return Person(
        id=cells.text("id") or employee_id,
        employee_id=employee_id,
        name_th=name,
        position_title=cells.text("position_title") or "",
        unit_id=unit,
        roles=roles,
        supervisor_id=cells.text("supervisor"),
        active=active and resigned_on is None,
        resigned_on=resigned_on,
        line_user_id=line_user_id,
        phone=cells.text("phone"),
        demo_persona=persona,
    )


def _team(cells: FieldReader) -> Team | None:
    key, name = cells.text("key", required=True), cells.text("name_th", required=True)
    if key is None or name is None:
        return None
    return Team(
        key,
        name,
        cells.text("lead"),
        cells.items("members"),
        frozenset(cells.items("categories")),
        frozenset(cells.items("areas")),
    )


def _position(cells: FieldReader) -> Position | None:
    code, title = cells.text("code", required=True), cells.text("title_th", required=True)
    if code is None or title is None:
        return None
    return Position(
        code, title, cells.text("holder"), cells.text("delegate"), cells.text("next_level")
    )


def _group(cells: FieldReader) -> LineGroup | None:
    group_id = cells.pattern("group_id", LINE_GROUP_ID, "C + 32 hex")
    name = cells.text("name_th", required=True)
    purpose = cells.choice("purpose", GroupPurpose, required=True)
    if group_id is None or name is None or purpose is None:
        return None
    units = frozenset(cells.items("units"))
    return LineGroup(group_id, name, purpose, units, cells.flag("confirmed", default=False))


def export_directory(directory: Directory) -> dict[str, str]:
    """The directory as CSV texts that `import_directory` reads back to an equal Directory."""
    return {
        "units.csv": _write("units.csv", [_unit_row(u) for u in directory.units]),
        "people.csv": _write("people.csv", [_person_row(p) for p in directory.people]),
        "teams.csv": _write("teams.csv", [_team_row(t) for t in directory.teams]),
        "positions.csv": _write("positions.csv", [_position_row(p) for p in directory.positions]),
        "groups.csv": _write("groups.csv", [_group_row(g) for g in directory.groups]),
    }


def _write(name: str, rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS[name], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _unit_row(u: Unit) -> dict[str, str]:
    return {
        "id": u.id,
        "name_th": u.name_th,
        "kind": u.kind.value,
        "parent": u.parent_id or "",
        "head_position": u.head_position or "",
        "area": u.area or "",
    }


def _person_row(p: Person) -> dict[str, str]:
    return {
        "id": p.id,
        "employee_id": p.employee_id,
        "name_th": p.name_th,
        "position_title": p.position_title,
        "unit": p.unit_id,
        "roles": join_items(sorted(p.roles)),
        "supervisor": p.supervisor_id or "",
        "active": flag_text(p.active),
        "resigned_on": p.resigned_on.isoformat() if p.resigned_on else "",
        "line_user_id": p.line_user_id or "",
        "phone": p.phone or "",
        "demo_persona": p.demo_persona.value if p.demo_persona else "",
    }


def _team_row(t: Team) -> dict[str, str]:
    return {
        "key": t.key,
        "name_th": t.name_th,
        "lead": t.lead_id or "",
        "members": join_items(t.member_ids),
        "categories": join_items(sorted(t.categories)),
        "areas": join_items(sorted(t.areas)),
    }


def _position_row(p: Position) -> dict[str, str]:
    return {
        "code": p.code,
        "title_th": p.title_th,
        "holder": p.holder_id or "",
        "delegate": p.delegate_id or "",
        "next_level": p.next_level or "",
    }


def _group_row(g: LineGroup) -> dict[str, str]:
    return {
        "group_id": g.group_id,
        "name_th": g.name_th,
        "purpose": g.purpose.value,
        "units": join_items(sorted(g.unit_ids)),
        "confirmed": flag_text(g.confirmed),
    }
