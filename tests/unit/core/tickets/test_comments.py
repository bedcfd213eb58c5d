"""Comments on a ticket: kept, audited, and internal notes hidden from the requester."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.errors import DomainError, PermissionDenied, ValidationFailed
from core.memory import MemoryUnitOfWork
from core.tickets.comments import MAX_COMMENT, add_comment, comments_for
from core.tickets.model import TicketStatus
from tests.support.desk import REQUESTER, TECHNICIAN, open_repair, walk


def test_a_comment_is_kept_and_audited(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    comment = add_comment(ticket.id, REQUESTER, " เครื่องอยู่ห้อง 302 ", uow=uow, clock=clock)
    assert [c.body for c in uow.comments.for_ticket(ticket.id)] == ["เครื่องอยู่ห้อง 302"]
    assert uow.audit.for_ticket(ticket.id)[-1].after == {"comment_id": comment.id,
                                                         "internal": False}


def test_an_empty_comment_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(ValidationFailed) as refused:
        add_comment(ticket.id, REQUESTER, "   ", uow=uow, clock=clock)
    assert refused.value.code == "comment.empty"


def test_a_comment_longer_than_the_limit_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(ValidationFailed) as refused:
        add_comment(ticket.id, REQUESTER, "ก" * (MAX_COMMENT + 1), uow=uow, clock=clock)
    assert refused.value.code == "comment.too_long"


def test_the_requester_cannot_write_internal_notes(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    with pytest.raises(PermissionDenied):
        add_comment(ticket.id, REQUESTER, "โน้ต", uow=uow, clock=clock, internal=True)


def test_the_requesters_view_leaves_internal_notes_out(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock)
    assert ticket.id is not None
    add_comment(ticket.id, TECHNICIAN, "รอใบเสนอราคา", uow=uow, clock=clock, internal=True)
    add_comment(ticket.id, TECHNICIAN, "จะเข้าไปดูบ่ายนี้", uow=uow, clock=clock)
    seen = comments_for(ticket.id, uow=uow, include_internal=False)
    assert [c.body for c in seen] == ["จะเข้าไปดูบ่ายนี้"]


def test_a_closed_ticket_takes_no_more_comments(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), TicketStatus.CANCELLED)
    assert ticket.id is not None
    with pytest.raises(DomainError) as refused:
        add_comment(ticket.id, REQUESTER, "ขอบคุณ", uow=uow, clock=clock)
    assert refused.value.code == "comment.ticket_finished"
