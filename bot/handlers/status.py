"""Status: the requester's open tickets as cards, or one ticket by number."""

from __future__ import annotations

from bot.dialogs.repair import DEVICE_LABELS
from bot.handlers.menu import main_menu_items
from bot.turn import Turn
from bot.views.text import text
from bot.views.ticket_card import MAX_CAROUSEL, ticket_bubble, ticket_card, ticket_carousel
from core.tickets.model import Ticket
from core.tickets.service import tickets_of_requester

SHOWN = MAX_CAROUSEL - 2  # leave room: ten cards read comfortably on a phone


def device_label(turn: Turn, ticket: Ticket) -> str | None:
    device = ticket.details.get("device")
    return turn.t(DEVICE_LABELS[device]) if device in DEVICE_LABELS else None


def show_status(turn: Turn) -> None:
    t = turn.t
    tickets = list(tickets_of_requester(turn.requester_id, uow=turn.uow))
    if not tickets:
        turn.say(text(t("You have no open requests."), main_menu_items(t)))
        return
    bubbles = [ticket_bubble(t, ticket, device_label(turn, ticket)) for ticket in tickets[:SHOWN]]
    alt = t("Your open requests: {count}", count=len(tickets))
    turn.say(ticket_carousel(t, bubbles, alt))
    if len(tickets) > SHOWN:
        turn.say(text(t("Showing the newest {shown} of {count}.", shown=SHOWN,
                        count=len(tickets))))


def show_ticket(turn: Turn, number: str) -> None:
    t = turn.t
    ticket = turn.uow.tickets.get_by_number(number)
    if ticket is None or ticket.requester_id != turn.requester_id:
        # The same answer for "absent" and "not yours", so numbers cannot be probed.
        turn.say(text(t("No request {number} was found among yours.", number=number)))
        return
    turn.say(ticket_card(t, ticket, device_label(turn, ticket)))
