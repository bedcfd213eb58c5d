"""Routes one event: global commands, then the active dialog, then one-shot handlers."""

from __future__ import annotations

import logging

from bot import conversation, intents, postback
from bot.dialogs.engine import Answer, Dialog
from bot.handlers import follow, menu, status
from bot.turn import Turn
from bot.views.text import text

log = logging.getLogger(__name__)


def handle(turn: Turn) -> None:
    inbound = turn.inbound
    if inbound.mode == "standby":  # another channel answers this chat: stay silent
        return
    kind = inbound.kind
    if kind == "follow":
        follow.greet(turn)
    elif kind == "unfollow":
        follow.farewell(turn)
    elif kind == "join":
        follow.joined_group(turn)
    elif kind == "postback":
        on_postback(turn)
    elif kind == "text":
        on_text(turn)
    elif kind in ("image", "location"):
        on_media(turn)
    elif kind == "other_message" and inbound.chat.kind == "user":
        turn.say(text(turn.t("Sorry, I can only read text, photos and locations."),
                      menu.main_menu_items(turn.t)))
    turn.flush_replies()


def on_text(turn: Turn) -> None:
    inbound = turn.inbound
    if inbound.chat.kind != "user" and not inbound.mentions_bot:
        return  # in a group the bot speaks when spoken to
    said = inbound.text
    if intents.is_one_of(said, intents.CANCEL_WORDS):
        conversation.cancel(turn)
    elif intents.is_one_of(said, intents.MENU_WORDS):
        menu.show_menu(turn)
    elif intents.is_one_of(said, intents.HELP_WORDS):
        menu.show_help(turn)
    elif (found := conversation.active(turn)) and not found[1].expired(turn.now):
        conversation.answer(turn, *found, Answer("text", text=said))
    else:
        _one_shot_text(turn, said, unfinished=found[0] if found else None)


def _one_shot_text(turn: Turn, said: str, *, unfinished: Dialog | None) -> None:
    if intents.is_one_of(said, intents.STATUS_WORDS):
        status.show_status(turn)
    elif intents.is_one_of(said, intents.REPAIR_WORDS):
        conversation.begin(turn, "repair")
    elif device := intents.repair_device(said):
        conversation.begin(turn, "repair", {"device": device, "symptom": said.strip()[:1000]})
    elif unfinished is not None:
        conversation.offer_resume(turn, unfinished)
    else:
        turn.say(text(turn.t("Sorry, I did not understand. Please choose from the menu."),
                      menu.main_menu_items(turn.t)))


def on_postback(turn: Turn) -> None:
    action, params = postback.decode(turn.inbound.postback_data)
    if action == "ans":
        _postback_answer(turn, params)
    elif action == "start" and params.get("d") in conversation.DIALOG_TITLES:
        conversation.begin(turn, params["d"])
    elif action == "status":
        status.show_status(turn)
    elif action == "ticket" and params.get("n"):
        status.show_ticket(turn, params["n"])
    elif action == "cancel":
        conversation.cancel(turn)
    elif action == "resume":
        conversation.resume(turn)
    elif action == "help":
        menu.show_help(turn)
    elif action == "menu":
        menu.show_menu(turn)
    else:
        log.info("postback %r from %s is not one of ours", action, turn.inbound.event_id)
        menu.show_menu(turn)


def _postback_answer(turn: Turn, params: dict[str, str]) -> None:
    found = conversation.active(turn)
    if found is None or found[1].state != params.get("s") or found[1].expired(turn.now):
        # A tap on an old question: the conversation has moved on or ended.
        turn.say(text(turn.t("That question is no longer open."), menu.main_menu_items(turn.t)))
        return
    conversation.answer(turn, *found, Answer("choice", value=params.get("v")))


def on_media(turn: Turn) -> None:
    found = conversation.active(turn)
    inbound = turn.inbound
    if found and not found[1].expired(turn.now):
        media = {"message_id": inbound.message_id, **(inbound.location or {})}
        conversation.answer(turn, *found, Answer(inbound.kind, media=media))  # type: ignore[arg-type]
    elif inbound.chat.kind == "user":
        thanks = turn.t("Thank you. To report a problem with this photo, tap Report a problem.")
        turn.say(text(thanks, menu.main_menu_items(turn.t)))
