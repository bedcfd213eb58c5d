"""The directory in SQL: units, people, teams, positions and LINE groups as rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import JSON, Column, delete
from sqlmodel import Field, Session, SQLModel, col, select

from core.directory.directory import Directory
from core.directory.model import (
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


class UnitRow(SQLModel, table=True):
    __tablename__ = "units"

    id: str = Field(primary_key=True, max_length=64)
    ordinal: int = 0  # keeps the order of the imported file
    name_th: str = Field(max_length=200)
    kind: str = Field(max_length=16)
    parent_id: str | None = Field(default=None, max_length=64)
    head_position: str | None = Field(default=None, max_length=64)
    area: str | None = Field(default=None, max_length=64)


class PersonRow(SQLModel, table=True):
    """People are never deleted: leaving sets `active` false (000:L94)."""

    __tablename__ = "people"

    id: str = Field(primary_key=True, max_length=64)
    ordinal: int = 0  # keeps the order of the imported file
    employee_id: str = Field(max_length=64, unique=True)
    name_th: str = Field(max_length=200)
    position_title: str = Field(default="", max_length=200)
    unit_id: str = Field(max_length=64, index=True)
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    supervisor_id: str | None = Field(default=None, max_length=64)
    active: bool = True
    resigned_on: date | None = None
    line_user_id: str | None = Field(default=None, max_length=64, unique=True)
    phone: str | None = Field(default=None, max_length=32)
    demo_persona: str | None = Field(default=None, max_length=16)


class TeamRow(SQLModel, table=True):
    __tablename__ = "teams"

    key: str = Field(primary_key=True, max_length=64)
    ordinal: int = 0  # keeps the order of the imported file
    name_th: str = Field(max_length=200)
    lead_id: str | None = Field(default=None, max_length=64)
    member_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    categories: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    areas: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class PositionRow(SQLModel, table=True):
    __tablename__ = "positions"

    code: str = Field(primary_key=True, max_length=64)
    ordinal: int = 0  # keeps the order of the imported file
    title_th: str = Field(max_length=200)
    holder_id: str | None = Field(default=None, max_length=64)
    delegate_id: str | None = Field(default=None, max_length=64)
    next_level: str | None = Field(default=None, max_length=64)


class LineGroupRow(SQLModel, table=True):
    __tablename__ = "line_groups"

    group_id: str = Field(primary_key=True, max_length=64)
    ordinal: int = 0  # keeps the order of the imported file
    name_th: str = Field(max_length=200)
    purpose: str = Field(max_length=32)
    unit_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    confirmed: bool = False


def _person(row: PersonRow) -> Person:
    values: dict[str, Any] = row.model_dump(exclude={"ordinal"})
    values["roles"] = frozenset(Role(r) for r in row.roles)
    values["demo_persona"] = DemoPersona(row.demo_persona) if row.demo_persona else None
    return Person(**values)


def _person_row(person: Person, ordinal: int) -> PersonRow:
    values: dict[str, Any] = {k: getattr(person, k) for k in PersonRow.model_fields
                              if k != "ordinal"}
    values["roles"] = sorted(r.value for r in person.roles)
    values["demo_persona"] = person.demo_persona.value if person.demo_persona else None
    return PersonRow(ordinal=ordinal, **values)


def _team(row: TeamRow) -> Team:
    return Team(row.key, row.name_th, row.lead_id, tuple(row.member_ids),
                frozenset(row.categories), frozenset(row.areas))


def _group(row: LineGroupRow) -> LineGroup:
    return LineGroup(row.group_id, row.name_th, GroupPurpose(row.purpose),
                     frozenset(row.unit_ids), row.confirmed)


class SqlDirectory:
    """Loads the directory whole (it is small) and replaces it in one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def load(self) -> Directory:
        def rows(table: Any) -> Any:
            return self.session.exec(select(table).order_by(col(table.ordinal))).all()

        return Directory(
            units=tuple(Unit(u.id, u.name_th, UnitKind(u.kind), u.parent_id, u.head_position,
                             u.area) for u in rows(UnitRow)),
            people=tuple(_person(p) for p in rows(PersonRow)),
            teams=tuple(_team(t) for t in rows(TeamRow)),
            positions=tuple(Position(p.code, p.title_th, p.holder_id, p.delegate_id,
                                     p.next_level) for p in rows(PositionRow)),
            groups=tuple(_group(g) for g in rows(LineGroupRow)),
        )

    def replace(self, directory: Directory, *, today: date) -> Directory:
        """Store `directory`; people missing from it stay, deactivated, never deleted."""
        kept = {p.id for p in directory.people}
        gone = [replace(p, active=False, resigned_on=p.resigned_on or today, line_user_id=None)
                for p in self.load().people if p.id not in kept]
        merged = replace(directory, people=directory.people + tuple(gone))
        for table in (UnitRow, PersonRow, TeamRow, PositionRow, LineGroupRow):
            self.session.connection().execute(delete(table))
        rows: list[SQLModel] = []
        for n, unit in enumerate(merged.units):
            rows.append(UnitRow(ordinal=n, **unit.__dict__))
        for n, person in enumerate(merged.people):
            rows.append(_person_row(person, n))
        for n, team in enumerate(merged.teams):
            rows.append(TeamRow(ordinal=n, key=team.key, name_th=team.name_th,
                                lead_id=team.lead_id, member_ids=list(team.member_ids),
                                categories=sorted(team.categories), areas=sorted(team.areas)))
        for n, position in enumerate(merged.positions):
            rows.append(PositionRow(ordinal=n, **position.__dict__))
        for n, group in enumerate(merged.groups):
            rows.append(LineGroupRow(ordinal=n, group_id=group.group_id, name_th=group.name_th,
                                     purpose=group.purpose.value,
                                     unit_ids=sorted(group.unit_ids),
                                     confirmed=group.confirmed))
        self.session.add_all(rows)
        self.session.flush()
        return merged

    def person_for_line_user(self, line_user_id: str) -> Person | None:
        query = select(PersonRow).where(PersonRow.line_user_id == line_user_id,
                                        col(PersonRow.active).is_(True))
        row = self.session.exec(query).first()
        return _person(row) if row else None
