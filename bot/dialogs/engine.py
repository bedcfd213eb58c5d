"""The dialog engine: a conversation is data, and `advance` is a pure function of it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from bot.i18n import N_

AnswerKind = Literal["text", "choice", "image", "location"]


class InvalidAnswer(Exception):
    """The answer does not fit the step; `message_id` explains why, in the catalog."""

    def __init__(self, message_id: str, **params: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params


@dataclass(frozen=True)
class Answer:
    """What the person did in reply: typed, tapped a choice, sent a photo or a place."""

    kind: AnswerKind
    text: str = ""
    value: str | None = None
    media: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Choice:
    value: str
    label: str  # a message id


RESTART = "__restart__"  # a `next` result that clears the answers and goes back to the start

Parser = Callable[[Answer, "Step"], Any]
NextStep = str | Callable[[Mapping[str, Any]], str | None] | None


@dataclass(frozen=True)
class Step:
    """One question: its prompt, what counts as an answer, and where to go next."""

    name: str
    prompt: str  # a message id; it may use the collected data as placeholders
    parse: Parser
    next: NextStep
    choices: tuple[Choice, ...] = ()
    accepts: frozenset[AnswerKind] = frozenset({"text", "choice"})
    # How a later prompt shows this step's answer: a message id where the value itself is not
    # fit to show (a photo reference, "none"), or None to show the value as typed.
    describe: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class Session:
    dialog: str
    state: str
    data: Mapping[str, Any]
    version: int
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True)
class Ask:
    """Show the prompt of `step` with its choices."""

    step: Step
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Say:
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Submit:
    """The dialog is complete: hand the collected data to a core command."""

    dialog: str
    data: Mapping[str, Any]


Effect = Ask | Say | Submit


@dataclass(frozen=True)
class Dialog:
    name: str
    first: str
    steps: Mapping[str, Step]

    def __post_init__(self) -> None:
        _check_structure(self)

    def step(self, name: str) -> Step | None:
        return self.steps.get(name)


def _check_structure(dialog: Dialog) -> None:
    """Fail when the dialog is built, not when a user walks into a missing step."""
    if dialog.first not in dialog.steps:
        raise ValueError(f"dialog {dialog.name}: first step {dialog.first!r} is not defined")
    for key, step in dialog.steps.items():
        if key != step.name:
            raise ValueError(f"dialog {dialog.name}: step key {key!r} names {step.name!r}")
        if isinstance(step.next, str) and step.next not in (*dialog.steps, RESTART):
            raise ValueError(f"dialog {dialog.name}: {key} -> unknown step {step.next!r}")


def start(
    dialog: Dialog, *, now: datetime, timeout: timedelta, prefill: Mapping[str, Any] | None = None
) -> tuple[Session | None, list[Effect]]:
    """Open a session at the first step whose answer is not already known."""
    data = dict(prefill or {})
    session = Session(dialog.name, dialog.first, data, 1, now + timeout)
    return _settle(dialog, session, dialog.first, now=now, timeout=timeout)


def advance(
    dialog: Dialog, session: Session, answer: Answer, *, now: datetime, timeout: timedelta
) -> tuple[Session | None, list[Effect]]:
    """Apply one answer. Returns the next session (None when finished) and the effects."""
    step = dialog.step(session.state)
    if step is None:  # the dialog changed since the session was saved
        return None, [Say("That conversation has changed. Please start again from the menu.")]
    if answer.kind not in step.accepts:
        return session, [Say(_wrong_kind_message(step)), Ask(step, session.data)]
    try:
        value = step.parse(answer, step)
    except InvalidAnswer as invalid:
        return session, [Say(invalid.message_id, invalid.params), Ask(step, session.data)]
    data = {**session.data, step.name: value}
    target = _next_name(step, data)
    if target == RESTART:
        data, target = {}, dialog.first
    moved = replace(session, data=data, version=session.version + 1)
    return _settle(dialog, moved, target, now=now, timeout=timeout)


def _settle(
    dialog: Dialog, session: Session, target: str | None, *, now: datetime, timeout: timedelta
) -> tuple[Session | None, list[Effect]]:
    """Walk past steps already answered (prefilled), then ask or submit."""
    while target is not None and target in session.data:
        target = _next_name(dialog.steps[target], session.data)
    if target is None:
        return None, [Submit(dialog.name, dict(session.data))]
    step = dialog.steps[target]
    settled = replace(session, state=target, expires_at=now + timeout)
    return settled, [Ask(step, settled.data)]


def _next_name(step: Step, data: Mapping[str, Any]) -> str | None:
    return step.next(data) if callable(step.next) else step.next


def _wrong_kind_message(step: Step) -> str:
    if "image" in step.accepts and len(step.accepts) == 1:
        return N_("Please send a photo, or tap one of the choices.")
    if step.choices:
        return N_("Please tap one of the choices below.")
    return N_("Please type your answer as text.")
