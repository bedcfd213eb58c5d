"""Approval chains as the manuals walk them: account requests, KTB maker-checker-approver."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from core.directory import Directory, Position
from core.directory.demo import load_demo_directory
from core.errors import ConcurrentUpdate, DomainError, PermissionDenied, ValidationFailed
from core.tickets.approvals import (
    Approval,
    ApprovalFinished,
    ApprovalOutcome,
    ApprovalStepSpec,
    StepOpened,
    StepStatus,
    decide,
    fill_vacancies,
    resolve_chain,
    resubmit,
)
from core.tickets.durations import Duration, TimeUnit

DEMO = load_demo_directory()
MONDAY = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
THREE_DAYS = Duration(3, TimeUnit.DAYS)

ACCOUNT = (
    ApprovalStepSpec("supervisor", "supervisor", due=Duration(1, TimeUnit.DAYS)),
    ApprovalStepSpec("it_director", "position:it_director", due=THREE_DAYS),
)
KTB = (
    ApprovalStepSpec("supervisor", "supervisor"),
    ApprovalStepSpec("checker", "position:it_director", due=THREE_DAYS),
    ApprovalStepSpec("approver", "position:deputy_director", due=THREE_DAYS),
)


def calendar_days(start: datetime, due: Duration) -> datetime:
    return start + due.as_calendar_timedelta()


def open_approval(
    specs: tuple[ApprovalStepSpec, ...], requester_id: str, directory: Directory = DEMO
) -> Approval:
    steps = resolve_chain(specs, directory.person(requester_id), directory, MONDAY, calendar_days)
    return Approval(ticket_id=7, steps=steps)


def approve(approval: Approval, approver_id: str, at: datetime = MONDAY) -> Approval:
    step = approval.current
    assert step is not None
    decided, _ = decide(
        approval,
        step.index,
        approver_id,
        "approve",
        None,
        step.version,
        at,
        due_calc=calendar_days,
    )
    return decided


def with_position(directory: Directory, position: Position) -> Directory:
    positions = tuple(position if p.code == position.code else p for p in directory.positions)
    return replace(directory, positions=positions)


def test_an_account_request_goes_to_the_line_supervisor_then_the_it_director() -> None:
    approval = open_approval(ACCOUNT, "E1018")
    assert [s.approver_ids for s in approval.steps] == [("E1017",), ("E1003",)]


def test_only_the_first_step_is_open_and_due_when_the_request_is_filed() -> None:
    approval = open_approval(ACCOUNT, "E1018")
    assert [s.due_at for s in approval.steps] == [MONDAY + timedelta(days=1), None]


def test_the_it_director_gets_the_card_once_the_supervisor_has_approved() -> None:
    approval = open_approval(ACCOUNT, "E1018")
    later = MONDAY + timedelta(hours=5)
    _, events = decide(approval, 0, "E1017", "approve", None, 1, later, due_calc=calendar_days)
    assert StepOpened(7, 1, "it_director", ("E1003",), later + timedelta(days=3)) in events


def test_an_account_request_is_approved_when_both_steps_approve() -> None:
    approval = approve(approve(open_approval(ACCOUNT, "E1018"), "E1017"), "E1003")
    assert approval.outcome is ApprovalOutcome.APPROVED


def test_the_ktb_checker_is_the_it_director() -> None:
    assert open_approval(KTB, "E1018").steps[1].approver_ids == ("E1003",)


def test_the_ktb_approver_is_the_director_while_the_deputy_director_post_is_vacant() -> None:
    director = DEMO.person(open_approval(KTB, "E1018").steps[2].approver_ids[0])
    assert director.position_title == "ผู้อำนวยการองค์การ"


def test_the_ktb_approver_is_the_deputy_director_once_the_post_is_filled() -> None:
    filled = with_position(DEMO, replace(DEMO.position("deputy_director"), holder_id="E1002"))
    assert open_approval(KTB, "E1018", filled).steps[2].approver_ids == ("E1002",)


def test_a_ktb_request_walks_supervisor_then_checker_then_approver() -> None:
    approval = open_approval(KTB, "E1018")
    for approver in ("E1017", "E1003", "E1001"):
        approval = approve(approval, approver)
    assert [s.status for s in approval.steps] == [StepStatus.APPROVED] * 3


def test_the_checker_cannot_decide_before_the_supervisor_has() -> None:
    with pytest.raises(DomainError) as refused:
        decide(open_approval(KTB, "E1018"), 1, "E1003", "approve", None, 1, MONDAY)
    assert refused.value.code == "approval.step_not_open"


def test_the_it_director_does_not_check_their_own_ktb_request() -> None:
    assert open_approval(KTB, "E1003").steps[1].approver_ids == ("E1002",)


def test_a_delegate_checks_while_the_it_director_is_away() -> None:
    away = with_position(DEMO, replace(DEMO.position("it_director"), delegate_id="E1012"))
    assert open_approval(KTB, "E1018", away).steps[1].approver_ids == ("E1012",)


def test_a_step_set_to_wait_has_nobody_to_decide_while_the_post_is_vacant() -> None:
    waiting = (ApprovalStepSpec("approver", "position:deputy_director", vacancy="wait"),)
    step = open_approval(waiting, "E1018").steps[0]
    assert (step.approver_ids, step.waiting_for) == ((), "deputy_director")


def test_a_waiting_step_goes_to_the_person_appointed_to_the_post() -> None:
    waiting = (ApprovalStepSpec("approver", "position:deputy_director", vacancy="wait"),)
    filled = with_position(DEMO, replace(DEMO.position("deputy_director"), holder_id="E1002"))
    approval, events = fill_vacancies(open_approval(waiting, "E1018"), filled)
    assert approval.steps[0].approver_ids == ("E1002",)
    assert [e.approver_ids for e in events] == [("E1002",)]


def test_a_reject_without_a_reason_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        decide(open_approval(ACCOUNT, "E1018"), 0, "E1017", "reject", "  ", 1, MONDAY)
    assert refused.value.code == "approval.reason_required"


def test_a_send_back_without_a_reason_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        decide(open_approval(ACCOUNT, "E1018"), 0, "E1017", "send_back", None, 1, MONDAY)
    assert refused.value.code == "approval.reason_required"


def test_a_reject_ends_the_chain_and_tells_the_requester_why() -> None:
    approval, events = decide(
        open_approval(ACCOUNT, "E1018"), 0, "E1017", "reject", "ไม่จำเป็นต้องใช้ระบบนี้", 1, MONDAY
    )
    assert approval.steps[1].status is StepStatus.SKIPPED
    assert events[-1] == ApprovalFinished(7, ApprovalOutcome.REJECTED, "ไม่จำเป็นต้องใช้ระบบนี้")


def test_a_request_sent_back_and_resubmitted_waits_for_the_same_approver_again() -> None:
    sent_back, _ = decide(
        open_approval(ACCOUNT, "E1018"), 0, "E1017", "send_back", "แนบบันทึกข้อความ", 1, MONDAY
    )
    approval, events = resubmit(sent_back, MONDAY + timedelta(hours=2), due_calc=calendar_days)
    assert approval.current is not None and approval.current.index == 0
    assert [e.approver_ids for e in events if isinstance(e, StepOpened)] == [("E1017",)]
    assert len(events) == 1


def test_someone_who_is_not_an_approver_of_the_step_is_refused() -> None:
    with pytest.raises(PermissionDenied) as refused:
        decide(open_approval(ACCOUNT, "E1018"), 0, "E1019", "approve", None, 1, MONDAY)
    assert refused.value.code == "approval.not_approver"


def test_when_two_approvers_tap_at_the_same_instant_only_the_first_decision_counts() -> None:
    either = (ApprovalStepSpec("it", "position:it_director,position:soc_manager"),)
    approval = open_approval(either, "E1018")
    first, _ = decide(approval, 0, "E1003", "approve", None, 1, MONDAY)
    with pytest.raises(DomainError) as refused:
        decide(first, 0, "E1004", "reject", "ซ้ำซ้อน", 1, MONDAY)
    assert refused.value.code == "approval.already_decided"
    assert len(first.steps[0].decisions) == 1


def test_a_stale_card_in_an_all_approvers_step_is_refused_as_a_concurrent_update() -> None:
    both = (ApprovalStepSpec("it", "position:it_director,position:soc_manager", mode="all"),)
    first, _ = decide(open_approval(both, "E1018"), 0, "E1003", "approve", None, 1, MONDAY)
    with pytest.raises(ConcurrentUpdate) as refused:
        decide(first, 0, "E1004", "approve", None, 1, MONDAY)
    assert refused.value.code == "approval.already_decided"


def test_a_step_needing_all_approvers_waits_until_everyone_has_approved() -> None:
    both = (ApprovalStepSpec("it", "position:it_director,position:soc_manager", mode="all"),)
    one_yes = approve(open_approval(both, "E1018"), "E1003")
    assert one_yes.steps[0].status is StepStatus.PENDING
    assert approve(one_yes, "E1004").outcome is ApprovalOutcome.APPROVED


def test_an_approver_cannot_decide_twice_on_an_all_approvers_step() -> None:
    both = (ApprovalStepSpec("it", "position:it_director,position:soc_manager", mode="all"),)
    once = approve(open_approval(both, "E1018"), "E1003")
    with pytest.raises(DomainError) as refused:
        decide(once, 0, "E1003", "approve", None, once.steps[0].version, MONDAY)
    assert refused.value.code == "approval.already_decided"


def test_a_supervisor_who_has_left_is_passed_over_for_the_next_level() -> None:
    directory, _ = DEMO.deactivate("E1017", on=MONDAY.date())
    assert open_approval(ACCOUNT, "E1018", directory).steps[0].approver_ids == ("E1002",)


def test_an_approver_spec_that_names_no_known_source_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        open_approval((ApprovalStepSpec("boss", "the_boss"),), "E1018")
    assert refused.value.code == "approval.bad_approvers"
