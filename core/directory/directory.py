"""The Directory value: who is who, who heads what, who decides for a post, and its lookups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from core.directory import changes
from core.directory.model import (
    DemoPersona,
    GroupPurpose,
    LineGroup,
    Person,
    Position,
    Team,
    Unit,
)
from core.errors import NotFound


@dataclass(frozen=True)
class Directory:
    """An immutable snapshot of the organisation; commands return a new one."""

    units: tuple[Unit, ...] = ()
    people: tuple[Person, ...] = ()
    teams: tuple[Team, ...] = ()
    positions: tuple[Position, ...] = ()
    groups: tuple[LineGroup, ...] = ()
    _units: dict[str, Unit] = field(init=False, repr=False, compare=False)
    _people: dict[str, Person] = field(init=False, repr=False, compare=False)
    _teams: dict[str, Team] = field(init=False, repr=False, compare=False)
    _positions: dict[str, Position] = field(init=False, repr=False, compare=False)
    _by_employee: dict[str, Person] = field(init=False, repr=False, compare=False)
    _by_line_user: dict[str, Person] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes are derived once; the dataclass is frozen so they can never drift.
        index = object.__setattr__
        index(self, "_units", {u.id: u for u in self.units})
        index(self, "_people", {p.id: p for p in self.people})
        index(self, "_teams", {t.key: t for t in self.teams})
        index(self, "_positions", {p.code: p for p in self.positions})
        index(self, "_by_employee", {p.employee_id: p for p in self.people})
        index(self, "_by_line_user", {p.line_user_id: p for p in self.people if p.line_user_id})

    # commands

    def deactivate(self, person_id: str, on: date) -> tuple[Directory, changes.Changes]:
        """See `changes.deactivate`: the person stays, inactive, and lets go of teams and posts."""
        return changes.deactivate(self, person_id, on)

    def link_line_user(
        self, employee_id: str, line_user_id: str
    ) -> tuple[Directory, changes.Changes]:
        return changes.link_line_user(self, employee_id, line_user_id)

    # people

    def person(self, person_id: str) -> Person:
        found = self._people.get(person_id)
        if found is None:
            raise NotFound("directory.unknown_person", person_id=person_id)
        return found

    def find_person(self, person_id: str | None) -> Person | None:
        return self._people.get(person_id) if person_id else None

    def person_by_employee_id(self, employee_id: str) -> Person | None:
        return self._by_employee.get(employee_id.strip())

    def person_by_line_user(self, line_user_id: str) -> Person | None:
        return self._by_line_user.get(line_user_id)

    def active_people(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.active)

    def demo_personas(self) -> dict[DemoPersona, Person]:
        return {p.demo_persona: p for p in self.people if p.demo_persona and p.active}

    def supervisor_of(self, person_id: str) -> Person | None:
        """The active line supervisor; past one who left, else the head of the person's unit."""
        person = self.person(person_id)
        seen = {person.id}
        current = self.find_person(person.supervisor_id)
        while current is not None and current.id not in seen:
            if current.active:
                return current
            seen.add(current.id)
            current = self.find_person(current.supervisor_id)
        return self.unit_head_of(person.unit_id, excluding=person.id)

    def subordinates_of(self, person_id: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.supervisor_id == person_id and p.active)

    # units

    def unit(self, unit_id: str) -> Unit:
        found = self._units.get(unit_id)
        if found is None:
            raise NotFound("directory.unknown_unit", unit_id=unit_id)
        return found

    def find_unit(self, unit_id: str | None) -> Unit | None:
        return self._units.get(unit_id) if unit_id else None

    def unit_chain(self, unit_id: str | None) -> Iterator[Unit]:
        """The unit, then its parent, up to the top; stops on a loop rather than spinning."""
        seen: set[str] = set()
        current = self.find_unit(unit_id)
        while current is not None and current.id not in seen:
            yield current
            seen.add(current.id)
            current = self.find_unit(current.parent_id)

    def unit_head_of(self, unit_id: str | None, excluding: str | None = None) -> Person | None:
        """Who heads the unit now; a unit without a head (or headed by `excluding`) looks up."""
        for unit in self.unit_chain(unit_id):
            head = self.holder_of(unit.head_position) if unit.head_position else None
            if head is not None and head.id != excluding:
                return head
        return None

    def area_of(self, unit_id: str | None) -> str | None:
        return next((u.area for u in self.unit_chain(unit_id) if u.area), None)

    def units_within(self, unit_ids: Iterable[str]) -> frozenset[str]:
        """The given units and every unit below them."""
        roots = set(unit_ids)
        return frozenset(
            u.id for u in self.units if any(c.id in roots for c in self.unit_chain(u.id))
        )

    def units_headed_by(self, person_id: str) -> frozenset[str]:
        """Units whose head this person is, or acts for, with everything below them."""
        acting = {code for code in self._positions if self._acts_for(code, person_id)}
        return self.units_within(u.id for u in self.units if u.head_position in acting)

    # positions

    def position(self, code: str) -> Position:
        found = self._positions.get(code)
        if found is None:
            raise NotFound("directory.unknown_position", position=code)
        return found

    def find_position(self, code: str | None) -> Position | None:
        return self._positions.get(code) if code else None

    def holder_of(self, code: str) -> Person | None:
        """Who acts for the post today: an active delegate first, else the active holder."""
        position = self.find_position(code)
        if position is None:
            return None
        for candidate in (position.delegate_id, position.holder_id):
            person = self.find_person(candidate)
            if person is not None and person.active:
                return person
        return None

    def decider_for(self, code: str, excluding: str | None = None) -> Person | None:
        """Who decides for the post: its holder or delegate, else the next level up (002:L1395).

        `excluding` passes over one person, so nobody approves their own request.
        """
        seen: set[str] = set()
        current: str | None = code
        while current is not None and current not in seen:
            seen.add(current)
            person = self.holder_of(current)
            if person is not None and person.id != excluding:
                return person
            position = self.find_position(current)
            current = position.next_level if position else None
        return None

    def _acts_for(self, code: str, person_id: str) -> bool:
        person = self.holder_of(code)
        return person is not None and person.id == person_id

    # teams and groups

    def team(self, key: str) -> Team:
        found = self._teams.get(key)
        if found is None:
            raise NotFound("directory.unknown_team", team=key)
        return found

    def find_team(self, key: str | None) -> Team | None:
        return self._teams.get(key) if key else None

    def teams_of(self, person_id: str) -> tuple[Team, ...]:
        return tuple(t for t in self.teams if t.includes(person_id))

    def active_members(self, team_key: str) -> tuple[Person, ...]:
        members = (self.find_person(m) for m in self.team(team_key).member_ids)
        return tuple(p for p in members if p is not None and p.active)

    def confirmed_groups(
        self, purpose: GroupPurpose | None = None, unit_id: str | None = None
    ) -> tuple[LineGroup, ...]:
        """Groups an announcement may go to; `unit_id` matches groups covering it or above it."""
        above = {u.id for u in self.unit_chain(unit_id)}
        return tuple(
            g
            for g in self.groups
            if g.confirmed
            and (purpose is None or g.purpose == purpose)
            and (unit_id is None or bool(g.unit_ids & above))
        )
