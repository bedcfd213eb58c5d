"""Repairs as the manuals run them: the 30-day guarantee, the vendor path, waiting for parts."""

from __future__ import annotations

from datetime import timedelta

from core.clock import FixedClock
from core.directory.demo import load_demo_directory
from core.memory import MemoryUnitOfWork
from core.tickets.calendar import BusinessCalendar
from core.tickets.catalogue_loader import load_catalogue
from core.tickets.durations import Duration
from core.tickets.model import PendingReason, TicketStatus
from core.tickets.records import LinkKind
from core.tickets.repair_rules import apply_repair_rules, route_repair, wait_for_parts
from core.tickets.sla import evaluate_sla, status_changes_from_audit
from core.tickets.work import assign_ticket
from tests.support.desk import TECHNICIAN, open_repair, walk

CATALOGUE = load_catalogue(None)
DEMO = load_demo_directory()
S = TicketStatus


def closed_repair(uow: MemoryUnitOfWork, clock: FixedClock, **kwargs: object) -> str:
    ticket = open_repair(uow, clock, **kwargs)
    walk(uow, clock, ticket, S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED)
    return ticket.number


def test_a_repair_reopened_within_30_days_links_to_the_previous_one(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    first = closed_repair(uow, clock)
    clock.advance(timedelta(days=20))
    again = open_repair(uow, clock)
    assert again.id is not None

    findings = apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock)

    assert findings.previous_repair is not None and findings.previous_repair.number == first
    links = uow.links.from_ticket(again.id)
    assert [(link.kind, uow.tickets.get(link.to_ticket_id).number) for link in links] == [
        (LinkKind.PREVIOUS_REPAIR, first)
    ]


def test_a_guarantee_repair_is_flagged_to_be_served_on_site(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    first = closed_repair(uow, clock)
    clock.advance(timedelta(days=29))
    again = open_repair(uow, clock)
    assert again.id is not None
    apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    details = uow.tickets.get(again.id).details
    assert (details["guarantee"], details["on_site"], details["previous_repair"]) == (
        True, True, first,
    )


def test_a_repair_31_days_after_the_last_one_is_not_under_guarantee(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    closed_repair(uow, clock)
    clock.advance(timedelta(days=31))
    again = open_repair(uow, clock)
    assert again.id is not None
    findings = apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    assert not findings.guarantee
    assert uow.links.from_ticket(again.id) == []


def test_another_problem_with_the_same_asset_is_not_under_guarantee(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    closed_repair(uow, clock, category="printer")
    clock.advance(timedelta(days=3))
    again = open_repair(uow, clock, category="ups")
    assert again.id is not None
    assert not apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock).guarantee


def test_a_repair_that_was_cancelled_gives_no_guarantee(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    walk(uow, clock, open_repair(uow, clock), S.CANCELLED)
    again = open_repair(uow, clock)
    assert again.id is not None
    assert not apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock).guarantee


def test_applying_the_repair_rules_twice_changes_nothing(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    closed_repair(uow, clock)
    again = open_repair(uow, clock, ownership="rented")
    assert again.id is not None
    apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    before = uow.snapshot()
    apply_repair_rules(again.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    assert uow.snapshot() == before


def test_a_rented_printer_goes_to_the_vendor(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock, ownership="rented")
    assert ticket.id is not None
    assert apply_repair_rules(ticket.id, catalogue=CATALOGUE, uow=uow, clock=clock).vendor
    team = DEMO.find_team("technicians_1")
    assert team is not None
    assign_ticket(ticket.id, team, DEMO.person(TECHNICIAN), by_id=TECHNICIAN,
                  expected_version=None, uow=uow, clock=clock)

    routed = route_repair(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                          clock=clock)

    assert (routed.status, routed.pending_reason) == (S.PENDING, PendingReason.VENDOR)
    assert routed.details["vendor"] is True


def test_a_printer_under_warranty_is_flagged_for_the_vendor(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = open_repair(uow, clock, ownership="warranty")
    assert ticket.id is not None
    apply_repair_rules(ticket.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    assert uow.tickets.get(ticket.id).details["vendor"] is True


def test_equipment_the_unit_owns_is_repaired_in_house(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock, ownership="owned"), S.ASSIGNED)
    assert ticket.id is not None
    apply_repair_rules(ticket.id, catalogue=CATALOGUE, uow=uow, clock=clock)
    routed = route_repair(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                          clock=clock)
    assert routed.status is S.IN_PROGRESS


def test_a_repair_waiting_for_parts_runs_on_the_three_month_limit(clock: FixedClock) -> None:
    uow = MemoryUnitOfWork()
    ticket = walk(uow, clock, open_repair(uow, clock), S.ASSIGNED, S.IN_PROGRESS)
    assert ticket.id is not None
    clock.advance(timedelta(hours=1))
    waiting = wait_for_parts(ticket.id, actor_id=TECHNICIAN, expected_version=None, uow=uow,
                             clock=clock)
    assert waiting.pending_reason is PendingReason.PARTS
    history = status_changes_from_audit(uow.audit.for_ticket(ticket.id))
    report = evaluate_sla(history, CATALOGUE.type("repair").sla, BusinessCalendar(), clock.now())
    assert report.resolution.target == Duration.parse("90 days")
