"""Thai wording: the catalog is complete, dates are Buddhist era, no catalog no start."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.catalog import check
from bot.i18n import CatalogMissing, Translator, load_translator


def test_the_thai_catalog_covers_every_message_the_bot_uses() -> None:
    assert [str(problem) for problem in check()] == []


def test_dates_are_in_the_buddhist_era_and_bangkok_time(t: Translator) -> None:
    at = datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
    assert t.date(at) == "25 พ.ย. 2569"
    assert t.datetime(at) == "25 พ.ย. 2569 14:30 น."


def test_late_evening_utc_is_already_tomorrow_in_bangkok(t: Translator) -> None:
    assert t.date(datetime(2026, 12, 31, 18, 0, tzinfo=UTC)) == "1 ม.ค. 2570"


def test_placeholders_are_filled_by_name(t: Translator) -> None:
    assert t("Your open requests: {count}", count=3) == "คำขอที่ยังดำเนินการอยู่ 3 รายการ"


def test_the_bot_refuses_to_start_without_a_compiled_catalog(tmp_path: Path) -> None:
    with pytest.raises(CatalogMissing, match="helpdesk i18n compile"):
        load_translator(tmp_path)
