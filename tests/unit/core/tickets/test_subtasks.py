"""On-boarding and off-boarding: one sub-task per owner team, the parent closes after the last."""

from __future__ import annotations

from datetime import date

import pytest

from core.clock import FixedClock
from core.errors import DomainError
from core.memory import MemoryUnitOfWork
from core.tickets.cancellation import cancel_ticket
from core.tickets.catalogue_loader import load_catalogue
from core.tickets.model import SYSTEM_ACTOR, Ticket, TicketStatus
from core.tickets.service import OpenTicket, open_ticket
from core.tickets.subtasks import complete_subtask, open_subtasks

CATALOGUE = load_catalogue(None)
ONBOARDING = CATALOGUE.type("onboarding")
SOC_MANAGER = "E1004"
S = TicketStatus


def approved_request(uow: MemoryUnitOfWork, clock: FixedClock, type_key: str = "onboarding",
                     **details: object) -> Ticket:
    cmd = OpenTicket(type_key=type_key, requester_id="E1005", title="รับเจ้าหน้าที่ใหม่",
                     details=dict(details))
    return open_ticket(cmd, uow=uow, clock=clock)


def onboarding_with_subtasks(uow: MemoryUnitOfWork, clock: FixedClock) -> tuple[int, list[Ticket]]:
    parent = approved_request(uow, clock)
    assert parent.id is not None
    children = open_subtasks(parent.id, ONBOARDING.subtasks, actor_id=SOC_MANAGER, uow=uow,
                             clock=clock)
    return parent.id, children


def finish(uow: MemoryUnitOfWork, clock: FixedClock, subtask: Ticket) -> Ticket:
    assert subtask.id is not None
    return complete_subtask(subtask.id, actor_id="E1013", expected_version=None, uow=uow,
                            clock=clock)


def test_onboarding_opens_one_subtask_per_owner_team(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent_id, children = onboarding_with_subtasks(uow, clock)
    assert [(c.title, c.team_id, c.parent_id) for c in children] == [
        (t.title, t.team, parent_id) for t in ONBOARDING.subtasks
    ]
    assert uow.tickets.get(parent_id).status is S.IN_PROGRESS


def test_the_parent_of_onboarding_subtasks_closes_when_the_last_one_closes(
    clock: FixedClock,
) -> None:
    uow = MemoryUnitOfWork()
    parent_id, children = onboarding_with_subtasks(uow, clock)
    for subtask in children:
        finish(uow, clock, subtask)
    parent = uow.tickets.get(parent_id)
    assert parent.status is S.CLOSED
    assert uow.audit.for_ticket(parent_id)[-1].actor_id == SYSTEM_ACTOR


def test_the_parent_stays_open_while_one_subtask_is_still_open(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent_id, children = onboarding_with_subtasks(uow, clock)
    for subtask in children[:-1]:
        finish(uow, clock, subtask)
    assert uow.tickets.get(parent_id).status is S.IN_PROGRESS


def test_a_cancelled_subtask_counts_as_done(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent_id, children = onboarding_with_subtasks(uow, clock)
    for subtask in children[:-1]:
        finish(uow, clock, subtask)
    last = children[-1]
    assert last.id is not None
    cancel_ticket(last.id, requester_id=last.requester_id, expected_version=None, uow=uow,
                  clock=clock, reason="ไม่ต้องทดสอบความรู้")
    assert uow.tickets.get(parent_id).status is S.CLOSED


def test_subtasks_are_opened_only_once(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent_id, _ = onboarding_with_subtasks(uow, clock)
    with pytest.raises(DomainError) as refused:
        open_subtasks(parent_id, ONBOARDING.subtasks, actor_id=SOC_MANAGER, uow=uow, clock=clock)
    assert refused.value.code == "subtask.already_opened"


def test_offboarding_subtasks_wait_for_the_separation_date(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent = approved_request(uow, clock, "offboarding", separation_date="2026-12-31")
    assert parent.id is not None
    children = open_subtasks(parent.id, CATALOGUE.type("offboarding").subtasks,
                             actor_id=SOC_MANAGER, uow=uow, clock=clock)
    assert {c.details["starts_on"] for c in children} == {date(2026, 12, 31).isoformat()}


def test_a_ticket_without_a_parent_is_not_a_subtask(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    parent = approved_request(uow, clock)
    with pytest.raises(DomainError) as refused:
        finish(uow, clock, parent)
    assert refused.value.code == "subtask.not_a_subtask"
