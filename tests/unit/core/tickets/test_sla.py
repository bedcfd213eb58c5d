"""SLA clocks read like the manuals: repair days, parts, Songkran, KTB steps, warnings, breaches."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.tickets.calendar import BusinessCalendar
from core.tickets.catalogue_loader import load_catalogue
from core.tickets.durations import Duration
from core.tickets.model import AuditEntry, PendingReason, TicketStatus
from core.tickets.sla import (
    STOPS_RESOLUTION,
    SlaClock,
    SlaEventKind,
    SlaTargets,
    StatusChange,
    evaluate_sla,
    status_changes_from_audit,
)
from core.tickets.sla_steps import planned_step_dues, step_clocks

BANGKOK = ZoneInfo("Asia/Bangkok")
S = TicketStatus
CALENDAR = BusinessCalendar()
REPAIR = SlaTargets(
    response=Duration.parse("4 business_hours"),
    resolution=Duration.parse("3 business_days"),
    parts_limit=Duration.parse("90 days"),
)


def bkk(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BANGKOK)


def change(at: datetime, status: TicketStatus, reason: PendingReason | None = None) -> StatusChange:
    return StatusChange(at, status, reason)


def test_the_response_clock_stops_when_a_technician_is_assigned() -> None:
    history = [change(bkk(3, 10, 9), S.NEW), change(bkk(3, 10, 10), S.ASSIGNED)]

    response = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 12, 9)).response

    assert response.met
    assert response.elapsed == timedelta(hours=1)


def test_a_repair_opened_friday_1600_before_songkran_is_due_monday_20_april_1600() -> None:
    # Half an hour on Friday 10 April, Songkran Mon-Wed, then Thu 16, Fri 17, Mon 20.
    history = [change(bkk(4, 10, 16), S.NEW)]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(4, 10, 16, 5)).resolution

    assert resolution.due_at == bkk(4, 20, 16)


def test_that_repair_is_not_breached_on_the_monday_morning() -> None:
    history = [change(bkk(4, 10, 16), S.NEW)]

    report = evaluate_sla(history, REPAIR, CALENDAR, bkk(4, 20, 15, 59))

    assert not report.resolution.breached


def test_a_repair_pending_for_parts_ten_days_does_not_breach_its_three_days() -> None:
    history = [
        change(bkk(3, 2, 9), S.NEW),
        change(bkk(3, 2, 10), S.ASSIGNED),
        change(bkk(3, 2, 11), S.PENDING, PendingReason.PARTS),
        change(bkk(3, 12, 11), S.IN_PROGRESS),
    ]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 13, 9)).resolution

    assert not resolution.breached
    assert resolution.target == Duration.parse("90 days")
    assert resolution.due_at == bkk(5, 31, 9)


def test_the_same_repair_without_parts_would_have_breached() -> None:
    history = [change(bkk(3, 9, 9), S.NEW), change(bkk(3, 9, 10), S.IN_PROGRESS)]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 13, 9)).resolution

    assert resolution.breached
    assert resolution.breached_at == bkk(3, 12, 9)


def test_time_waiting_for_the_requester_does_not_count() -> None:
    history = [
        change(bkk(3, 10, 9), S.NEW),
        change(bkk(3, 10, 10), S.PENDING, PendingReason.REQUESTER),
        change(bkk(3, 16, 10), S.IN_PROGRESS),
    ]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 16, 11)).resolution

    assert resolution.elapsed == timedelta(hours=2)
    assert not resolution.paused


def test_a_clock_paused_for_the_requester_has_no_due_time() -> None:
    history = [
        change(bkk(3, 10, 9), S.NEW),
        change(bkk(3, 10, 10), S.PENDING, PendingReason.REQUESTER),
    ]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 20, 10)).resolution

    assert resolution.paused
    assert resolution.due_at is None
    assert resolution.remaining == 3 * CALENDAR.working_day - timedelta(hours=1)


def test_a_warning_comes_exactly_at_75_percent() -> None:
    # 3 of 4 business hours: 08:30 + 3 h.
    history = [change(bkk(3, 10, 8, 30), S.NEW)]

    report = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 10, 11, 30))

    assert report.response.fraction == 0.75
    assert [(e.clock, e.kind) for e in report.events("IT-2569-000001")] == [
        (SlaClock.RESPONSE, SlaEventKind.WARNING)
    ]


def test_no_warning_a_minute_before_75_percent() -> None:
    history = [change(bkk(3, 10, 8, 30), S.NEW)]

    report = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 10, 11, 29))

    assert report.events("IT-2569-000001") == ()


def test_the_warning_fraction_is_configurable() -> None:
    targets = SlaTargets(
        response=Duration.parse("4 business_hours"),
        resolution=Duration.parse("3 business_days"),
        warning_fraction=0.5,
    )
    history = [change(bkk(3, 10, 8, 30), S.NEW)]

    report = evaluate_sla(history, targets, CALENDAR, bkk(3, 10, 10, 30))

    assert report.response.warned_at == bkk(3, 10, 10, 30)


def test_a_breach_is_told_with_the_same_key_on_every_scan() -> None:
    history = [change(bkk(3, 10, 8, 30), S.NEW)]

    first = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 10, 13)).events("IT-2569-000007")
    later = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 11, 9)).events("IT-2569-000007")

    assert first == later
    assert first[0].key == ("IT-2569-000007", "response", "breach")
    assert first[0].at == bkk(3, 10, 12, 30)


def test_a_resolution_reached_exactly_on_the_due_time_is_met() -> None:
    history = [change(bkk(3, 10, 8, 30), S.NEW), change(bkk(3, 12, 16, 30), S.RESOLVED)]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 20, 9)).resolution

    assert resolution.met
    assert resolution.stopped_by is S.RESOLVED


def test_a_ticket_still_open_on_the_evening_after_its_due_time_is_breached() -> None:
    history = [change(bkk(3, 10, 8, 30), S.NEW), change(bkk(3, 12, 18), S.RESOLVED)]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 20, 9)).resolution

    assert resolution.breached
    assert resolution.elapsed == 3 * CALENDAR.working_day


def test_a_reopened_ticket_continues_its_resolution_clock() -> None:
    history = [
        change(bkk(3, 10, 9), S.NEW),
        change(bkk(3, 10, 11), S.RESOLVED),
        change(bkk(3, 11, 9), S.IN_PROGRESS),
    ]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 11, 10)).resolution

    assert resolution.elapsed == timedelta(hours=3)
    assert not resolution.stopped


def test_a_warning_is_not_told_once_the_work_is_resolved() -> None:
    history = [change(bkk(3, 10, 8, 30), S.NEW), change(bkk(3, 10, 11, 45), S.IN_PROGRESS)]

    report = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 10, 12))

    assert report.response.warned_at is not None
    assert report.events("IT-2569-000003") == ()


def test_a_back_dated_status_change_gives_the_same_answer_as_one_recorded_on_time() -> None:
    on_time = [
        change(bkk(3, 10, 9), S.NEW),
        change(bkk(3, 10, 10), S.PENDING, PendingReason.VENDOR),
        change(bkk(3, 13, 10), S.IN_PROGRESS),
    ]
    recorded_late = [on_time[0], on_time[2], on_time[1]]

    now = bkk(3, 16, 9)

    assert evaluate_sla(recorded_late, REPAIR, CALENDAR, now) == evaluate_sla(
        on_time, REPAIR, CALENDAR, now
    )


def test_a_correction_dated_in_the_past_changes_the_clock_as_if_known_then() -> None:
    history = [change(bkk(3, 10, 9), S.NEW), change(bkk(3, 10, 10), S.IN_PROGRESS)]
    before = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 13, 15)).resolution
    corrected = [*history, change(bkk(3, 11, 8, 30), S.PENDING, PendingReason.VENDOR)]

    after = evaluate_sla(corrected, REPAIR, CALENDAR, bkk(3, 13, 15)).resolution

    assert before.breached
    assert not after.breached
    assert after.elapsed == timedelta(hours=7, minutes=30)


def test_changes_dated_after_now_are_not_yet_known() -> None:
    history = [change(bkk(3, 10, 9), S.NEW), change(bkk(3, 10, 12), S.RESOLVED)]

    resolution = evaluate_sla(history, REPAIR, CALENDAR, bkk(3, 10, 11)).resolution

    assert not resolution.stopped
    assert resolution.elapsed == timedelta(hours=2)


def test_waiting_for_approval_pauses_only_when_the_catalogue_says_so() -> None:
    history = [
        change(bkk(3, 10, 9), S.AWAITING_APPROVAL),
        change(bkk(3, 11, 9), S.APPROVED),
    ]
    pausing = SlaTargets(REPAIR.response, REPAIR.resolution, pause_while_awaiting_approval=True)

    now = bkk(3, 11, 10)

    assert evaluate_sla(history, pausing, CALENDAR, now).resolution.elapsed == timedelta(hours=1)
    assert evaluate_sla(history, REPAIR, CALENDAR, now).resolution.elapsed == timedelta(hours=9)


def test_an_offboarding_clock_starts_on_the_separation_date() -> None:
    targets = SlaTargets(REPAIR.response, Duration.parse("1 business_days"))
    history = [change(bkk(3, 2, 9), S.NEW), change(bkk(3, 2, 10), S.APPROVED)]
    separation = CALENDAR.start_of_day(bkk(3, 20).date())

    report = evaluate_sla(history, targets, CALENDAR, bkk(3, 9, 9), resolution_starts_at=separation)

    assert report.resolution.elapsed == timedelta(0)
    assert report.resolution.due_at == bkk(3, 20, 16, 30)


def test_a_history_without_its_opening_is_refused() -> None:
    with pytest.raises(ValueError, match="opening"):
        evaluate_sla([], REPAIR, CALENDAR, bkk(3, 10, 9))


def test_the_status_history_is_read_from_the_audit_trail() -> None:
    entries = [
        AuditEntry(7, bkk(3, 10, 9), "E001", "opened", {}, {"status": "new", "number": "IT-1"}),
        AuditEntry(7, bkk(3, 10, 9, 5), "E010", "comment", {}, {"text": "กำลังไป"}),
        AuditEntry(
            7,
            bkk(3, 10, 10),
            "E010",
            "status",
            {"status": "assigned"},
            {"status": "pending", "pending_reason": "parts"},
            seq=3,
        ),
    ]

    assert status_changes_from_audit(entries) == [
        StatusChange(bkk(3, 10, 9), S.NEW),
        StatusChange(bkk(3, 10, 10), S.PENDING, PendingReason.PARTS, seq=3),
    ]


# --- per-step clocks of chained types ---------------------------------------------------

CATALOGUE = load_catalogue()


def test_a_ktb_request_steps_fall_due_one_one_three_three_one_one_business_days_apart() -> None:
    steps = CATALOGUE.type("ktb_online").sla.steps

    plan = dict(planned_step_dues(steps, bkk(3, 9, 9), CALENDAR))

    assert plan == {
        "dispatch": bkk(3, 10, 9),
        "maker": bkk(3, 11, 9),
        "checker": bkk(3, 16, 9),
        "approver": bkk(3, 19, 9),
        "handover": bkk(3, 20, 9),
        "report": bkk(3, 23, 9),
    }


def test_a_ktb_checker_who_takes_four_business_days_is_late() -> None:
    steps = CATALOGUE.type("ktb_online").sla.steps

    clocks = step_clocks(
        steps,
        started={"checker": bkk(3, 11, 9)},
        finished={"checker": bkk(3, 17, 9)},
        calendar=CALENDAR,
        now=bkk(3, 18, 9),
    )

    checker = next(c for c in clocks if c.key == "checker")
    assert checker.due_at == bkk(3, 16, 9)
    assert checker.breached


def test_a_ktb_step_not_yet_started_has_no_due_time() -> None:
    steps = CATALOGUE.type("ktb_online").sla.steps

    clocks = step_clocks(steps, started={}, calendar=CALENDAR, now=bkk(3, 11, 9))

    assert all(c.due_at is None and not c.breached for c in clocks)


def test_restore_steps_take_two_then_one_one_one_business_days() -> None:
    steps = CATALOGUE.type("restore").sla.steps

    plan = planned_step_dues(steps, bkk(3, 9, 9), CALENDAR)

    assert [due for _, due in plan] == [bkk(3, 11, 9), bkk(3, 12, 9), bkk(3, 13, 9), bkk(3, 16, 9)]


def test_an_unknown_step_name_is_refused() -> None:
    steps = CATALOGUE.type("restore").sla.steps

    with pytest.raises(ValueError, match="unknown step"):
        step_clocks(steps, started={"checker": bkk(3, 2, 9)}, calendar=CALENDAR, now=bkk(3, 3))


# --- properties -------------------------------------------------------------------------

OPENED = bkk(3, 2, 8)
WALL_CLOCK = SlaTargets(Duration.parse("8 hours"), Duration.parse("5 days"))
PAUSING = WALL_CLOCK.pausing_reasons
REASONS = [PendingReason.REQUESTER, PendingReason.VENDOR, PendingReason.OTHER]


@st.composite
def histories(draw: st.DrawFn) -> list[StatusChange]:
    steps = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3 * 24 * 60),
                st.sampled_from(list(TicketStatus)),
                st.sampled_from(REASONS),
            ),
            max_size=10,
        )
    )
    changes, at = [StatusChange(OPENED, S.NEW)], OPENED
    for gap, status, reason in steps:
        at += timedelta(minutes=gap)
        changes.append(StatusChange(at, status, reason if status is S.PENDING else None))
    return changes


def _counting_wall_time(history: list[StatusChange], now: datetime) -> timedelta:
    ordered = sorted(history, key=StatusChange.sort_key)
    ends = [c.at for c in ordered[1:]] + [now]
    total = timedelta(0)
    for c, end in zip(ordered, ends, strict=True):
        paused = c.status is S.PENDING and c.pending_reason in PAUSING
        if c.status not in STOPS_RESOLUTION and not paused:
            total += min(end, now) - c.at
    return total


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(0, 40 * 24 * 60))
def test_elapsed_time_never_exceeds_the_wall_time_since_opening(
    history: list[StatusChange], minutes: int
) -> None:
    now = history[-1].at + timedelta(minutes=minutes)

    report = evaluate_sla(history, REPAIR, CALENDAR, now)

    assert report.response.elapsed <= now - OPENED
    assert report.resolution.elapsed <= now - OPENED


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(0, 10 * 24 * 60))
def test_paused_and_stopped_spans_never_count(history: list[StatusChange], minutes: int) -> None:
    now = history[-1].at + timedelta(minutes=minutes)

    resolution = evaluate_sla(history, WALL_CLOCK, CALENDAR, now).resolution

    assert resolution.elapsed == _counting_wall_time(history, now)


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(0, 10 * 24 * 60), st.randoms(use_true_random=False))
def test_the_order_the_history_is_supplied_in_does_not_matter(
    history: list[StatusChange], minutes: int, shuffler: random.Random
) -> None:
    now = history[-1].at + timedelta(minutes=minutes)
    shuffled = list(history)
    shuffler.shuffle(shuffled)

    assert evaluate_sla(shuffled, REPAIR, CALENDAR, now) == evaluate_sla(
        history, REPAIR, CALENDAR, now
    )
