"""The repair dialog's structure and wording fit LINE and the catalog."""

from __future__ import annotations

from bot.dialogs.registry import DIALOGS
from bot.dialogs.repair import REPAIR
from bot.i18n import Translator
from bot.views.text import MAX_LABEL, MAX_QUICK_REPLIES


def test_every_choice_label_fits_lines_twenty_characters(t: Translator) -> None:
    for dialog in DIALOGS.values():
        for step in dialog.steps.values():
            for choice in step.choices:
                label = t(choice.label)
                assert label != choice.label, f"{choice.label!r} is not translated"
                assert len(label) <= MAX_LABEL, label


def test_every_step_leaves_room_for_the_cancel_chip() -> None:
    for dialog in DIALOGS.values():
        for step in dialog.steps.values():
            assert len(step.choices) + 1 <= MAX_QUICK_REPLIES


def test_repair_asks_device_then_symptom_then_photo_then_confirmation() -> None:
    assert REPAIR.first == "device"
    assert REPAIR.steps["device"].next == "symptom"
    assert REPAIR.steps["symptom"].next == "photo"
    assert REPAIR.steps["photo"].next == "confirm"
