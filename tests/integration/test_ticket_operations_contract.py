"""One contract for comments, attachments, links, approvals and ticket queries on every store."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from core.clock import FixedClock
from core.errors import ConcurrentUpdate, DomainError, NotFound
from core.memory import MemoryUnitOfWork
from core.ports import UnitOfWork
from core.sql.uow import SqlUnitOfWork
from core.tickets.approvals import Approval, ApprovalStep, decide, mark_reminded
from core.tickets.durations import Duration
from core.tickets.model import Ticket, TicketStatus
from core.tickets.records import Attachment, AttachmentKind, Comment, LinkKind, TicketLink
from core.tickets.service import OpenTicket, open_ticket
from tests.support import databases
from tests.support.databases import database_engine

UowFactory = Callable[[], UnitOfWork]
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


@pytest.fixture(params=["memory", *databases.DATABASES])
def new_uow(request: pytest.FixtureRequest, tmp_path: Path,
            pg_reason: str | None) -> Iterator[UowFactory]:
    if request.param == "memory":
        shared = MemoryUnitOfWork()
        yield lambda: shared
        return
    with database_engine(request.param, tmp_path, pg_reason) as engine:
        sessions: list[Session] = []

        def make() -> UnitOfWork:
            sessions.append(Session(engine))
            return SqlUnitOfWork(sessions[-1])

        yield make
        for session in sessions:
            session.close()


def stored_ticket(uow: UnitOfWork, clock: FixedClock, **changes: Any) -> Ticket:
    cmd = OpenTicket(type_key="repair", requester_id="E1018", title="จอไม่ติด",
                     asset_no="MN-001", category="monitor")
    ticket = open_ticket(replace(cmd, **changes), uow=uow, clock=clock)
    assert ticket.id is not None
    return ticket


def photo(ticket_id: int, clock: FixedClock, message_id: str | None = "5000000001") -> Attachment:
    return Attachment(ticket_id, AttachmentKind.PHOTO, "image/jpeg", 2048, SHA,
                      f"9f/86/{SHA}", "E1018", clock.now(), message_id)


def approval_for(ticket_id: int, clock: FixedClock) -> Approval:
    now = clock.now()
    return Approval(ticket_id, (
        ApprovalStep(0, "supervisor", "one", ("E1017", "E1002"), approvers="supervisor",
                     due=Duration.parse("1 business_days"), opened_at=now,
                     due_at=now + timedelta(days=1)),
        ApprovalStep(1, "it_director", "all", ("E1003",), approvers="position:it_director",
                     due=Duration.parse("3 business_days")),
    ))


def test_comments_read_back_oldest_first(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    first = uow.comments.add(Comment(ticket_id, "E1018", "อยู่ห้อง 302", clock.now()))
    second = uow.comments.add(Comment(ticket_id, "E1008", "รออะไหล่", clock.now(), internal=True))
    uow.commit()
    assert new_uow().comments.for_ticket(ticket_id) == [first, second]


def test_an_attachment_reads_back_equal(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    stored = uow.attachments.add(photo(ticket_id, clock))
    uow.commit()
    again = new_uow()
    assert again.attachments.for_ticket(ticket_id) == [stored]
    assert again.attachments.find_by_message(ticket_id, "5000000001") == stored


def test_a_second_file_from_the_same_line_message_never_replaces_the_first(
    new_uow: UowFactory, clock: FixedClock
) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    first = uow.attachments.add(photo(ticket_id, clock))
    with pytest.raises(DomainError) as refused:
        uow.attachments.add(replace(photo(ticket_id, clock), size=1, sha256="0" * 64))
    assert refused.value.code == "attachment.duplicate"
    uow.commit()
    assert new_uow().attachments.for_ticket(ticket_id) == [first]


def test_the_same_bytes_attached_twice_are_two_records(new_uow: UowFactory,
                                                       clock: FixedClock) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    uow.attachments.add(photo(ticket_id, clock, None))
    uow.attachments.add(photo(ticket_id, clock, None))
    uow.commit()
    assert len({a.id for a in new_uow().attachments.for_ticket(ticket_id)}) == 2


def test_links_read_back_from_both_ends(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    old, new = stored_ticket(uow, clock).id or 0, stored_ticket(uow, clock).id or 0
    link = uow.links.add(TicketLink(new, old, LinkKind.PREVIOUS_REPAIR, "system", clock.now()))
    uow.commit()
    again = new_uow()
    assert (again.links.from_ticket(new), again.links.to_ticket(old)) == ([link], [link])
    assert again.links.from_ticket(old) == []


def test_the_same_link_twice_is_refused(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    a, b = stored_ticket(uow, clock).id or 0, stored_ticket(uow, clock).id or 0
    uow.links.add(TicketLink(a, b, LinkKind.RELATED, "E1008", clock.now()))
    with pytest.raises(DomainError):
        uow.links.add(TicketLink(a, b, LinkKind.RELATED, "E1008", clock.now()))


def test_subtasks_statuses_and_assets_are_found(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    parent = stored_ticket(uow, clock, asset_no=None)
    child = stored_ticket(uow, clock, parent_id=parent.id, team_id="its")
    other_asset = stored_ticket(uow, clock, asset_no="PR-9")
    uow.commit()
    again = new_uow()
    assert [t.number for t in again.tickets.children(parent.id or 0)] == [child.number]
    assert [t.number for t in again.tickets.by_asset("MN-001")] == [child.number]
    everything = [parent.number, child.number, other_asset.number]
    assert [t.number for t in again.tickets.with_status(TicketStatus.NEW)] == everything


def test_an_approval_reads_back_equal(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    loaded = uow.approvals.add(approval_for(ticket_id, clock))
    decided, _ = decide(loaded, 0, "E1017", "approve", None, 1, clock.now())
    uow.approvals.save(decided, loaded=loaded)
    uow.commit()
    assert new_uow().approvals.get(ticket_id) == decided


def test_a_ticket_has_one_approval_record(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    ticket_id = stored_ticket(uow, clock).id or 0
    uow.approvals.add(approval_for(ticket_id, clock))
    with pytest.raises(DomainError) as refused:
        uow.approvals.add(approval_for(ticket_id, clock))
    assert refused.value.code == "approval.exists"


def test_a_missing_approval_is_not_found(new_uow: UowFactory) -> None:
    uow = new_uow()
    assert uow.approvals.find(404) is None
    with pytest.raises(NotFound):
        uow.approvals.get(404)


def test_two_approvers_tapping_the_same_card_in_two_sessions_one_decision_counts(
    new_uow: UowFactory, clock: FixedClock
) -> None:
    setup = new_uow()
    ticket_id = stored_ticket(setup, clock).id or 0
    setup.approvals.add(approval_for(ticket_id, clock))
    setup.commit()
    first, second = new_uow(), new_uow()
    card_one, card_two = first.approvals.get(ticket_id), second.approvals.get(ticket_id)
    approved, _ = decide(card_one, 0, "E1017", "approve", None, 1, clock.now())
    rejected, _ = decide(card_two, 0, "E1002", "reject", "งบไม่พอ", 1, clock.now())
    first.approvals.save(approved, loaded=card_one)
    first.commit()
    with pytest.raises(ConcurrentUpdate):
        second.approvals.save(rejected, loaded=card_two)
    second.rollback()
    assert new_uow().approvals.get(ticket_id) == approved


def test_a_reminder_saved_before_a_decision_is_not_undone_by_it(
    new_uow: UowFactory, clock: FixedClock
) -> None:
    setup = new_uow()
    ticket_id = stored_ticket(setup, clock).id or 0
    setup.approvals.add(approval_for(ticket_id, clock))
    setup.commit()
    scanner, approver = new_uow(), new_uow()
    seen_by_scanner, card = scanner.approvals.get(ticket_id), approver.approvals.get(ticket_id)
    reminded_at = clock.now() + timedelta(hours=1)
    scanner.approvals.save(mark_reminded(seen_by_scanner, 0, reminded_at), loaded=seen_by_scanner)
    scanner.commit()
    decided, _ = decide(card, 0, "E1017", "approve", None, 1, clock.now())
    approver.approvals.save(decided, loaded=card)
    approver.commit()
    stored = new_uow().approvals.get(ticket_id).steps[0]
    assert (stored.status.value, stored.reminded_at) == ("approved", reminded_at)


def test_only_approvals_with_an_open_step_are_waiting(new_uow: UowFactory,
                                                      clock: FixedClock) -> None:
    uow = new_uow()
    waiting, finished = stored_ticket(uow, clock).id or 0, stored_ticket(uow, clock).id or 0
    uow.approvals.add(approval_for(waiting, clock))
    loaded = uow.approvals.add(approval_for(finished, clock))
    rejected, _ = decide(loaded, 0, "E1017", "reject", "ไม่อนุมัติ", 1, clock.now())
    uow.approvals.save(rejected, loaded=loaded)
    uow.commit()
    assert [a.ticket_id for a in new_uow().approvals.waiting()] == [waiting]


def test_a_rollback_forgets_comments_links_and_approvals(new_uow: UowFactory,
                                                         clock: FixedClock) -> None:
    uow = new_uow()
    a, b = stored_ticket(uow, clock).id or 0, stored_ticket(uow, clock).id or 0
    uow.commit()
    uow.comments.add(Comment(a, "E1018", "ทดสอบ", clock.now()))
    uow.links.add(TicketLink(a, b, LinkKind.RELATED, "E1008", clock.now()))
    uow.approvals.add(approval_for(a, clock))
    uow.rollback()
    again = new_uow()
    assert (again.comments.for_ticket(a), again.links.from_ticket(a)) == ([], [])
    assert again.approvals.find(a) is None


def test_concurrent_taps_on_one_approval_card_record_exactly_one_decision(
    engine: sa.Engine, clock: FixedClock
) -> None:
    with Session(engine) as session:
        uow = SqlUnitOfWork(session)
        ticket_id = stored_ticket(uow, clock).id or 0
        uow.approvals.add(approval_for(ticket_id, clock))
        uow.commit()
    both_loaded = threading.Barrier(2, timeout=30)

    def tap(approver_id: str) -> str:
        with Session(engine) as session:
            uow = SqlUnitOfWork(session)
            card = uow.approvals.get(ticket_id)
            both_loaded.wait()
            decided, _ = decide(card, 0, approver_id, "approve", None, 1, clock.now())
            try:
                uow.approvals.save(decided, loaded=card)
                uow.commit()
            except ConcurrentUpdate:
                uow.rollback()
                return "refused"
            return "counted"

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(tap, ["E1017", "E1002"]))
    assert outcomes == ["counted", "refused"]
    with Session(engine) as session:
        step = SqlUnitOfWork(session).approvals.get(ticket_id).steps[0]
    assert len(step.decisions) == 1


def test_the_database_refuses_to_rewrite_an_attachment_record(engine: sa.Engine,
                                                              clock: FixedClock) -> None:
    with Session(engine) as session:
        uow = SqlUnitOfWork(session)
        uow.attachments.add(photo(stored_ticket(uow, clock).id or 0, clock))
        uow.commit()
    with pytest.raises(sa.exc.DatabaseError), engine.begin() as connection:
        connection.execute(sa.text("UPDATE ticket_attachments SET stored_path = 'elsewhere'"))
