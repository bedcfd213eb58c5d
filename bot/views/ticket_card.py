"""The ticket card: a Flex bubble with number, type, details, status and date."""

from __future__ import annotations

from typing import Any

from bot.i18n import N_, Translator
from bot.views.labels import STATUS_COLOURS, STATUS_LABELS, TYPE_LABELS
from bot.views.text import postback_action
from core.tickets.model import Ticket

BRAND = "#06C755"
MAX_CAROUSEL = 12  # LINE: a carousel holds at most 12 bubbles
MAX_ALT_TEXT = 1500  # LINE: Flex altText is at most 1,500 characters


def _row(label: str, value: str, colour: str = "#333333") -> dict[str, Any]:
    return {
        "type": "box",
        "layout": "baseline",
        "spacing": "sm",
        "contents": [
            {"type": "text", "text": label, "size": "sm", "color": "#8C8C8C", "flex": 2},
            {"type": "text", "text": value or "-", "size": "sm", "color": colour, "flex": 5,
             "wrap": True},
        ],
    }


def type_label(t: Translator, ticket: Ticket) -> str:
    return t(TYPE_LABELS.get(ticket.type_key, N_("Request")))


def status_label(t: Translator, ticket: Ticket) -> str:
    return t(STATUS_LABELS[ticket.status])


def ticket_bubble(t: Translator, ticket: Ticket, device_label: str | None) -> dict[str, Any]:
    rows = [
        _row(t("Type"), type_label(t, ticket)),
        _row(t("Device"), device_label or "-") if device_label else None,
        _row(t("Asset number"), ticket.asset_no) if ticket.asset_no else None,
        _row(t("Problem"), ticket.description[:300]),
        _row(t("Status"), status_label(t, ticket), STATUS_COLOURS.get(ticket.status, BRAND)),
        _row(t("Reported"), t.datetime(ticket.created_at)),
    ]
    return {
        "type": "bubble",
        "header": {
            "type": "box", "layout": "vertical", "backgroundColor": BRAND, "paddingAll": "16px",
            "contents": [
                {"type": "text", "text": type_label(t, ticket), "color": "#FFFFFF", "size": "sm"},
                {"type": "text", "text": ticket.number, "color": "#FFFFFF", "size": "xl",
                 "weight": "bold"},
            ],
        },
        "body": {"type": "box", "layout": "vertical", "spacing": "md",
                 "contents": [row for row in rows if row is not None]},
        "footer": {
            "type": "box", "layout": "vertical",
            "contents": [{"type": "button", "style": "link", "height": "sm",
                          "action": postback_action(t("Check status"), "ticket",
                                                    t("Check status"), n=ticket.number)}],
        },
    }


def flex(alt_text: str, contents: dict[str, Any]) -> dict[str, Any]:
    return {"type": "flex", "altText": alt_text[:MAX_ALT_TEXT], "contents": contents}


def ticket_card(t: Translator, ticket: Ticket, device_label: str | None) -> dict[str, Any]:
    alt = t("{type} {number}: {status}", type=type_label(t, ticket), number=ticket.number,
            status=status_label(t, ticket))
    return flex(alt, ticket_bubble(t, ticket, device_label))


def ticket_carousel(t: Translator, bubbles: list[dict[str, Any]], alt: str) -> dict[str, Any]:
    return flex(alt, {"type": "carousel", "contents": bubbles[:MAX_CAROUSEL]})
