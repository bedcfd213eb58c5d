"""Routing requests to teams, picking a technician, claiming and reassigning tickets."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.directory import Team
from core.directory.demo import load_demo_directory
from core.errors import ConcurrentUpdate, DomainError, PermissionDenied
from core.tickets.assignment import (
    assign_round_robin,
    claim,
    missing_teams,
    reassign,
    route_team,
    unassign_on_deactivation,
)
from core.tickets.model import Ticket, TicketStatus

DEMO = load_demo_directory()
OPENED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
LATER = OPENED + timedelta(minutes=10)
TECHS = DEMO.team("technicians_1")


def repair(**changes: Any) -> Ticket:
    ticket = Ticket(
        number="IT-2569-000123",
        type_key="repair",
        requester_id="E1018",
        title="เครื่องพิมพ์กระดาษติด",
        created_at=OPENED,
        updated_at=OPENED,
        category="printer",
        unit_id="FIN",
        team_id="technicians_1",
        id=123,
    )
    return replace(ticket, **changes)


def test_a_repair_from_head_office_goes_to_the_central_technicians() -> None:
    assert route_team("repair", "printer", "FIN", DEMO, "technicians").key == "technicians_1"


def test_a_repair_from_the_northern_school_goes_to_the_northern_technicians() -> None:
    assert route_team("repair", "printer", "SCH", DEMO, "technicians").key == "technicians_2"


def test_a_network_problem_goes_to_the_network_team_wherever_it_comes_from() -> None:
    assert route_team("network", "wifi", "SCH", DEMO, "network").key == "network"


def test_a_team_serving_the_category_wins_over_one_serving_the_type() -> None:
    printers = Team("printers", "ทีมเครื่องพิมพ์", categories=frozenset({"printer"}))
    directory = replace(DEMO, teams=(*DEMO.teams, printers))
    assert route_team("repair", "printer", "FIN", directory, "technicians").key == "printers"


def test_a_request_no_team_lists_goes_to_the_catalogues_default_team() -> None:
    assert route_team("consult_vendor", None, "FIN", DEMO, "service_desk").key == "service_desk"


def test_a_default_team_family_is_narrowed_to_the_requesters_area() -> None:
    assert route_team("unlisted", None, "SCH", DEMO, "technicians").key == "technicians_2"


def test_a_request_with_no_team_and_no_default_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        route_team("unlisted", None, "FIN", DEMO, None)
    assert refused.value.code == "assignment.no_team"


def test_round_robin_picks_the_member_with_the_fewest_open_tickets() -> None:
    assert assign_round_robin(TECHS, {"E1007": 4, "E1008": 1}, last_assigned="E1007") == "E1008"


def test_round_robin_breaks_a_tie_with_the_member_after_the_last_one_picked() -> None:
    team = DEMO.team("sysadmin")
    counts = {"E1012": 2, "E1013": 2, "E1016": 2}
    assert assign_round_robin(team, counts, last_assigned="E1013") == "E1016"


def test_round_robin_wraps_around_to_the_first_member() -> None:
    team = DEMO.team("sysadmin")
    assert assign_round_robin(team, {}, last_assigned="E1016") == "E1012"


def test_round_robin_skips_a_member_who_has_left() -> None:
    directory, _ = DEMO.deactivate("E1013", on=OPENED.date())
    team = directory.team("sysadmin")
    assert assign_round_robin(team, {}, last_assigned="E1012") == "E1016"


def test_an_empty_team_cannot_take_work() -> None:
    with pytest.raises(DomainError) as refused:
        assign_round_robin(Team("ghosts", "ทีมว่าง"), {}, last_assigned=None)
    assert refused.value.code == "assignment.team_empty"


def test_a_technician_who_claims_a_new_ticket_holds_it() -> None:
    claimed, audit = claim(repair(), DEMO.person("E1008"), 1, team=TECHS, at=LATER)
    assert (claimed.assignee_id, claimed.status) == ("E1008", TicketStatus.ASSIGNED)
    assert [entry.action for entry in audit] == ["status", "claimed"]


def test_the_second_claim_is_told_the_ticket_is_already_taken() -> None:
    claimed, _ = claim(repair(), DEMO.person("E1008"), 1, team=TECHS, at=LATER)
    with pytest.raises(DomainError) as refused:
        claim(claimed, DEMO.person("E1007"), 1, team=TECHS, at=LATER)
    assert refused.value.code == "assignment.already_claimed"
    assert refused.value.params["assignee_id"] == "E1008"


def test_a_claim_with_a_stale_version_is_a_concurrent_update() -> None:
    with pytest.raises(ConcurrentUpdate):
        claim(repair(version=2), DEMO.person("E1008"), 1, team=TECHS, at=LATER)


def test_claiming_twice_by_the_same_person_changes_nothing() -> None:
    claimed, _ = claim(repair(), DEMO.person("E1008"), 1, team=TECHS, at=LATER)
    assert claim(claimed, DEMO.person("E1008"), 1, team=TECHS, at=LATER) == (claimed, ())


def test_someone_outside_the_team_cannot_claim_its_ticket() -> None:
    with pytest.raises(PermissionDenied) as refused:
        claim(repair(), DEMO.person("E1010"), 1, team=DEMO.team("technicians_2"), at=LATER)
    assert refused.value.code == "assignment.not_team_member"


def test_a_ticket_awaiting_approval_cannot_be_claimed() -> None:
    waiting = repair(status=TicketStatus.AWAITING_APPROVAL)
    with pytest.raises(DomainError) as refused:
        claim(waiting, DEMO.person("E1008"), 1, team=TECHS, at=LATER)
    assert refused.value.code == "assignment.not_claimable"


def test_a_team_lead_reassigns_work_in_progress_to_another_team() -> None:
    working = repair(status=TicketStatus.IN_PROGRESS, assignee_id="E1008")
    north = DEMO.team("technicians_2")
    moved, audit = reassign(
        working, DEMO.person("E1010"), 1, team=north, by_id="E1007", at=LATER, reason="ย้ายสาขา"
    )
    assert (moved.assignee_id, moved.team_id, moved.status) == (
        "E1010",
        "technicians_2",
        TicketStatus.IN_PROGRESS,
    )
    assert audit[-1].after["reason"] == "ย้ายสาขา"


def test_a_ticket_cannot_be_reassigned_to_someone_who_has_left() -> None:
    with pytest.raises(PermissionDenied) as refused:
        reassign(repair(), DEMO.person("E1024"), 1, team=TECHS, by_id="E1007", at=LATER)
    assert refused.value.code == "assignment.person_inactive"


def test_a_closed_ticket_is_not_reassigned() -> None:
    closed = repair(status=TicketStatus.CLOSED, assignee_id="E1008")
    with pytest.raises(DomainError) as refused:
        reassign(closed, DEMO.person("E1007"), 1, team=TECHS, by_id="E1007", at=LATER)
    assert refused.value.code == "assignment.not_reassignable"


def test_open_tickets_of_someone_who_left_go_back_to_the_team_queue() -> None:
    tickets = [
        repair(id=1, status=TicketStatus.IN_PROGRESS, assignee_id="E1008"),
        repair(id=2, status=TicketStatus.CLOSED, assignee_id="E1008"),
        repair(id=3, status=TicketStatus.ASSIGNED, assignee_id="E1007"),
    ]
    released = unassign_on_deactivation(tickets, "E1008", at=LATER, by_id="E1016")
    assert [(t.id, t.assignee_id, t.team_id) for t, _ in released] == [(1, None, "technicians_1")]


def test_a_team_key_with_area_teams_of_that_family_is_not_missing() -> None:
    assert missing_teams(["technicians", "soc", "plumbers"], DEMO) == {"plumbers"}
