"""The ticket card and menus stay inside LINE's limits and say things in Thai."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import postback
from bot.handlers.menu import main_menu_items
from bot.i18n import Translator
from bot.views.text import MAX_LABEL, quick_item
from bot.views.ticket_card import MAX_ALT_TEXT, ticket_card
from core.tickets.model import Ticket, TicketStatus

AT = datetime(2026, 11, 25, 7, 30, tzinfo=UTC)


def ticket(**changes: object) -> Ticket:
    values: dict[str, object] = {
        "number": "IT-2569-000123", "type_key": "repair", "requester_id": "E1018",
        "title": "แจ้งซ่อม: เครื่องพิมพ์", "created_at": AT, "updated_at": AT,
        "description": "กระดาษติด", "asset_no": "PR-01", "id": 123} | changes
    return Ticket(**values)  # type: ignore[arg-type]


def test_the_card_shows_number_status_and_buddhist_era_date(t: Translator) -> None:
    card = ticket_card(t, ticket(), "เครื่องพิมพ์")
    assert card["altText"] == "แจ้งซ่อม IT-2569-000123: รับเรื่องแล้ว"
    rows = [[c["text"] for c in row["contents"]] for row in card["contents"]["body"]["contents"]]
    assert ["สถานะ", "รับเรื่องแล้ว"] in rows
    assert ["วันที่แจ้ง", "25 พ.ย. 2569 14:30 น."] in rows
    assert ["เลขครุภัณฑ์", "PR-01"] in rows


def test_a_very_long_problem_keeps_the_card_within_limits(t: Translator) -> None:
    card = ticket_card(t, ticket(description="ก" * 4000, status=TicketStatus.PENDING), None)
    assert len(card["altText"]) <= MAX_ALT_TEXT
    problem = next(row for row in card["contents"]["body"]["contents"]
                   if row["contents"][0]["text"] == "อาการ")
    assert len(problem["contents"][1]["text"]) == 300


def test_menu_labels_fit_and_their_postbacks_decode(t: Translator) -> None:
    for item in main_menu_items(t):
        action = item["action"]
        assert len(action["label"]) <= MAX_LABEL
        assert postback.decode(action["data"])[0] in {"start", "status", "help"}


def test_postback_data_over_300_characters_is_refused_before_it_reaches_line() -> None:
    with pytest.raises(ValueError, match="300"):
        quick_item("x", "ticket", n="9" * 300)
