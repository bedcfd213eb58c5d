"""Resolved tickets nobody confirmed close by themselves after three business days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.clock import FixedClock
from core.memory import MemoryUnitOfWork
from core.tickets.auto_close import auto_close, confirmation_deadline
from core.tickets.calendar import BusinessCalendar
from core.tickets.catalogue_loader import load_catalogue
from core.tickets.model import SYSTEM_ACTOR, Ticket, TicketStatus
from core.tickets.service import OpenTicket, open_ticket
from tests.support.desk import resolved_repair, walk

CATALOGUE = load_catalogue(None)
CALENDAR = BusinessCalendar()
# Thursday 2 April 2026, 10:00 in Bangkok. Monday 6 April is Chakri Day, a public holiday.
THURSDAY_10_00 = datetime(2026, 4, 2, 3, 0, tzinfo=UTC)
WEDNESDAY_10_00 = datetime(2026, 4, 8, 3, 0, tzinfo=UTC)
S = TicketStatus


def run_auto_close(uow: MemoryUnitOfWork, at: datetime) -> list[Ticket]:
    return auto_close(uow=uow, clock=FixedClock(at), calendar=CALENDAR, catalogue=CATALOGUE)


def test_auto_close_after_3_business_days_skips_a_weekend_and_a_thai_holiday() -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, FixedClock(THURSDAY_10_00))
    assert confirmation_deadline(ticket, CATALOGUE, CALENDAR) == WEDNESDAY_10_00
    assert [t.number for t in run_auto_close(uow, WEDNESDAY_10_00)] == [ticket.number]


def test_a_resolved_ticket_waits_until_its_third_business_day_is_over() -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, FixedClock(THURSDAY_10_00))
    assert ticket.id is not None
    assert run_auto_close(uow, WEDNESDAY_10_00 - timedelta(minutes=1)) == []
    assert uow.tickets.get(ticket.id).status is S.RESOLVED


def test_an_auto_closed_ticket_is_closed_by_the_system() -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, FixedClock(THURSDAY_10_00))
    assert ticket.id is not None
    run_auto_close(uow, WEDNESDAY_10_00)
    last = uow.audit.for_ticket(ticket.id)[-1]
    assert (last.actor_id, last.after["status"], last.after["note"]) == (
        SYSTEM_ACTOR, "closed", "auto_closed",
    )


def test_a_ticket_reopened_by_its_requester_is_not_closed() -> None:
    uow = MemoryUnitOfWork()
    clock = FixedClock(THURSDAY_10_00)
    ticket = walk(uow, clock, resolved_repair(uow, clock), S.IN_PROGRESS)
    assert ticket.id is not None
    assert run_auto_close(uow, WEDNESDAY_10_00 + timedelta(days=30)) == []
    assert uow.tickets.get(ticket.id).status is S.IN_PROGRESS


def test_a_type_with_its_own_waiting_time_keeps_to_it() -> None:
    uow = MemoryUnitOfWork()
    clock = FixedClock(THURSDAY_10_00)
    cmd = OpenTicket(type_key="system_problem", requester_id="E1018", title="รายงานไม่แสดงผล")
    ticket = walk(uow, clock, open_ticket(cmd, uow=uow, clock=clock), S.ASSIGNED, S.RESOLVED)
    assert CATALOGUE.type("system_problem").closing.auto_close_after.amount == 5
    assert run_auto_close(uow, WEDNESDAY_10_00) == []
    assert confirmation_deadline(ticket, CATALOGUE, CALENDAR) == datetime(
        2026, 4, 10, 3, 0, tzinfo=UTC
    )


def test_a_type_the_catalogue_no_longer_lists_waits_three_business_days() -> None:
    uow = MemoryUnitOfWork()
    clock = FixedClock(THURSDAY_10_00)
    cmd = OpenTicket(type_key="retired_type", requester_id="E1018", title="งานเก่า")
    ticket = walk(uow, clock, open_ticket(cmd, uow=uow, clock=clock), S.ASSIGNED, S.RESOLVED)
    assert confirmation_deadline(ticket, CATALOGUE, CALENDAR) == WEDNESDAY_10_00
