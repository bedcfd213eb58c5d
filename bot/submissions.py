"""What a finished dialog does: hand its answers to the core and show the result."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.dialogs.repair import DEVICE_LABELS
from bot.turn import Turn
from bot.views.text import text
from bot.views.ticket_card import ticket_card
from core.tickets.service import OpenTicket, open_ticket


def submit_repair(turn: Turn, data: Mapping[str, Any]) -> None:
    t = turn.t
    device_id = DEVICE_LABELS[data["device"]]
    device = t(device_id)
    command = OpenTicket(
        type_key="repair",
        requester_id=turn.requester_id,
        unit_id=turn.person.unit_id if turn.person else None,
        title=t("Repair: {device}", device=device),
        description=data["symptom"],
        category=data["device"],
        details={"device": data["device"], "line_user_id": turn.user_id,
                 "photo_message_ids": [data["photo"]["message_id"]] if data.get("photo") else []},
    )
    ticket = open_ticket(command, uow=turn.uow, clock=turn.clock)
    turn.say(
        text(t("Your repair request {number} is recorded. We will tell you here as it moves.",
               number=ticket.number)),
        ticket_card(t, ticket, device),
    )


SUBMISSIONS: dict[str, Callable[[Turn, Mapping[str, Any]], None]] = {
    "repair": submit_repair,
}
