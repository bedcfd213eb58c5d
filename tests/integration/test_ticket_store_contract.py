"""One contract for ticket storage, run on the in-memory fake, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from core.clock import FixedClock
from core.errors import ConcurrentUpdate, NotFound
from core.memory import MemoryUnitOfWork
from core.ports import UnitOfWork
from core.sql.uow import SqlUnitOfWork
from core.tickets.model import TicketStatus
from core.tickets.service import OpenTicket, change_status, open_ticket
from tests.support import databases
from tests.support.databases import database_engine

UowFactory = Callable[[], UnitOfWork]


@pytest.fixture(params=["memory", *databases.DATABASES])
def new_uow(request: pytest.FixtureRequest, tmp_path: Path,
            pg_reason: str | None) -> Iterator[UowFactory]:
    if request.param == "memory":
        shared = MemoryUnitOfWork()
        yield lambda: shared
        return
    with database_engine(request.param, tmp_path, pg_reason) as engine:
        yield from _sql_uows(engine)


def _sql_uows(engine: sa.Engine) -> Iterator[UowFactory]:
    sessions: list[Session] = []

    def make() -> UnitOfWork:
        sessions.append(Session(engine))
        return SqlUnitOfWork(sessions[-1])

    yield make
    for session in sessions:
        session.close()


def repair(requester: str = "P1") -> OpenTicket:
    return OpenTicket(type_key="repair", requester_id=requester, title="เมาส์ไม่ทำงาน",
                      details={"device": "peripheral", "floor": 3})


def test_a_stored_ticket_reads_back_equal(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    opened = open_ticket(repair(), uow=uow, clock=clock)
    uow.commit()
    again = new_uow().tickets.get(opened.id or 0)
    assert again == opened
    assert again.created_at.tzinfo is not None


def test_a_missing_ticket_is_not_found(new_uow: UowFactory) -> None:
    with pytest.raises(NotFound):
        new_uow().tickets.get(999)


def test_save_refuses_a_stale_version(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    opened = open_ticket(repair(), uow=uow, clock=clock)
    saved = uow.tickets.save(replace(opened, title="เมาส์และคีย์บอร์ด"))
    assert saved.version == 2
    with pytest.raises(ConcurrentUpdate):
        uow.tickets.save(replace(opened, title="ชนกัน"))


def test_every_change_leaves_an_audit_entry_in_order(new_uow: UowFactory,
                                                     clock: FixedClock) -> None:
    uow = new_uow()
    ticket = open_ticket(repair(), uow=uow, clock=clock)
    assert ticket.id is not None
    for status in (TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED):
        change_status(ticket.id, status, actor_id="T1", expected_version=None, uow=uow,
                      clock=clock)
    uow.commit()
    entries = new_uow().audit.for_ticket(ticket.id)
    assert [e.after.get("status") for e in entries] == ["new", "assigned", "in_progress",
                                                        "resolved"]


def test_a_rolled_back_opening_leaves_no_gap(new_uow: UowFactory, clock: FixedClock) -> None:
    uow = new_uow()
    open_ticket(repair(), uow=uow, clock=clock)
    uow.rollback()
    uow = new_uow()
    assert open_ticket(repair(), uow=uow, clock=clock).number == "IT-2569-000001"


def test_concurrent_openings_get_distinct_consecutive_numbers(engine: sa.Engine,
                                                              clock: FixedClock) -> None:
    def open_one(_: int) -> str:
        with Session(engine) as session:
            uow = SqlUnitOfWork(session)
            number = open_ticket(repair(), uow=uow, clock=clock).number
            uow.commit()
            return number

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = sorted(pool.map(open_one, range(40)))
    assert numbers == [f"IT-2569-{n:06d}" for n in range(1, 41)]


def test_the_database_refuses_to_edit_or_delete_audit_entries(engine: sa.Engine,
                                                              clock: FixedClock) -> None:
    with Session(engine) as session:
        uow = SqlUnitOfWork(session)
        open_ticket(repair(), uow=uow, clock=clock)
        uow.commit()
    for statement in ("UPDATE audit_entries SET actor_id = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(sa.exc.DatabaseError), engine.begin() as connection:
            connection.execute(sa.text(statement))
