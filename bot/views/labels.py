"""Thai labels of the core's codes: request types, statuses, pending reasons."""

from __future__ import annotations

from bot.i18n import N_
from core.tickets.model import TicketStatus

TYPE_LABELS = {
    "repair": N_("Repair request"),
}

STATUS_LABELS = {
    TicketStatus.NEW: N_("Received"),
    TicketStatus.AWAITING_APPROVAL: N_("Awaiting approval"),
    TicketStatus.APPROVED: N_("Approved"),
    TicketStatus.REJECTED: N_("Not approved"),
    TicketStatus.ASSIGNED: N_("Assigned to a technician"),
    TicketStatus.IN_PROGRESS: N_("In progress"),
    TicketStatus.PENDING: N_("On hold"),
    TicketStatus.RESOLVED: N_("Fixed, awaiting your confirmation"),
    TicketStatus.CLOSED: N_("Closed"),
    TicketStatus.CANCELLED: N_("Cancelled"),
    TicketStatus.MERGED: N_("Merged with another request"),
}

STATUS_COLOURS = {
    TicketStatus.NEW: "#1E88E5",
    TicketStatus.RESOLVED: "#06C755",
    TicketStatus.CLOSED: "#757575",
    TicketStatus.CANCELLED: "#757575",
    TicketStatus.REJECTED: "#E53935",
}
