"""Runs dialogs for a chat: start, answer, resume, cancel; shows effects as LINE messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.dialogs.engine import Answer, Ask, Dialog, Effect, Say, Session, Submit, advance, start
from bot.dialogs.registry import DIALOGS
from bot.handlers.menu import main_menu_items
from bot.i18n import N_
from bot.submissions import SUBMISSIONS
from bot.turn import Turn
from bot.views.text import quick_item, text

DIALOG_TITLES = {"repair": N_("Report a problem")}


def active(turn: Turn) -> tuple[Dialog, Session] | None:
    """The person's session in this chat, if any and if its dialog still exists."""
    session = turn.dialogs.load(turn.inbound.chat.key, turn.user_id)
    if session is None:
        return None
    dialog = DIALOGS.get(session.dialog)
    if dialog is None or dialog.step(session.state) is None:
        turn.dialogs.clear(turn.inbound.chat.key, turn.user_id)
        turn.say(text(turn.t("That conversation has changed. Please start again from the menu."),
                      main_menu_items(turn.t)))
        return None
    return dialog, session


def begin(turn: Turn, name: str, prefill: Mapping[str, Any] | None = None) -> None:
    dialog = DIALOGS[name]
    session, effects = start(dialog, now=turn.now, timeout=turn.settings.dialog_timeout,
                             prefill=prefill)
    _store(turn, session)
    _show(turn, dialog, effects)


def answer(turn: Turn, dialog: Dialog, session: Session, given: Answer) -> None:
    step = dialog.steps[session.state]
    given = _typed_choice(turn, step.choices, given)
    moved, effects = advance(dialog, session, given, now=turn.now,
                             timeout=turn.settings.dialog_timeout)
    _store(turn, moved)
    _show(turn, dialog, effects)


def resume(turn: Turn) -> None:
    found = active(turn)
    if found is None:
        turn.say(text(turn.t("There is nothing to continue."), main_menu_items(turn.t)))
        return
    dialog, session = found
    renewed = Session(session.dialog, session.state, session.data, session.version + 1,
                      turn.now + turn.settings.dialog_timeout)
    _store(turn, renewed)
    _show(turn, dialog, [Ask(dialog.steps[session.state], session.data)])


def offer_resume(turn: Turn, dialog: Dialog) -> None:
    t = turn.t
    title = t(DIALOG_TITLES.get(dialog.name, dialog.name))
    turn.say(text(t("Your earlier '{title}' was left unfinished. Continue it?", title=title),
                  [quick_item(t("Continue"), "resume"), quick_item(t("Start over"), "start",
                                                                    d=dialog.name),
                   quick_item(t("Cancel"), "cancel")]))


def cancel(turn: Turn) -> None:
    t = turn.t
    cleared = turn.dialogs.clear(turn.inbound.chat.key, turn.user_id)
    message = N_("Cancelled. Nothing was sent.") if cleared else N_("There is nothing to cancel.")
    turn.say(text(t(message), main_menu_items(t)))


def _store(turn: Turn, session: Session | None) -> None:
    chat, user = turn.inbound.chat.key, turn.user_id
    if session is None:
        turn.dialogs.clear(chat, user)
    else:
        turn.dialogs.save(chat, user, session, turn.now)


def _typed_choice(turn: Turn, choices: tuple[Any, ...], given: Answer) -> Answer:
    """Typing a choice's label counts as tapping it."""
    if given.kind != "text" or not choices:
        return given
    typed = " ".join(given.text.split()).casefold()
    for choice in choices:
        if typed in (turn.t(choice.label).casefold(), choice.value):
            return Answer("choice", text=given.text, value=choice.value)
    return given


def _show(turn: Turn, dialog: Dialog, effects: list[Effect]) -> None:
    for effect in effects:
        if isinstance(effect, Say):
            turn.say(text(turn.t(effect.message_id, **effect.params)))
        elif isinstance(effect, Ask):
            turn.say(_prompt(turn, dialog, effect))
        elif isinstance(effect, Submit):
            SUBMISSIONS[effect.dialog](turn, effect.data)


def _prompt(turn: Turn, dialog: Dialog, ask: Ask) -> dict[str, Any]:
    t = turn.t
    shown = {key: _shown_value(turn, dialog, key, value) for key, value in ask.data.items()}
    items = [quick_item(t(c.label), "ans", s=ask.step.name, v=c.value) for c in ask.step.choices]
    items.append(quick_item(t("Cancel"), "cancel"))
    return text(t(ask.step.prompt, **shown), items)


def _shown_value(turn: Turn, dialog: Dialog, key: str, value: Any) -> Any:
    step = dialog.steps.get(key)
    if step is not None and step.describe is not None:
        message_id = step.describe(value)
        return value if message_id is None else turn.t(message_id)
    labels = {c.value: c.label for c in step.choices} if step else {}
    return turn.t(labels[value]) if isinstance(value, str) and value in labels else value
