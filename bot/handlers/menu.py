"""The main menu and help: what the bot can do, as quick replies."""

from __future__ import annotations

from typing import Any

from bot.i18n import Translator
from bot.turn import Turn
from bot.views.text import quick_item, text


def main_menu_items(t: Translator) -> list[dict[str, Any]]:
    return [
        quick_item(t("Report a problem"), "start", d="repair"),
        quick_item(t("My requests"), "status"),
        quick_item(t("Help"), "help"),
    ]


def show_menu(turn: Turn) -> None:
    turn.say(text(turn.t("What would you like to do?"), main_menu_items(turn.t)))


def show_help(turn: Turn) -> None:
    t = turn.t
    turn.say(text(t("help-text"), main_menu_items(t)))
