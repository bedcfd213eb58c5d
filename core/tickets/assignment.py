"""Who works on a ticket: routing to a team, round-robin choice, claiming and reassigning."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from core.directory.directory import Directory
from core.directory.model import Person, Team
from core.errors import ConcurrentUpdate, DomainError, PermissionDenied
from core.tickets.lifecycle import transition
from core.tickets.model import AuditEntry, Ticket, TicketStatus

# A ticket may be claimed once it needs no more approval and nobody holds it yet.
CLAIMABLE = frozenset({TicketStatus.NEW, TicketStatus.APPROVED, TicketStatus.ASSIGNED})
# Reassigning also moves work already started; a finished ticket stays with whoever did it.
REASSIGNABLE = CLAIMABLE | {TicketStatus.IN_PROGRESS, TicketStatus.PENDING}

Assigned = tuple[Ticket, tuple[AuditEntry, ...]]


def route_team(
    type_key: str,
    category: str | None,
    unit_id: str | None,
    directory: Directory,
    default_team_key: str | None = None,
) -> Team:
    """The team for a request: one serving its category, else its type, in the requester's area.

    A team with no areas serves everywhere; one with areas serves only those. When no team
    lists the request, the catalogue's default team key decides, and a default such as
    "technicians" also matches area teams named "technicians_1", "technicians_2"…
    """
    area = directory.area_of(unit_id)
    ranked = [
        ((2 if category and category in team.categories else 1), _area_rank(team, area), team)
        for team in directory.teams
        if (category and category in team.categories) or type_key in team.categories
    ]
    ranked = [entry for entry in ranked if entry[1] >= 0]
    if ranked:
        return max(ranked, key=lambda entry: entry[:2])[2]
    fallback = _default_team(directory, default_team_key, area)
    if fallback is None:
        raise DomainError("assignment.no_team", type_key=type_key, category=category)
    return fallback


def missing_teams(team_keys: Iterable[str], directory: Directory) -> frozenset[str]:
    """Team keys (e.g. the catalogue's) that route to no team of the directory: a start-up check."""
    return frozenset(key for key in team_keys if _default_team(directory, key, None) is None)


def _area_rank(team: Team, area: str | None) -> int:
    """1: serves this area by name; 0: serves everywhere (or the area is unknown); -1: not here."""
    if not team.areas or area is None:
        return 0
    return 1 if area in team.areas else -1


def _default_team(directory: Directory, key: str | None, area: str | None) -> Team | None:
    if not key:
        return None
    exact = directory.find_team(key)
    if exact is not None:
        return exact
    family = [t for t in directory.teams if t.key.startswith(f"{key}_")]
    suited = [t for t in family if _area_rank(t, area) >= 0]
    return max(suited, key=lambda t: _area_rank(t, area), default=None)


def assign_round_robin(
    team: Team, open_counts: Mapping[str, int], last_assigned: str | None
) -> str:
    """The member with the fewest open tickets; a tie goes to the next one after the last pick."""
    members = team.member_ids
    if not members:
        raise DomainError("assignment.team_empty", team=team.key)
    start = members.index(last_assigned) + 1 if last_assigned in members else 0
    rotation = members[start:] + members[:start]
    fewest = min(open_counts.get(m, 0) for m in members)
    return next(m for m in rotation if open_counts.get(m, 0) == fewest)


def claim(
    ticket: Ticket, person: Person, expected_version: int, *, team: Team, at: datetime
) -> Assigned:
    """A team member takes the ticket: the first claim wins, the second is told who has it."""
    if ticket.assignee_id == person.id:
        return ticket, ()
    if ticket.assignee_id is not None:
        raise DomainError(
            "assignment.already_claimed", number=ticket.number, assignee_id=ticket.assignee_id
        )
    _check_version(ticket, expected_version)
    if ticket.team_id is not None and ticket.team_id != team.key:
        raise PermissionDenied("assignment.not_team_member", person_id=person.id, team=team.key)
    if ticket.status not in CLAIMABLE:
        raise DomainError("assignment.not_claimable", number=ticket.number, status=ticket.status)
    return assign(ticket, team, person, by_id=person.id, at=at, action="claimed")


def reassign(
    ticket: Ticket,
    to: Person,
    expected_version: int,
    *,
    team: Team,
    by_id: str,
    at: datetime,
    reason: str | None = None,
) -> Assigned:
    """Give the ticket to another person, possibly of another team (a team lead's move)."""
    _check_version(ticket, expected_version)
    if ticket.status not in REASSIGNABLE:
        raise DomainError("assignment.not_reassignable", number=ticket.number, status=ticket.status)
    if ticket.assignee_id == to.id and ticket.team_id == team.key:
        return ticket, ()
    return assign(ticket, team, to, by_id=by_id, at=at, action="reassigned", reason=reason)


def assign(
    ticket: Ticket,
    team: Team,
    person: Person,
    *,
    by_id: str,
    at: datetime,
    action: str = "assigned",
    reason: str | None = None,
) -> Assigned:
    """Put a ticket in a member's hands, moving a new or approved one to `assigned`."""
    if not person.active:
        raise PermissionDenied("assignment.person_inactive", person_id=person.id)
    if not team.includes(person.id):
        raise PermissionDenied("assignment.not_team_member", person_id=person.id, team=team.key)
    entries: list[AuditEntry] = []
    changed = ticket
    if ticket.status in (TicketStatus.NEW, TicketStatus.APPROVED):
        changed, entry = transition(ticket, TicketStatus.ASSIGNED, actor_id=by_id, at=at)
        entries.append(entry)
    changed = replace(changed, assignee_id=person.id, team_id=team.key, updated_at=at)
    entries.append(_audit(ticket, changed, by_id, at, action, reason))
    return changed, tuple(entries)


def unassign_on_deactivation(
    tickets: Iterable[Ticket], person_id: str, *, at: datetime, by_id: str
) -> tuple[Assigned, ...]:
    """Open tickets held by someone who left go back to their team's queue (000:L94)."""
    released = []
    for ticket in tickets:
        if ticket.assignee_id != person_id or not ticket.is_open:
            continue
        changed = replace(ticket, assignee_id=None, updated_at=at)
        entry = _audit(ticket, changed, by_id, at, "unassigned", "person_deactivated")
        released.append((changed, (entry,)))
    return tuple(released)


def _check_version(ticket: Ticket, expected_version: int) -> None:
    if ticket.version != expected_version:
        raise ConcurrentUpdate(number=ticket.number)


def _audit(
    before: Ticket, after: Ticket, by_id: str, at: datetime, action: str, reason: str | None
) -> AuditEntry:
    assert before.id is not None, "only a stored ticket is assigned"
    was = {"assignee_id": before.assignee_id, "team_id": before.team_id}
    now = {"assignee_id": after.assignee_id, "team_id": after.team_id}
    if reason:
        now["reason"] = reason
    return AuditEntry(before.id, at, by_id, action, was, now)
