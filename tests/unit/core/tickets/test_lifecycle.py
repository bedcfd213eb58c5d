"""The lifecycle of SERVICE_CATALOG.md section 3: only legal moves, each one audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.errors import DomainError
from core.tickets.lifecycle import LEGAL_TRANSITIONS, can_transition, transition
from core.tickets.model import PendingReason, Ticket, TicketStatus

S = TicketStatus
AT = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def ticket(status: TicketStatus = S.NEW) -> Ticket:
    return Ticket(
        number="IT-2569-000001",
        type_key="repair",
        requester_id="P1",
        title="เครื่องพิมพ์",
        created_at=AT,
        updated_at=AT,
        status=status,
        id=1,
    )


def test_closed_rejected_cancelled_and_merged_are_final() -> None:
    for final in (S.CLOSED, S.REJECTED, S.CANCELLED, S.MERGED):
        assert LEGAL_TRANSITIONS[final] == frozenset()


def test_an_illegal_move_raises_a_stable_code() -> None:
    with pytest.raises(DomainError) as raised:
        transition(ticket(S.CLOSED), S.IN_PROGRESS, actor_id="T1", at=AT)
    assert raised.value.code == "ticket.illegal_transition"


def test_pending_needs_a_reason() -> None:
    with pytest.raises(DomainError) as raised:
        transition(ticket(S.IN_PROGRESS), S.PENDING, actor_id="T1", at=AT)
    assert raised.value.code == "ticket.pending_reason_required"


def test_waiting_for_parts_is_recorded_with_its_reason() -> None:
    changed, entry = transition(
        ticket(S.IN_PROGRESS), S.PENDING, actor_id="T1", at=AT, pending_reason=PendingReason.PARTS
    )
    assert changed.pending_reason is PendingReason.PARTS
    assert entry.before["status"] == "in_progress"
    assert entry.after == {"status": "pending", "pending_reason": "parts", "reopen_count": 0}


def test_still_broken_after_resolve_reopens_and_counts() -> None:
    changed, _ = transition(ticket(S.RESOLVED), S.IN_PROGRESS, actor_id="P1", at=AT)
    assert (changed.status, changed.reopen_count, changed.resolved_at) == (S.IN_PROGRESS, 1, None)


def test_a_requester_can_cancel_before_work_starts_but_not_after() -> None:
    assert can_transition(S.NEW, S.CANCELLED)
    assert can_transition(S.ASSIGNED, S.CANCELLED)
    assert not can_transition(S.IN_PROGRESS, S.CANCELLED)


def test_closing_stamps_the_time() -> None:
    changed, entry = transition(ticket(S.RESOLVED), S.CLOSED, actor_id="P1", at=AT)
    assert changed.closed_at == AT
    assert entry.actor_id == "P1"
