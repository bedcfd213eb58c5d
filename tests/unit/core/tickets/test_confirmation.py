"""The end of a ticket as the requester sees it: confirm, still broken, rate the service."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.errors import DomainError, PermissionDenied, ValidationFailed
from core.memory import MemoryUnitOfWork
from core.tickets.confirmation import confirm_fixed, rate_service, report_still_broken
from core.tickets.model import TicketStatus
from tests.support.desk import REQUESTER, open_repair, resolved_repair, walk

S = TicketStatus


def test_the_requester_confirming_the_fix_closes_the_ticket(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    closed = confirm_fixed(ticket.id, requester_id=REQUESTER, expected_version=ticket.version,
                           uow=uow, clock=clock)
    assert (closed.status, closed.closed_at) == (S.CLOSED, clock.now())


def test_still_broken_reopens_the_ticket_and_counts_it(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    reopened = report_still_broken(ticket.id, requester_id=REQUESTER, expected_version=None,
                                   uow=uow, clock=clock, note="ยังพิมพ์ไม่ออก")
    assert (reopened.status, reopened.reopen_count) == (S.IN_PROGRESS, 1)
    assert uow.audit.for_ticket(ticket.id)[-1].after["note"] == "ยังพิมพ์ไม่ออก"


def test_only_the_requester_confirms_the_fix(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(PermissionDenied) as refused:
        confirm_fixed(ticket.id, requester_id="E1008", expected_version=None, uow=uow,
                      clock=clock)
    assert refused.value.code == "ticket.not_requester"


def test_a_ticket_still_being_worked_on_cannot_be_confirmed(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), S.ASSIGNED, S.IN_PROGRESS)
    assert ticket.id is not None
    with pytest.raises(DomainError) as refused:
        confirm_fixed(ticket.id, requester_id=REQUESTER, expected_version=None, uow=uow,
                      clock=clock)
    assert refused.value.code == "ticket.not_resolved"


def test_a_rating_before_resolve_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), S.ASSIGNED, S.IN_PROGRESS)
    assert ticket.id is not None
    with pytest.raises(DomainError) as refused:
        rate_service(ticket.id, 5, requester_id=REQUESTER, uow=uow, clock=clock)
    assert refused.value.code == "rating.not_resolved"
    assert uow.tickets.get(ticket.id).rating is None


def test_a_rating_after_resolve_is_kept_with_its_comment(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    rated = rate_service(ticket.id, 4, requester_id=REQUESTER, uow=uow, clock=clock,
                         comment=" ช่างมาเร็ว ")
    assert (rated.rating, rated.rating_comment) == (4, "ช่างมาเร็ว")
    assert uow.audit.for_ticket(ticket.id)[-1].action == "rated"


def test_a_second_rating_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    rate_service(ticket.id, 2, requester_id=REQUESTER, uow=uow, clock=clock)
    with pytest.raises(DomainError) as refused:
        rate_service(ticket.id, 5, requester_id=REQUESTER, uow=uow, clock=clock)
    assert refused.value.code == "rating.already_given"
    assert uow.tickets.get(ticket.id).rating == 2


def test_only_the_requester_rates_the_service(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(PermissionDenied):
        rate_service(ticket.id, 5, requester_id="E1008", uow=uow, clock=clock)


@pytest.mark.parametrize("score", [0, 6, -1])
def test_a_rating_outside_one_to_five_is_refused(clock: FixedClock, score: int) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(ValidationFailed) as refused:
        rate_service(ticket.id, score, requester_id=REQUESTER, uow=uow, clock=clock)
    assert refused.value.code == "rating.out_of_range"


def test_a_closed_ticket_may_still_be_rated(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = resolved_repair(uow, clock)
    assert ticket.id is not None
    confirm_fixed(ticket.id, requester_id=REQUESTER, expected_version=None, uow=uow, clock=clock)
    assert rate_service(ticket.id, 5, requester_id=REQUESTER, uow=uow, clock=clock).rating == 5
