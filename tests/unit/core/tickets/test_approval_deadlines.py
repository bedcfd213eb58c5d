"""Late approvals: the approver is reminded at the due time, then the next level is asked."""

from datetime import UTC, datetime, timedelta

from core.directory.demo import load_demo_directory
from core.tickets.approvals import (
    Approval,
    ApprovalOutcome,
    ApprovalStepSpec,
    Escalation,
    Reminder,
    decide,
    due_reminders,
    escalate,
    escalations,
    mark_reminded,
    resolve_chain,
)
from core.tickets.durations import Duration, TimeUnit

DEMO = load_demo_directory()
MONDAY = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DUE = MONDAY + timedelta(days=3)
CHECKER = (ApprovalStepSpec("checker", "position:it_director", due=Duration(3, TimeUnit.DAYS)),)
SUPERVISOR = (ApprovalStepSpec("supervisor", "supervisor", due=Duration(3, TimeUnit.DAYS)),)


def calendar_days(start: datetime, due: Duration) -> datetime:
    return start + due.as_calendar_timedelta()


def filed(specs: tuple[ApprovalStepSpec, ...] = CHECKER) -> Approval:
    steps = resolve_chain(specs, DEMO.person("E1018"), DEMO, MONDAY, calendar_days)
    return Approval(ticket_id=9, steps=steps)


def test_nobody_is_reminded_before_the_step_is_due() -> None:
    assert due_reminders(filed(), DUE - timedelta(minutes=1)) == ()


def test_the_approver_is_reminded_once_the_step_is_due() -> None:
    assert due_reminders(filed(), DUE) == (Reminder(9, 0, "checker", ("E1003",), DUE),)


def test_a_reminder_can_come_ahead_of_the_due_time() -> None:
    assert due_reminders(filed(), DUE - timedelta(hours=2), before=timedelta(hours=4))


def test_an_approver_is_reminded_only_once() -> None:
    reminded = mark_reminded(filed(), 0, DUE)
    assert due_reminders(reminded, DUE + timedelta(hours=1)) == ()


def test_a_reminded_step_escalates_to_the_next_level_after_the_grace_period() -> None:
    reminded = mark_reminded(filed(), 0, DUE)
    found = escalations(reminded, DUE + timedelta(days=1), DEMO)
    assert found == (Escalation(9, 0, "checker", ("E1003",), ("E1002",)),)


def test_a_step_does_not_escalate_before_its_approver_was_reminded() -> None:
    assert escalations(filed(), DUE + timedelta(days=5), DEMO) == ()


def test_a_step_does_not_escalate_within_the_grace_period() -> None:
    reminded = mark_reminded(filed(), 0, DUE)
    assert escalations(reminded, DUE + timedelta(hours=23), DEMO) == ()


def test_a_supervisor_step_escalates_to_the_supervisors_own_supervisor() -> None:
    reminded = mark_reminded(filed(SUPERVISOR), 0, DUE)
    (found,) = escalations(reminded, DUE + timedelta(days=1), DEMO)
    assert found.to_ids == ("E1002",)


def test_the_next_level_may_decide_an_escalated_step() -> None:
    reminded = mark_reminded(filed(), 0, DUE)
    (escalation,) = escalations(reminded, DUE + timedelta(days=1), DEMO)
    escalated, events = escalate(reminded, escalation, DUE + timedelta(days=1))
    decided, _ = decide(escalated, 0, "E1002", "approve", None, 1, DUE + timedelta(days=2))
    assert [e.approver_ids for e in events] == [("E1002",)]
    assert decided.outcome is ApprovalOutcome.APPROVED


def test_an_escalated_step_does_not_escalate_again() -> None:
    reminded = mark_reminded(filed(), 0, DUE)
    (escalation,) = escalations(reminded, DUE + timedelta(days=1), DEMO)
    escalated, _ = escalate(reminded, escalation, DUE + timedelta(days=1))
    assert escalations(escalated, DUE + timedelta(days=9), DEMO) == ()
