"""Who may see and do what, role by role (SERVICE_CATALOG.md sections 1 and 9)."""

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from core.directory.demo import load_demo_directory
from core.tickets.approvals import Approval, ApprovalStepSpec, resolve_chain
from core.tickets.model import Ticket, TicketStatus
from core.tickets.permissions import (
    Action,
    can_act,
    can_announce,
    can_view,
    visible_ticket_filter,
)

DEMO = load_demo_directory()
OPENED = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
ACCOUNT = (
    ApprovalStepSpec("supervisor", "supervisor"),
    ApprovalStepSpec("it_director", "position:it_director"),
)


def repair(**changes: Any) -> Ticket:
    ticket = Ticket(
        number="IT-2569-000123",
        type_key="repair",
        requester_id="E1018",
        title="เครื่องพิมพ์กระดาษติด",
        created_at=OPENED,
        updated_at=OPENED,
        unit_id="FIN",
        team_id="technicians_1",
        status=TicketStatus.ASSIGNED,
        id=123,
    )
    return replace(ticket, **changes)


def account_request() -> tuple[Ticket, Approval]:
    ticket = repair(type_key="account", team_id="sysadmin", status=TicketStatus.AWAITING_APPROVAL)
    steps = resolve_chain(ACCOUNT, DEMO.person("E1018"), DEMO, OPENED)
    return ticket, Approval(ticket_id=123, steps=steps)


def sees(person_id: str, ticket: Ticket, approval: Approval | None = None) -> bool:
    return can_view(DEMO.person(person_id), ticket, DEMO, approval)


def may(person_id: str, action: Action, ticket: Ticket, approval: Approval | None = None) -> bool:
    return can_act(DEMO.person(person_id), ticket, action, DEMO, approval)


def test_a_requester_sees_their_own_ticket() -> None:
    assert sees("E1018", repair())


def test_a_colleague_in_the_same_unit_does_not_see_someone_elses_ticket() -> None:
    assert not sees("E1019", repair())


def test_the_head_of_the_requesters_unit_sees_the_ticket() -> None:
    assert sees("E1017", repair())


def test_the_head_of_another_unit_does_not_see_the_ticket() -> None:
    assert not sees("E1020", repair())


def test_the_director_heads_the_whole_office_and_sees_every_unit_ticket() -> None:
    assert sees("E1001", repair())


def test_a_member_of_the_assigned_team_sees_the_ticket() -> None:
    assert sees("E1008", repair())


def test_a_technician_of_another_team_does_not_see_the_ticket() -> None:
    assert not sees("E1010", repair())


def test_the_service_desk_and_the_admin_see_every_ticket() -> None:
    assert sees("E1006", repair()) and sees("E1016", repair())


def test_an_approver_of_the_request_sees_it() -> None:
    ticket, approval = account_request()
    assert sees("E1003", ticket, approval)


def test_someone_who_has_left_sees_nothing_even_of_their_own() -> None:
    assert not sees("E1024", repair(requester_id="E1024"))


def test_the_approver_of_the_open_step_may_approve() -> None:
    ticket, approval = account_request()
    assert may("E1017", Action.APPROVE, ticket, approval)


def test_the_approver_of_a_later_step_may_not_approve_yet() -> None:
    ticket, approval = account_request()
    assert not may("E1003", Action.APPROVE, ticket, approval)


def test_nobody_works_on_a_ticket_awaiting_approval() -> None:
    ticket, approval = account_request()
    assert not may("E1012", Action.START, ticket, approval)


def test_a_team_member_may_claim_an_unassigned_ticket_of_their_team() -> None:
    assert may("E1008", Action.CLAIM, repair())


def test_a_ticket_someone_holds_cannot_be_claimed() -> None:
    assert not may("E1008", Action.CLAIM, repair(assignee_id="E1007"))


def test_the_assignee_may_resolve_their_ticket() -> None:
    assert may(
        "E1008", Action.RESOLVE, repair(assignee_id="E1008", status=TicketStatus.IN_PROGRESS)
    )


def test_a_technician_of_another_team_may_not_work_on_the_ticket() -> None:
    assert not may("E1010", Action.START, repair(assignee_id="E1008"))


def test_the_team_lead_may_reassign_the_ticket() -> None:
    assert may("E1007", Action.REASSIGN, repair(assignee_id="E1008"))


def test_a_team_member_who_is_not_the_lead_may_not_reassign() -> None:
    assert not may("E1008", Action.REASSIGN, repair(assignee_id="E1008"))


def test_the_service_desk_may_reassign_any_ticket() -> None:
    assert may("E1005", Action.REASSIGN, repair(assignee_id="E1008"))


def test_the_requester_may_cancel_before_work_starts() -> None:
    assert may("E1018", Action.CANCEL, repair())


def test_the_requester_may_not_cancel_once_work_has_started() -> None:
    assert not may("E1018", Action.CANCEL, repair(status=TicketStatus.IN_PROGRESS))


def test_the_requester_may_confirm_or_reopen_a_resolved_ticket() -> None:
    resolved = repair(status=TicketStatus.RESOLVED, assignee_id="E1008")
    assert may("E1018", Action.CONFIRM, resolved) and may("E1018", Action.REOPEN, resolved)


def test_the_requester_may_not_confirm_a_ticket_still_in_progress() -> None:
    assert not may("E1018", Action.CONFIRM, repair(status=TicketStatus.IN_PROGRESS))


def test_only_the_requester_confirms_the_fix() -> None:
    assert not may("E1008", Action.CONFIRM, repair(status=TicketStatus.RESOLVED))


def test_the_requester_rates_a_closed_ticket_once() -> None:
    closed = repair(status=TicketStatus.CLOSED)
    assert may("E1018", Action.RATE, closed) and not may(
        "E1018", Action.RATE, replace(closed, rating=5)
    )


def test_an_announcer_and_an_admin_may_announce() -> None:
    assert can_announce(DEMO.person("E1013")) and can_announce(DEMO.person("E1016"))


def test_an_ordinary_officer_may_not_announce() -> None:
    assert not can_announce(DEMO.person("E1018"))


def test_an_ordinary_officer_lists_only_their_own_tickets() -> None:
    assert visible_ticket_filter(DEMO.person("E1018"), DEMO).kind == "own"


def test_a_unit_head_lists_the_tickets_of_their_units() -> None:
    scope = visible_ticket_filter(DEMO.person("E1017"), DEMO)
    assert (scope.kind, scope.unit_ids) == ("units", frozenset({"FIN"}))


def test_a_technician_lists_their_teams_queue() -> None:
    scope = visible_ticket_filter(DEMO.person("E1008"), DEMO)
    assert (scope.kind, scope.team_keys) == ("teams", frozenset({"technicians_1"}))


def test_the_service_desk_lists_every_ticket() -> None:
    assert visible_ticket_filter(DEMO.person("E1006"), DEMO).kind == "all"


def test_someone_who_has_left_lists_nothing() -> None:
    scope = visible_ticket_filter(DEMO.person("E1024"), DEMO)
    assert scope.kind == "none" and not scope.includes(repair(requester_id="E1024"))


def test_the_list_scope_agrees_with_can_view_for_everyone_in_the_demo() -> None:
    tickets = [repair(), repair(unit_id="SCH", requester_id="E1023", team_id="technicians_2")]
    for person in DEMO.people:
        scope = visible_ticket_filter(person, DEMO)
        for ticket in tickets:
            assert scope.includes(ticket) == can_view(person, ticket, DEMO), person.id
