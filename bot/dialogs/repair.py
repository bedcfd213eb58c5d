"""The repair request: device, symptom, asset number, ownership, photo, confirm → a ticket."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.dialogs.answers import FreeText, choice
from bot.dialogs.engine import RESTART, Answer, Choice, Dialog, InvalidAnswer, Step
from bot.i18n import N_

# Device kinds of 001:L131-137 and the repair form of 003:L193-217; the values are the
# repair categories of the service catalogue.
DEVICE_CHOICES = (
    Choice("computer", N_("Computer")),
    Choice("monitor", N_("Monitor")),
    Choice("printer", N_("Printer")),
    Choice("scanner", N_("Scanner")),
    Choice("ups", N_("UPS")),
    Choice("peripheral", N_("Keyboard / mouse / other")),
    Choice("other", N_("Other device")),
)

DEVICE_LABELS = {choice.value: choice.label for choice in DEVICE_CHOICES}

ASSET_CHOICES = (Choice("skip", N_("Don't know")),)

# Rented or under-warranty equipment goes to the vendor (003:L202).
OWNERSHIP_CHOICES = (
    Choice("owned", N_("Organisation's own")),
    Choice("rented", N_("Rented")),
    Choice("warranty", N_("Under warranty")),
)

PHOTO_CHOICES = (Choice("skip", N_("No photo")),)
ASSET_NUMBER = re.compile(r"^[0-9A-Za-z\u0E00-\u0E7F][0-9A-Za-z\u0E00-\u0E7F ./\-]{1,59}$")

CONFIRM_CHOICES = (
    Choice("confirm", N_("Confirm")),
    Choice("restart", N_("Start over")),
)


def asset_or_skip(answer: Answer, step: Step) -> str | None:
    """The number on the asset sticker or the serial number, upper-cased; or not known."""
    if answer.kind == "choice" and answer.value == "skip":
        return None
    number = " ".join(answer.text.split()).upper()
    if not ASSET_NUMBER.match(number):
        raise InvalidAnswer("Please type the number as it is on the sticker, or tap Don't know.")
    return number


def photo_or_skip(answer: Answer, step: Step) -> dict[str, Any] | None:
    """A photo of the fault (LINE keeps its content; we keep its message id), or none."""
    if answer.kind == "image" and answer.media and answer.media.get("message_id"):
        return {"message_id": str(answer.media["message_id"])}
    if answer.kind == "choice" and answer.value == "skip":
        return None
    raise InvalidAnswer("Please send a photo, or tap one of the choices.")


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
            next="asset",
        ),
        "asset": Step(
            name="asset",
            prompt=N_("What is the asset number or serial number on the device's sticker?"),
            parse=asset_or_skip,
            next="ownership",
            choices=ASSET_CHOICES,
            describe=lambda number: None if number else N_("not known"),
        ),
        "ownership": Step(
            name="ownership",
            prompt=N_("Is the device the organisation's own, rented, or under warranty?"),
            parse=choice,
            next="photo",
            choices=OWNERSHIP_CHOICES,
        ),
        "photo": Step(
            name="photo",
            prompt=N_("Send a photo of the problem if you can (tap + then the camera), "
                      "or tap 'No photo'."),
            parse=photo_or_skip,
            next="confirm",
            choices=PHOTO_CHOICES,
            accepts=frozenset({"image", "choice", "text"}),
            describe=lambda photo: N_("attached") if photo else N_("none"),
        ),
        "confirm": Step(
            name="confirm",
            prompt=N_("Please check your repair request:\nDevice: {device}\nProblem: {symptom}"
                      "\nAsset number: {asset}\nOwnership: {ownership}\nPhoto: {photo}"),
            parse=choice,
            next=_after_confirm,
            choices=CONFIRM_CHOICES,
        ),
    },
)
