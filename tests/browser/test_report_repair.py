"""A staff member reports a broken printer with a photo, by tapping and typing in the page."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import FilePayload, Page, expect
from sqlmodel import Session, select

from bot.db import make_engine
from bot.i18n import load_translator
from bot.line_port import install_default_rich_menu
from bot.views.richmenu import main_menu, main_menu_image
from core.sql.tables import TicketRow
from tests.browser.conftest import Screenshot
from tests.browser.scripted_bot import solid_png
from tests.support.databases import fresh_sqlite_database
from tests.support.line_events import STAFF, TOKEN
from tests.support.servers import Live, live_stack

pytestmark = pytest.mark.browser
LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[tuple[Live, str]]:
    url = fresh_sqlite_database(tmp_path)
    with live_stack(url) as live:
        t = load_translator(LOCALE)
        base = live.emulator.base_url
        install = install_default_rich_menu(base, base, TOKEN, main_menu(t), main_menu_image(t))
        # Playwright's sync API owns this thread's event loop; the SDK call gets its own.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, install).result()
        yield live, url


def tap_chip(page: Page, label: str) -> None:
    page.get_by_test_id("quick-reply").filter(has_text=label).click()


def test_staff_reports_a_broken_printer_with_a_photo(stack: tuple[Live, str], page: Page,
                                                     screenshot: Screenshot) -> None:
    live, url = stack
    page.goto(f"{live.emulator.base_url}/emulator/#user={STAFF}")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    bot_says = page.locator("[data-testid=msg][data-direction=out]")

    page.get_by_test_id("richmenu-area").first.click()  # the rich menu's แจ้งซ่อม tile
    expect(bot_says.last).to_contain_text("อุปกรณ์ใดมีปัญหา")
    tap_chip(page, "เครื่องพิมพ์")
    expect(bot_says.last).to_contain_text("กรุณาเล่าอาการเสีย")
    page.get_by_test_id("chat-input").fill("กระดาษติดทุกแผ่น ห้อง 301 ชั้น 3")
    page.get_by_test_id("chat-input").press("Enter")
    expect(bot_says.last).to_contain_text("หมายเลขครุภัณฑ์")
    page.get_by_test_id("chat-input").fill("PR-2565-0012")
    page.get_by_test_id("chat-input").press("Enter")
    expect(bot_says.last).to_contain_text("อยู่ในประกัน")
    tap_chip(page, "ครุภัณฑ์ของหน่วยงาน")
    expect(bot_says.last).to_contain_text("กรุณาส่งรูปอาการเสีย")
    photo = FilePayload(name="printer.png", mimeType="image/png",
                        buffer=solid_png(64, 48, (200, 40, 40)))
    page.get_by_test_id("image-input").set_input_files(files=[photo])
    expect(bot_says.last).to_contain_text("รูปภาพ: แนบแล้ว")
    tap_chip(page, "ยืนยันแจ้งซ่อม")

    expect(page.get_by_text(re.compile(r"IT-\d{4}-\d{6}")).last).to_be_visible()
    screenshot()
    engine = make_engine(url)
    with Session(engine) as session:
        tickets = session.exec(select(TicketRow)).all()
    engine.dispose()
    assert [(t.category, len(t.details["photo_message_ids"])) for t in tickets] == [("printer", 1)]
