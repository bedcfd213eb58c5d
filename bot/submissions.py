"""What a finished dialog does: hand its answers to the core and show the result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.dialogs.repair import DEVICE_LABELS
from bot.turn import Turn
from bot.views.text import text
from bot.views.ticket_card import ticket_card
from core.tickets.repair_rules import RepairFindings, apply_repair_rules
from core.tickets.service import OpenTicket, open_ticket


def submit_repair(turn: Turn, data: Mapping[str, Any]) -> None:
    t = turn.t
    device_id = DEVICE_LABELS[data["device"]]
    device = t(device_id)
    photo = data.get("photo")
    command = OpenTicket(
        type_key="repair",
        requester_id=turn.requester_id,
        unit_id=turn.person.unit_id if turn.person else None,
        title=t("Repair: {device}", device=device),
        description=data["symptom"],
        category=data["device"],
        asset_no=data.get("asset"),
        details={"device": data["device"], "ownership": data.get("ownership"),
                 "line_user_id": turn.user_id,
                 "photo_message_ids": [photo["message_id"]] if photo else []},
    )
    opened = open_ticket(command, uow=turn.uow, clock=turn.clock)
    assert opened.id is not None
    findings = apply_repair_rules(opened.id, catalogue=turn.catalogue, uow=turn.uow,
                                  clock=turn.clock)
    ticket = turn.uow.tickets.get(opened.id)
    turn.say(
        text(t("Your repair request {number} is recorded. We will tell you here as it moves.",
               number=ticket.number)),
        ticket_card(t, ticket, device),
        *_findings(turn, findings),
    )


def _findings(turn: Turn, findings: RepairFindings) -> list[dict[str, Any]]:
    """What the repair rules mean for the requester, said plainly."""
    t, said = turn.t, []
    if findings.previous_repair is not None:
        said.append(text(t("This device was repaired under {number} less than 30 days ago: "
                           "the repair is under guarantee and a technician will come to you.",
                           number=findings.previous_repair.number)))
    if findings.vendor:
        said.append(text(t("The device is rented or under warranty: we will call the vendor "
                           "and keep you informed here.")))
    return said


SUBMISSIONS: dict[str, Callable[[Turn, Mapping[str, Any]], None]] = {
    "repair": submit_repair,
}
