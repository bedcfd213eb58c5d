"""The repair request: device kind, then symptom, then confirm; submits a `repair` ticket."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.dialogs.answers import FreeText, choice
from bot.dialogs.engine import RESTART, Choice, Dialog, Step
from bot.i18n import N_

# Device kinds of 001:L131-137 and the repair form of 003:L193-217.
DEVICE_CHOICES = (
    Choice("computer", N_("Computer")),
    Choice("notebook", N_("Notebook")),
    Choice("monitor", N_("Monitor")),
    Choice("printer", N_("Printer")),
    Choice("scanner", N_("Scanner")),
    Choice("ups", N_("UPS")),
    Choice("peripheral", N_("Keyboard / mouse / other")),
)

DEVICE_LABELS = {choice.value: choice.label for choice in DEVICE_CHOICES}

CONFIRM_CHOICES = (
    Choice("confirm", N_("Confirm")),
    Choice("restart", N_("Start over")),
)


def _after_confirm(data: Mapping[str, Any]) -> str | None:
    return RESTART if data.get("confirm") == "restart" else None


REPAIR = Dialog(
    name="repair",
    first="device",
    steps={
        "device": Step(
            name="device",
            prompt=N_("Which device has the problem?"),
            parse=choice,
            next="symptom",
            choices=DEVICE_CHOICES,
        ),
        "symptom": Step(
            name="symptom",
            prompt=N_("Describe the problem: what happens, and where is the device?"),
            parse=FreeText(min_length=5, max_length=1000),
            next="confirm",
        ),
        "confirm": Step(
            name="confirm",
            prompt=N_("Please check your repair request:\nDevice: {device}\nProblem: {symptom}"),
            parse=choice,
            next=_after_confirm,
            choices=CONFIRM_CHOICES,
        ),
    },
)
