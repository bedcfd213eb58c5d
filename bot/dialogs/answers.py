"""Reusable answer parsers: one of the step's choices, free text within limits."""

from __future__ import annotations

from bot.dialogs.engine import Answer, InvalidAnswer, Step


def choice(answer: Answer, step: Step) -> str:
    """A tapped choice (the shell also turns a typed label into a choice)."""
    if answer.kind == "choice" and answer.value in {c.value for c in step.choices}:
        return answer.value
    raise InvalidAnswer("Please tap one of the choices below.")


class FreeText:
    """Typed text of a sensible length."""

    def __init__(self, *, min_length: int, max_length: int) -> None:
        self.min_length = min_length
        self.max_length = max_length

    def __call__(self, answer: Answer, step: Step) -> str:
        text = answer.text.strip()
        if len(text) < self.min_length:
            raise InvalidAnswer(
                "Please tell a little more (at least {count} characters).", count=self.min_length
            )
        if len(text) > self.max_length:
            raise InvalidAnswer(
                "That is too long: please keep it under {count} characters.",
                count=self.max_length,
            )
        return text
