"""The dialog engine: pure advance(), prefill, restart, validation, structure checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.dialogs.answers import FreeText, choice
from bot.dialogs.engine import (
    RESTART,
    Answer,
    Ask,
    Choice,
    Dialog,
    Say,
    Step,
    Submit,
    advance,
    start,
)

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
TIMEOUT = timedelta(minutes=30)

COLOUR = Step("colour", "Which colour?", choice, "words", (Choice("red", "Red"),
                                                           Choice("blue", "Blue")))
WORDS = Step("words", "Say more", FreeText(min_length=3, max_length=10), "ok")
OK = Step("ok", "Sure?", choice, lambda data: RESTART if data["ok"] == "no" else None,
          (Choice("yes", "Yes"), Choice("no", "No")))
DIALOG = Dialog("paint", "colour", {"colour": COLOUR, "words": WORDS, "ok": OK})


def test_start_asks_the_first_step() -> None:
    session, effects = start(DIALOG, now=NOW, timeout=TIMEOUT)
    assert session is not None and session.state == "colour"
    assert effects == [Ask(COLOUR, {})]
    assert session.expires_at == NOW + TIMEOUT


def test_prefilled_answers_are_skipped() -> None:
    session, _effects = start(DIALOG, now=NOW, timeout=TIMEOUT, prefill={"colour": "red"})
    assert session is not None and session.state == "words"


def test_a_valid_answer_moves_on_and_bumps_the_version() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT)
    assert session is not None
    moved, _effects = advance(DIALOG, session, Answer("choice", value="blue"), now=NOW,
                             timeout=TIMEOUT)
    assert moved is not None and (moved.state, moved.version) == ("words", 2)
    assert moved.data == {"colour": "blue"}


def test_an_invalid_answer_explains_and_asks_again_without_change() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT, prefill={"colour": "red"})
    assert session is not None
    same, effects = advance(DIALOG, session, Answer("text", text="x"), now=NOW, timeout=TIMEOUT)
    assert same == session
    assert isinstance(effects[0], Say) and effects[1] == Ask(WORDS, session.data)


def test_a_photo_where_text_is_expected_is_refused() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT, prefill={"colour": "red"})
    assert session is not None
    same, effects = advance(DIALOG, session, Answer("image"), now=NOW, timeout=TIMEOUT)
    assert same == session
    assert effects[0] == Say("Please type your answer as text.")


def test_the_last_answer_submits_the_collected_data() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT, prefill={"colour": "red",
                                                                  "words": "abcd"})
    assert session is not None
    done, effects = advance(DIALOG, session, Answer("choice", value="yes"), now=NOW,
                            timeout=TIMEOUT)
    assert done is None
    assert effects == [Submit("paint", {"colour": "red", "words": "abcd", "ok": "yes"})]


def test_restart_forgets_the_answers() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT, prefill={"colour": "red",
                                                                  "words": "abcd"})
    assert session is not None
    again, _effects = advance(DIALOG, session, Answer("choice", value="no"), now=NOW,
                             timeout=TIMEOUT)
    assert again is not None and (again.state, dict(again.data)) == ("colour", {})


def test_a_session_in_a_step_that_no_longer_exists_ends() -> None:
    session, _ = start(DIALOG, now=NOW, timeout=TIMEOUT)
    assert session is not None
    gone = type(session)(session.dialog, "vanished", {}, 1, NOW)
    ended, effects = advance(DIALOG, gone, Answer("text", text="hi"), now=NOW, timeout=TIMEOUT)
    assert ended is None and isinstance(effects[0], Say)


def test_a_dialog_pointing_at_a_missing_step_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="unknown step"):
        Dialog("broken", "colour", {"colour": COLOUR})
