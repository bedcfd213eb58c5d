"""Friendship and groups: greet a new friend, forget a blocker, introduce the bot to a group."""

from __future__ import annotations

from bot.handlers.menu import main_menu_items
from bot.turn import Turn
from bot.views.text import text


def greet(turn: Turn) -> None:
    turn.users.befriend(turn.user_id, turn.now)
    t = turn.t
    turn.say(text(t("greeting"), main_menu_items(t)))


def farewell(turn: Turn) -> None:
    """Blocked: LINE gives no reply token, and pushes would fail, so only remember it."""
    turn.users.befriend(turn.user_id, turn.now, friend=False)


def joined_group(turn: Turn) -> None:
    turn.say(text(turn.t("group-greeting")))
