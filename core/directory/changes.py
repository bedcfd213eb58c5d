"""Directory commands: deactivate someone who left, link a LINE user; each returns what changed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from core.directory.model import LINE_USER_ID, Person, Position, Team
from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed

if TYPE_CHECKING:
    from core.directory.directory import Directory


class ChangeKind(StrEnum):
    PERSON_DEACTIVATED = "person_deactivated"
    LEFT_TEAM = "left_team"
    TEAM_LEAD_VACATED = "team_lead_vacated"
    POSITION_VACATED = "position_vacated"
    DELEGATION_ENDED = "delegation_ended"
    SUPERVISOR_LEFT = "supervisor_left"
    UNASSIGN_TICKETS = "unassign_tickets"
    LINE_USER_LINKED = "line_user_linked"


@dataclass(frozen=True)
class DirectoryChange:
    """One consequence of a command; `subject` is the team, position, subordinate or LINE id."""

    kind: ChangeKind
    person_id: str
    subject: str | None = None


Changes = tuple[DirectoryChange, ...]


def deactivate(directory: Directory, person_id: str, on: date) -> tuple[Directory, Changes]:
    """Mark a person as gone (000:L94: deactivate, never delete) and free what they held."""
    person = directory.person(person_id)
    if not person.active:
        return directory, ()
    changes: list[DirectoryChange] = [DirectoryChange(ChangeKind.PERSON_DEACTIVATED, person_id)]
    teams = tuple(_leave_team(t, person_id, changes) for t in directory.teams)
    positions = tuple(_leave_position(p, person_id, changes) for p in directory.positions)
    changes += [
        DirectoryChange(ChangeKind.SUPERVISOR_LEFT, person_id, s.id)
        for s in directory.subordinates_of(person_id)
    ]
    changes.append(DirectoryChange(ChangeKind.UNASSIGN_TICKETS, person_id))
    gone = replace(person, active=False, resigned_on=on)
    people = tuple(gone if p.id == person_id else p for p in directory.people)
    return replace(directory, people=people, teams=teams, positions=positions), tuple(changes)


def _leave_team(team: Team, person_id: str, changes: list[DirectoryChange]) -> Team:
    if not team.includes(person_id):
        return team
    if person_id in team.member_ids:
        changes.append(DirectoryChange(ChangeKind.LEFT_TEAM, person_id, team.key))
    lead_id = team.lead_id
    if lead_id == person_id:
        changes.append(DirectoryChange(ChangeKind.TEAM_LEAD_VACATED, person_id, team.key))
        lead_id = None
    members = tuple(m for m in team.member_ids if m != person_id)
    return replace(team, lead_id=lead_id, member_ids=members)


def _leave_position(position: Position, person_id: str, changes: list[DirectoryChange]) -> Position:
    if position.holder_id == person_id:
        changes.append(DirectoryChange(ChangeKind.POSITION_VACATED, person_id, position.code))
        position = replace(position, holder_id=None)
    if position.delegate_id == person_id:
        changes.append(DirectoryChange(ChangeKind.DELEGATION_ENDED, person_id, position.code))
        position = replace(position, delegate_id=None)
    return position


def link_line_user(
    directory: Directory, employee_id: str, line_user_id: str
) -> tuple[Directory, Changes]:
    """Tie a LINE account to the employee who registered with it in the chat."""
    if not LINE_USER_ID.match(line_user_id):
        raise ValidationFailed("directory.bad_line_user_id", line_user_id=line_user_id)
    person = directory.person_by_employee_id(employee_id)
    if person is None:
        raise NotFound("directory.unknown_employee", employee_id=employee_id)
    if not person.active:
        raise PermissionDenied("directory.person_inactive", employee_id=employee_id)
    holder = directory.person_by_line_user(line_user_id)
    if holder is not None and holder.id != person.id:
        raise DomainError("directory.line_user_taken", employee_id=employee_id)
    if person.line_user_id == line_user_id:
        return directory, ()
    linked: Person = replace(person, line_user_id=line_user_id)
    people = tuple(linked if p.id == person.id else p for p in directory.people)
    change = DirectoryChange(ChangeKind.LINE_USER_LINKED, person.id, line_user_id)
    return replace(directory, people=people), (change,)


def release_inactive(directory: Directory) -> Directory:
    """Take people already inactive out of teams and posts (HR lists lag behind the org chart)."""
    ignored: list[DirectoryChange] = []
    teams, positions = directory.teams, directory.positions
    for person in directory.people:
        if not person.active:
            teams = tuple(_leave_team(t, person.id, ignored) for t in teams)
            positions = tuple(_leave_position(p, person.id, ignored) for p in positions)
    return replace(directory, teams=teams, positions=positions)
