"""Who may see and do what with a ticket: pure predicates, and the scope of a ticket list."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from core.directory.directory import Directory
from core.directory.model import Person, Role
from core.tickets.approval_state import Approval
from core.tickets.assignment import CLAIMABLE
from core.tickets.model import Ticket, TicketStatus


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SEND_BACK = "send_back"
    CLAIM = "claim"
    START = "start"
    ASK_REQUESTER = "ask_requester"
    PEND = "pend"
    RESOLVE = "resolve"
    REASSIGN = "reassign"
    CANCEL = "cancel"
    CONFIRM = "confirm"
    REOPEN = "reopen"
    RATE = "rate"
    COMMENT = "comment"


APPROVAL_ACTIONS = frozenset({Action.APPROVE, Action.REJECT, Action.SEND_BACK})
WORK_ACTIONS = frozenset({Action.START, Action.ASK_REQUESTER, Action.PEND, Action.RESOLVE})
# SERVICE_CATALOG.md section 3: the requester may cancel only before work starts.
BEFORE_WORK = frozenset(
    {TicketStatus.NEW, TicketStatus.AWAITING_APPROVAL, TicketStatus.APPROVED, TicketStatus.ASSIGNED}
)
SEE_EVERYTHING = frozenset({Role.ADMIN, Role.SERVICE_DESK})


def can_view(
    person: Person, ticket: Ticket, directory: Directory, approval: Approval | None = None
) -> bool:
    """Requester, heads of the ticket's unit, its team, its approvers, service desk, admin."""
    if not person.active:
        return False
    if person.id in (ticket.requester_id, ticket.assignee_id):
        return True
    if any(person.has_role(role) for role in SEE_EVERYTHING):
        return True
    if _in_team(person, ticket, directory):
        return True
    if _unit_of(ticket, directory) in directory.units_headed_by(person.id):
        return True
    return approval is not None and any(person.id in s.deciders for s in approval.steps)


def can_act(
    person: Person,
    ticket: Ticket,
    action: Action | str,
    directory: Directory,
    approval: Approval | None = None,
) -> bool:
    """Whether this person may take this action on the ticket now."""
    action = Action(action)
    if not person.active:
        return False
    if action in APPROVAL_ACTIONS:
        return approval is not None and approval.waiting_for(person.id)
    if action in (Action.CANCEL, Action.CONFIRM, Action.REOPEN, Action.RATE):
        return person.id == ticket.requester_id and _requester_may(action, ticket)
    if action is Action.COMMENT:
        return ticket.is_open and can_view(person, ticket, directory, approval)
    if not ticket.is_open or ticket.status is TicketStatus.AWAITING_APPROVAL:
        return False
    if action is Action.CLAIM:
        claimable = ticket.assignee_id is None and ticket.status in CLAIMABLE
        return claimable and _in_team(person, ticket, directory)
    if action in WORK_ACTIONS:
        return person.id == ticket.assignee_id or _in_team(person, ticket, directory)
    return _may_reassign(person, ticket, directory)


def _requester_may(action: Action, ticket: Ticket) -> bool:
    if action is Action.CANCEL:
        return ticket.status in BEFORE_WORK
    if action is Action.RATE:
        return ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED) and not ticket.rating
    return ticket.status is TicketStatus.RESOLVED


def _may_reassign(person: Person, ticket: Ticket, directory: Directory) -> bool:
    team = directory.find_team(ticket.team_id)
    leads_team = team is not None and team.lead_id == person.id
    return leads_team or any(person.has_role(role) for role in SEE_EVERYTHING)


def can_announce(person: Person) -> bool:
    """Outages, DR and maintenance notices come only from announcers and admins."""
    return person.has_role(Role.ANNOUNCER) or person.has_role(Role.ADMIN)


def _in_team(person: Person, ticket: Ticket, directory: Directory) -> bool:
    team = directory.find_team(ticket.team_id)
    return team is not None and team.includes(person.id)


def _unit_of(ticket: Ticket, directory: Directory) -> str | None:
    if ticket.unit_id:
        return ticket.unit_id
    requester = directory.find_person(ticket.requester_id)
    return requester.unit_id if requester else None


@dataclass(frozen=True)
class TicketScope:
    """Which tickets a person's lists may show; a repository turns it into a WHERE clause.

    A ticket is in scope when any part matches: everything, or its requester / assignee is
    `person_id`, its unit is in `unit_ids`, or its team is in `team_keys`. Tickets someone
    must approve are listed from the approvals, not from this scope.
    """

    person_id: str | None
    everything: bool = False
    unit_ids: frozenset[str] = frozenset()
    team_keys: frozenset[str] = frozenset()

    @property
    def kind(self) -> Literal["all", "units", "teams", "own", "none"]:
        if self.everything:
            return "all"
        if self.unit_ids:
            return "units"
        if self.team_keys:
            return "teams"
        return "own" if self.person_id else "none"

    def includes(self, ticket: Ticket) -> bool:
        own = self.person_id is not None and self.person_id in (
            ticket.requester_id,
            ticket.assignee_id,
        )
        return (
            self.everything
            or own
            or ticket.unit_id in self.unit_ids
            or ticket.team_id in self.team_keys
        )


def visible_ticket_filter(person: Person, directory: Directory) -> TicketScope:
    """The scope of ticket lists for this person (000:L56: units see their own, IT its queue)."""
    if not person.active:
        return TicketScope(person_id=None)
    return TicketScope(
        person_id=person.id,
        everything=any(person.has_role(role) for role in SEE_EVERYTHING),
        unit_ids=directory.units_headed_by(person.id),
        team_keys=frozenset(t.key for t in directory.teams_of(person.id)),
    )
