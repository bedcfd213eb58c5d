"""Whatever people do to tickets, in any order, the lifecycle and its audit trail stay sound.

Random commands by random people (requesters, a technician, someone unrelated) with cards
that are sometimes stale: every ticket only ever moves along LEGAL_TRANSITIONS, replaying
its audit trail gives its status and reopen count, the trail only grows, and a refused
command leaves everything exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from core.clock import FixedClock
from core.directory.model import Person, Team
from core.errors import DomainError
from core.memory import MemoryUnitOfWork
from core.tickets.cancellation import cancel_ticket
from core.tickets.comments import add_comment
from core.tickets.confirmation import confirm_fixed, rate_service, report_still_broken
from core.tickets.lifecycle import LEGAL_TRANSITIONS
from core.tickets.links import merge_ticket
from core.tickets.model import AuditEntry, PendingReason, TicketStatus
from core.tickets.records import LinkKind
from core.tickets.service import OpenTicket, open_ticket
from core.tickets.work import assign_ticket, put_on_hold, resolve_ticket, resume_work, start_work

REQUESTERS = ("E1018", "E1019")
TECHNICIAN = Person("E1008", "E1008", "นายอนุชา", "ช่างเทคนิค", "SDB")
TEAM = Team("technicians_1", "ฝ่ายบริการ 1", lead_id="E1007", member_ids=("E1008",))
# Who taps, relative to the ticket: mostly the right person, sometimes someone who may not.
WHO = ("requester", "requester", "technician", "technician", "other_requester", "stranger")
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
S = TicketStatus


@dataclass(frozen=True)
class Tap:
    """One person's command on one ticket, as drawn at random."""

    ticket_id: int
    other_id: int
    actor: str
    version: int
    reason: PendingReason
    score: int


Command = Callable[[MemoryUnitOfWork, FixedClock, Tap], object]


def _as_requester(action: Callable[..., object]) -> Command:
    return lambda uow, clock, tap: action(tap.ticket_id, requester_id=tap.actor,
                                          expected_version=tap.version, uow=uow, clock=clock)


def _as_worker(action: Callable[..., object]) -> Command:
    return lambda uow, clock, tap: action(tap.ticket_id, actor_id=tap.actor,
                                          expected_version=tap.version, uow=uow, clock=clock)


COMMANDS: dict[str, Command] = {
    "assign": lambda uow, clock, tap: assign_ticket(
        tap.ticket_id, TEAM, TECHNICIAN, by_id=tap.actor, expected_version=tap.version,
        uow=uow, clock=clock),
    "start": _as_worker(start_work),
    "pend": lambda uow, clock, tap: put_on_hold(
        tap.ticket_id, tap.reason, actor_id=tap.actor, expected_version=tap.version, uow=uow,
        clock=clock),
    "resume": _as_worker(resume_work),
    "resolve": _as_worker(resolve_ticket),
    "confirm": _as_requester(confirm_fixed),
    "still_broken": _as_requester(report_still_broken),
    "cancel": _as_requester(cancel_ticket),
    "comment": lambda uow, clock, tap: add_comment(
        tap.ticket_id, tap.actor, "ขอสอบถามความคืบหน้า", uow=uow, clock=clock,
        internal=tap.score % 2 == 0),
    "rate": lambda uow, clock, tap: rate_service(
        tap.ticket_id, tap.score, requester_id=tap.actor, expected_version=tap.version,
        uow=uow, clock=clock),
    "merge": lambda uow, clock, tap: merge_ticket(
        tap.ticket_id, tap.other_id, actor_id=tap.actor, expected_version=tap.version, uow=uow,
        clock=clock, kind=LinkKind.CHILD_OF_OUTAGE if tap.score > 3 else LinkKind.DUPLICATE_OF),
}


def status_trail(entries: list[AuditEntry]) -> list[AuditEntry]:
    return [e for e in entries if e.action in ("opened", "status")]


class HelpDesk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.uow = MemoryUnitOfWork()
        self.clock = FixedClock(START)
        self.ids: list[int] = []

    @precondition(lambda self: len(self.ids) < 3)
    @rule(requester=st.sampled_from(REQUESTERS))
    def open_a_ticket(self, requester: str) -> None:
        cmd = OpenTicket(type_key="repair", requester_id=requester, title="จอไม่ติด")
        ticket = open_ticket(cmd, uow=self.uow, clock=self.clock)
        assert ticket.id is not None
        self.ids.append(ticket.id)

    @precondition(lambda self: bool(self.ids))
    @rule(
        name=st.sampled_from(sorted(COMMANDS)),
        pick=st.integers(0, 20),
        other=st.integers(0, 20),
        who=st.sampled_from(WHO),
        drift=st.sampled_from([0] * 8 + [-1, 1]),
        reason=st.sampled_from(PendingReason),
        score=st.integers(0, 6),
    )
    def someone_acts(self, name: str, pick: int, other: int, who: str, drift: int,
                     reason: PendingReason, score: int) -> None:
        ticket = self.uow.tickets.get(self.ids[pick % len(self.ids)])
        assert ticket.id is not None
        actor = self._person(who, ticket.requester_id)
        tap = Tap(ticket.id, self.ids[other % len(self.ids)], actor, ticket.version + drift,
                  reason, score)
        self.clock.advance(timedelta(minutes=7))
        before = self.uow.snapshot()
        trail = list(self.uow.audit.entries)
        try:
            COMMANDS[name](self.uow, self.clock, tap)
        except DomainError as refusal:
            event(f"{name} refused: {refusal.code}")
            assert self.uow.snapshot() == before, f"refused {name} changed something"
            return
        event(f"{name} done")
        assert self.uow.audit.entries[: len(trail)] == trail, "the audit trail lost an entry"

    @invariant()
    def every_ticket_moved_only_along_legal_transitions(self) -> None:
        for ticket_id in self.ids:
            statuses = [S(e.after["status"]) for e in self._trail(ticket_id)]
            assert statuses[0] is S.NEW
            for was, now in pairwise(statuses):
                assert now in LEGAL_TRANSITIONS[was], f"{was} -> {now}"

    @invariant()
    def the_audit_trail_replays_to_each_tickets_status(self) -> None:
        for ticket_id in self.ids:
            ticket = self.uow.tickets.get(ticket_id)
            trail = self._trail(ticket_id)
            statuses = [S(e.after["status"]) for e in trail]
            reopened = sum(
                1 for was, now in pairwise(statuses)
                if (was, now) == (S.RESOLVED, S.IN_PROGRESS)
            )
            assert (statuses[-1], reopened) == (ticket.status, ticket.reopen_count)
            last_reason = trail[-1].after.get("pending_reason")
            assert last_reason == (ticket.pending_reason.value if ticket.pending_reason else None)

    @staticmethod
    def _person(who: str, requester_id: str) -> str:
        other = next(r for r in REQUESTERS if r != requester_id)
        return {"requester": requester_id, "technician": TECHNICIAN.id,
                "other_requester": other}.get(who, "E1020")

    def _trail(self, ticket_id: int) -> list[AuditEntry]:
        return status_trail(list(self.uow.audit.for_ticket(ticket_id)))


def test_random_commands_keep_tickets_legal_audited_and_refusals_harmless() -> None:
    run_state_machine_as_test(
        HelpDesk, settings=settings(max_examples=150, stateful_step_count=50, deadline=None)
    )
