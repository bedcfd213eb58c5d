"""IT works a ticket: takes it, starts, waits with a reason, resumes, resolves."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.directory.demo import load_demo_directory
from core.errors import ConcurrentUpdate, DomainError
from core.memory import MemoryUnitOfWork
from core.tickets.model import PendingReason, TicketStatus
from core.tickets.work import (
    assign_ticket,
    put_on_hold,
    resolve_ticket,
    resume_work,
    start_work,
)
from tests.support.desk import TECHNICIAN, open_repair

DEMO = load_demo_directory()
S = TicketStatus


def test_assigning_a_new_ticket_puts_it_in_a_members_hands(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    team = DEMO.find_team("technicians_1")
    assert team is not None
    assigned = assign_ticket(ticket.id, team, DEMO.person(TECHNICIAN), by_id="E1007",
                             expected_version=1, uow=uow, clock=clock)
    assert (assigned.status, assigned.assignee_id, assigned.team_id) == (
        S.ASSIGNED, TECHNICIAN, "technicians_1",
    )


def test_waiting_for_the_requester_pauses_with_that_reason(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    start_work(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow, clock=clock)
    waiting = put_on_hold(ticket.id, "requester", actor_id=TECHNICIAN, expected_version=None,
                          uow=uow, clock=clock, note="ขอทราบรุ่นเครื่อง")
    assert (waiting.status, waiting.pending_reason) == (S.PENDING, PendingReason.REQUESTER)


def test_resuming_clears_the_reason_for_waiting(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    start_work(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow, clock=clock)
    put_on_hold(ticket.id, PendingReason.VENDOR, actor_id=TECHNICIAN, expected_version=None,
                uow=uow, clock=clock)
    resumed = resume_work(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                          clock=clock)
    assert (resumed.status, resumed.pending_reason) == (S.IN_PROGRESS, None)


def test_resuming_a_ticket_that_is_not_waiting_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(DomainError) as refused:
        resume_work(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow, clock=clock)
    assert refused.value.code == "ticket.not_pending"


def test_resolving_records_when_it_was_fixed(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    start_work(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow, clock=clock)
    resolved = resolve_ticket(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                              clock=clock, note="เปลี่ยนลูกกลิ้งดึงกระดาษ")
    assert (resolved.status, resolved.resolved_at) == (S.RESOLVED, clock.now())


def test_a_change_made_from_an_old_card_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    start_work(ticket.id, actor_id=TECHNICIAN, expected_version=1, uow=uow, clock=clock)
    with pytest.raises(ConcurrentUpdate):
        put_on_hold(ticket.id, "parts", actor_id=TECHNICIAN, expected_version=1, uow=uow,
                    clock=clock)
