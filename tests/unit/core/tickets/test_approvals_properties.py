"""Whatever people tap, in whatever order and with whatever stale cards, the chain stays sound."""

from collections.abc import Iterator
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import DomainError
from core.tickets.approvals import Approval, ApprovalStep, DecisionKind, StepStatus, decide

PEOPLE = ("P1", "P2", "P3", "P4")
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)

Shapes = list[tuple[str, list[str]]]
Taps = list[tuple[int | None, int | str, DecisionKind, str | None, int, bool]]

step_shapes = st.lists(
    st.tuples(
        st.sampled_from(["one", "all"]),
        st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True),
    ),
    min_size=1,
    max_size=4,
)
taps = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(min_value=0, max_value=3)),  # None: the open step
        st.one_of(st.integers(0, 2), st.sampled_from(PEOPLE)),  # int: that step's nth approver
        st.sampled_from([DecisionKind.APPROVE] * 3 + [DecisionKind.REJECT, DecisionKind.SEND_BACK]),
        st.sampled_from(["เหตุผล", "เหตุผล", None, ""]),
        st.sampled_from([0, 0, 0, -1, 1]),  # how far the card's version is off
        st.booleans(),  # tapped at the same instant as the previous tap, on the same card
    ),
    max_size=40,
)
examples = settings(max_examples=300, deadline=None)


def build(shapes: Shapes) -> Approval:
    steps = []
    for index, (mode, approvers) in enumerate(shapes):
        chosen: Literal["one", "all"] = "all" if mode == "all" else "one"
        steps.append(ApprovalStep(index, f"step{index}", chosen, tuple(approvers)))
    return Approval(ticket_id=1, steps=tuple(steps))


def run(approval: Approval, tapped: Taps) -> Iterator[Approval]:
    """Apply every tap in turn; a refused tap leaves the approval as it was.

    A tap "at the same instant" holds the card drawn before the previous tap was applied,
    which is what two approvers see when they both tap one approval card.
    """
    seen = approval
    for seconds, (chosen, who, kind, reason, drift, same_instant) in enumerate(tapped):
        card = seen if same_instant else approval
        seen = approval
        open_step = card.current
        index = chosen if chosen is not None else (open_step.index if open_step else 0)
        step = card.steps[min(index, len(card.steps) - 1)]
        version = step.version + drift
        person = who if isinstance(who, str) else step.approver_ids[who % len(step.approver_ids)]
        at = START + timedelta(seconds=seconds)
        with suppress(DomainError):
            approval, _ = decide(approval, index, person, kind, reason, version, at)
        yield approval


@examples
@given(step_shapes, taps)
def test_a_one_approver_step_never_holds_two_decisions(shapes: Shapes, tapped: Taps) -> None:
    for approval in run(build(shapes), tapped):
        assert all(len(s.decisions) <= 1 for s in approval.steps if s.mode == "one")


@examples
@given(step_shapes, taps)
def test_an_all_approvers_step_is_approved_only_when_every_approver_approved(
    shapes: Shapes, tapped: Taps
) -> None:
    for approval in run(build(shapes), tapped):
        for step in approval.steps:
            if step.mode == "all" and step.status is StepStatus.APPROVED:
                approved = {d.approver_id for d in step.decisions if d.kind is DecisionKind.APPROVE}
                assert approved == set(step.approver_ids)


@examples
@given(step_shapes, taps)
def test_no_step_is_decided_before_every_earlier_step_is_approved(
    shapes: Shapes, tapped: Taps
) -> None:
    for approval in run(build(shapes), tapped):
        for later in approval.steps:
            if later.decisions:
                earlier = approval.steps[: later.index]
                assert all(s.status is StepStatus.APPROVED for s in earlier)


@examples
@given(step_shapes, taps)
def test_only_approvers_decide_and_each_at_most_once_per_step(shapes: Shapes, tapped: Taps) -> None:
    for approval in run(build(shapes), tapped):
        for step in approval.steps:
            deciders = [d.approver_id for d in step.decisions]
            assert len(deciders) == len(set(deciders))
            assert set(deciders) <= set(step.approver_ids)
            assert step.version == 1 + len(step.decisions)
