"""The demo's data: loaded on the first run, reused on the next, cleared by --reset."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from bot.db import make_engine
from bot.demo import groups, personas, prepare_database
from core.clock import FixedClock
from core.directory.model import GroupPurpose
from core.sql.uow import SqlUnitOfWork
from core.tickets.service import OpenTicket, open_ticket


def test_the_first_run_loads_the_demo_organisation(tmp_path: Path) -> None:
    _, directory = prepare_database(tmp_path / "demo.db", reset=False)
    assert len(directory.active_people()) >= 20
    assert [p.role for p in personas(directory)[:4]] == ["staff", "manager", "technician",
                                                         "admin"]


def test_a_second_run_reuses_the_data_and_reset_starts_clean(tmp_path: Path,
                                                             clock: FixedClock) -> None:
    url, _ = prepare_database(tmp_path / "demo.db", reset=False)
    engine = make_engine(url)
    with Session(engine) as session:
        uow = SqlUnitOfWork(session)
        open_ticket(OpenTicket(type_key="repair", requester_id="E1018", title="จอดับ"),
                    uow=uow, clock=clock)
        uow.commit()
    engine.dispose()
    prepare_database(tmp_path / "demo.db", reset=False)
    assert _ticket_count(url) == 1
    prepare_database(tmp_path / "demo.db", reset=True)
    assert _ticket_count(url) == 0


def test_the_it_team_group_holds_the_technicians(tmp_path: Path) -> None:
    _, directory = prepare_database(tmp_path / "demo.db", reset=False)
    it_group = next(g for g in directory.groups if g.purpose is GroupPurpose.IT_TEAM)
    members = next(g for g in groups(directory) if g.group_id == it_group.group_id).member_ids
    technician = next(p for p in personas(directory) if p.role == "technician")
    assert technician.user_id in members


def _ticket_count(url: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        count = len(SqlUnitOfWork(session).tickets.list_by_requester("E1018", open_only=False))
    engine.dispose()
    return count
