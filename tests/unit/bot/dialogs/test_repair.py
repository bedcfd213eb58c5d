"""The repair dialog's structure and wording fit LINE and the catalog."""

from __future__ import annotations

import pytest

from bot.dialogs.engine import Answer, InvalidAnswer
from bot.dialogs.registry import DIALOGS
from bot.dialogs.repair import DEVICE_CHOICES, REPAIR, asset_or_skip
from bot.i18n import Translator
from bot.views.text import MAX_LABEL, MAX_QUICK_REPLIES
from core.tickets.catalogue_loader import load_catalogue


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


def test_repair_asks_in_the_order_of_the_repair_form() -> None:
    order, step = [], REPAIR.first
    while isinstance(step, str):
        order.append(step)
        step = REPAIR.steps[step].next  # type: ignore[assignment]
    assert order == ["device", "symptom", "asset", "ownership", "photo", "confirm"]


def test_the_device_choices_are_the_catalogues_repair_categories() -> None:
    categories = {c.key for c in load_catalogue(None).type("repair").categories}
    assert {c.value for c in DEVICE_CHOICES} == categories


def test_asset_numbers_are_upper_cased_and_odd_text_refused() -> None:
    step = REPAIR.steps["asset"]
    assert asset_or_skip(Answer("text", text=" pr 2565/0012 "), step) == "PR 2565/0012"
    assert asset_or_skip(Answer("choice", value="skip"), step) is None
    with pytest.raises(InvalidAnswer):
        asset_or_skip(Answer("text", text="!!"), step)
