"""Linked and merged tickets: duplicates fold into the original, outage reports into the outage."""

from __future__ import annotations

import pytest

from core.clock import FixedClock
from core.errors import DomainError, ValidationFailed
from core.memory import MemoryUnitOfWork
from core.tickets.links import link_tickets, merge_ticket, merged_into
from core.tickets.model import TicketStatus
from core.tickets.records import LinkKind
from tests.support.desk import TECHNICIAN, open_repair, walk

S = TicketStatus


def two_reports(uow: MemoryUnitOfWork, clock: FixedClock) -> tuple[int, int]:
    first, second = open_repair(uow, clock), open_repair(uow, clock, requester="E1019")
    assert first.id is not None and second.id is not None
    return first.id, second.id


def test_a_duplicate_report_is_merged_into_the_original(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    original, duplicate = two_reports(uow, clock)
    merged = merge_ticket(duplicate, original, actor_id=TECHNICIAN, expected_version=1, uow=uow,
                          clock=clock)
    assert merged.status is S.MERGED
    assert [(k.kind, k.to_ticket_id) for k in uow.links.from_ticket(duplicate)] == [
        (LinkKind.DUPLICATE_OF, original)
    ]


def test_reports_of_an_outage_are_counted_on_it(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    outage, first = two_reports(uow, clock)
    second = open_repair(uow, clock, requester="E1017").id
    assert second is not None
    for report in (first, second):
        merge_ticket(report, outage, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                     clock=clock, kind=LinkKind.CHILD_OF_OUTAGE)
    assert len(merged_into(outage, uow=uow)) == 2


def test_merging_a_ticket_into_itself_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    original, _ = two_reports(uow, clock)
    with pytest.raises(ValidationFailed) as refused:
        merge_ticket(original, original, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                     clock=clock)
    assert refused.value.code == "link.self"


def test_a_ticket_cannot_be_merged_into_one_that_was_merged(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    original, duplicate = two_reports(uow, clock)
    merge_ticket(duplicate, original, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                 clock=clock)
    third = open_repair(uow, clock).id
    assert third is not None
    with pytest.raises(DomainError) as refused:
        merge_ticket(third, duplicate, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                     clock=clock)
    assert refused.value.code == "link.target_merged"


def test_a_resolved_ticket_cannot_be_merged(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    original, duplicate = two_reports(uow, clock)
    walk(uow, clock, uow.tickets.get(duplicate), S.ASSIGNED, S.RESOLVED)
    with pytest.raises(DomainError) as refused:
        merge_ticket(duplicate, original, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                     clock=clock)
    assert refused.value.code == "ticket.illegal_transition"
    assert uow.links.from_ticket(duplicate) == []


def test_a_related_link_leaves_both_tickets_as_they_were(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    first, second = two_reports(uow, clock)
    link_tickets(first, second, "related", actor_id=TECHNICIAN, uow=uow, clock=clock)
    assert [uow.tickets.get(i).status for i in (first, second)] == [S.NEW, S.NEW]
    assert [k.from_ticket_id for k in uow.links.to_ticket(second)] == [first]


def test_the_same_link_twice_is_refused(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    first, second = two_reports(uow, clock)
    link_tickets(first, second, "related", actor_id=TECHNICIAN, uow=uow, clock=clock)
    with pytest.raises(DomainError) as refused:
        link_tickets(first, second, "related", actor_id=TECHNICIAN, uow=uow, clock=clock)
    assert refused.value.code == "link.exists"
