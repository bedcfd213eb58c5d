"""The emulator's chat page in headless Chromium: personas, chat, quick replies, Flex, images."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect

from emulator.config import EmulatorConfig, Group, Persona
from emulator.server import RunningEmulator, start_emulator
from tests.browser.conftest import Screenshot
from tests.browser.scripted_bot import (
    APPROVE,
    BOOK_VISIT,
    NO_OPEN_TICKETS,
    ScriptedBot,
    eventually,
    solid_png,
)

pytestmark = pytest.mark.browser

SECRET = "browser-test-channel-secret"
TOKEN = "browser-test-access-token"
STAFF = Persona(user_id="U" + "a1" * 16, display_name="สมชาย ใจดี", role="staff")
MANAGER = Persona(user_id="U" + "b2" * 16, display_name="วิภา ศรีสุข", role="manager")
IT_GROUP = Group(
    group_id="C" + "c3" * 16, group_name="ไอที กองกลาง",
    member_ids=[STAFF.user_id, MANAGER.user_id],
)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def bot() -> Iterator[ScriptedBot]:
    scripted = ScriptedBot(TOKEN)
    scripted.start()
    yield scripted
    scripted.stop()
    assert scripted.failures == [], "the emulator refused a reply the page tests rely on"


@pytest.fixture
def emulator(bot: ScriptedBot) -> Iterator[RunningEmulator]:
    config = EmulatorConfig(
        channel_secret=SECRET, channel_access_token=TOKEN, webhook_url=bot.webhook_url,
        bot_name="IT Help Desk", personas=[STAFF, MANAGER], groups=[IT_GROUP],
    )
    running = start_emulator(config)
    bot.emulator_url = running.base_url
    yield running
    running.stop()


def open_chat(page: Page, emulator: RunningEmulator, fragment: str) -> None:
    page.goto(f"{emulator.base_url}/emulator/#{fragment}")
    expect(page.locator("body")).to_have_attribute("data-ready", "true")


def send_text(page: Page, text: str) -> None:
    page.get_by_test_id("chat-input").fill(text)
    page.get_by_test_id("chat-input").press("Enter")


def own_bubbles(page: Page) -> Locator:
    return page.locator("[data-testid=msg][data-direction=in]")


def bot_bubbles(page: Page) -> Locator:
    return page.locator("[data-testid=msg][data-direction=out]")


def ask_for_approval_card(emulator: RunningEmulator) -> None:
    """The manager taps a postback (through the page API); the bot answers with its card."""
    httpx.post(
        f"{emulator.base_url}/emulator/api/chats/{MANAGER.user_id}/send",
        json={"from": MANAGER.user_id, "kind": "postback", "data": "action=my-approvals"},
    ).raise_for_status()


def add_default_rich_menu(emulator: RunningEmulator) -> None:
    """What the bot does at start-up: a two-area menu with an image, made everyone's default."""
    half = {"y": 0, "width": 1250, "height": 843}
    menu = {
        "size": {"width": 2500, "height": 843}, "selected": True, "name": "main",
        "chatBarText": "เมนูบริการ",
        "areas": [
            {"bounds": {"x": 0, **half},
             "action": {"type": "message", "label": "แจ้งซ่อม", "text": "แจ้งซ่อม"}},
            {"bounds": {"x": 1250, **half},
             "action": {"type": "message", "label": "สถานะงาน", "text": "สถานะงาน"}},
        ],
    }
    base = emulator.base_url
    created = httpx.post(f"{base}/v2/bot/richmenu", json=menu, headers=AUTH)
    created.raise_for_status()
    menu_id = created.json()["richMenuId"]
    httpx.post(
        f"{base}/v2/bot/richmenu/{menu_id}/content", content=solid_png(2500, 843, (6, 199, 85)),
        headers={**AUTH, "Content-Type": "image/png"},
    ).raise_for_status()
    httpx.post(f"{base}/v2/bot/user/all/richmenu/{menu_id}", headers=AUTH).raise_for_status()


def test_the_persona_list_shows_each_persona_with_a_thai_role(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")

    staff = page.get_by_test_id(f"persona-{STAFF.user_id}")
    expect(staff).to_contain_text("สมชาย ใจดี")
    expect(staff).to_contain_text("เจ้าหน้าที่")
    expect(page.get_by_test_id(f"persona-{MANAGER.user_id}")).to_contain_text("ผู้บังคับบัญชา")
    expect(page.get_by_test_id(f"group-{IT_GROUP.group_id}")).to_contain_text("ไอที กองกลาง")
    screenshot()


def test_a_message_sent_with_enter_shows_the_users_bubble_and_the_bots_reply(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")

    send_text(page, "ปริ้นเตอร์ชั้น 3 กระดาษติด")

    expect(own_bubbles(page).last).to_contain_text("ปริ้นเตอร์ชั้น 3 กระดาษติด")
    expect(own_bubbles(page).last).to_have_attribute("data-side", "right")
    expect(bot_bubbles(page).last).to_contain_text("รับเรื่องแล้วค่ะ: ปริ้นเตอร์ชั้น 3 กระดาษติด")
    expect(bot_bubbles(page).last).to_have_attribute("data-side", "left")
    expect(page.get_by_test_id("chat-input")).to_have_value("")
    screenshot()


def test_shift_enter_starts_a_new_line_instead_of_sending(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")
    box = page.get_by_test_id("chat-input")

    box.fill("เครื่องพิมพ์ชั้น 3")
    box.press("Shift+Enter")
    box.press_sequentially("กระดาษติด")
    box.press("Enter")

    bubble = own_bubbles(page).last.locator(".bubble")
    expect(bubble).to_have_text("เครื่องพิมพ์ชั้น 3\nกระดาษติด")
    screenshot()


def test_a_quick_reply_chip_sends_its_text_and_the_chips_disappear(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")
    send_text(page, "เมาส์ไม่ทำงาน")
    chips = page.get_by_test_id("quick-reply")
    expect(chips).to_have_count(2)

    chips.filter(has_text="ดูสถานะงาน").click()

    expect(own_bubbles(page).last).to_contain_text("สถานะงาน")
    expect(bot_bubbles(page).last).to_contain_text(NO_OPEN_TICKETS)
    expect(chips).to_have_count(0)
    screenshot()


def test_a_flex_button_sends_its_postback_to_the_bot(
    page: Page, emulator: RunningEmulator, bot: ScriptedBot, screenshot: Screenshot
) -> None:
    ask_for_approval_card(emulator)
    open_chat(page, emulator, f"user={MANAGER.user_id}")

    page.get_by_test_id("flex-button").filter(has_text=APPROVE["label"]).first.click()

    expect(own_bubbles(page).last).to_contain_text(APPROVE["displayText"])
    assert eventually(lambda: APPROVE["data"] in bot.postback_data())
    screenshot()


def test_a_date_picked_in_the_datetime_dialog_reaches_the_bot_as_postback_params(
    page: Page, emulator: RunningEmulator, bot: ScriptedBot, screenshot: Screenshot
) -> None:
    ask_for_approval_card(emulator)
    open_chat(page, emulator, f"user={MANAGER.user_id}")
    page.get_by_test_id("flex-button").filter(has_text=BOOK_VISIT["label"]).first.click()
    picker = page.get_by_test_id("datetime-value")
    expect(picker).to_have_value(BOOK_VISIT["initial"])

    picker.fill("2026-12-03")
    page.get_by_test_id("datetime-ok").click()

    expected = {"data": BOOK_VISIT["data"], "params": {"date": "2026-12-03"}}
    assert eventually(lambda: expected in bot.postbacks())
    expect(page.get_by_test_id("event-note").last).to_contain_text("2026-12-03")
    screenshot()


def test_a_message_pushed_to_another_persona_shows_an_unread_badge_on_their_chat(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")

    httpx.post(
        f"{emulator.base_url}/v2/bot/message/push", headers=AUTH,
        json={"to": MANAGER.user_id, "messages": [{"type": "text", "text": "มีคำขอรออนุมัติ"}]},
    ).raise_for_status()

    manager = page.get_by_test_id(f"persona-{MANAGER.user_id}")
    expect(page.get_by_test_id(f"unread-{MANAGER.user_id}")).to_have_text("1")
    expect(manager).to_contain_text("มีคำขอรออนุมัติ")
    screenshot()


def test_an_uploaded_image_shows_in_the_chat(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"user={STAFF.user_id}")

    photo = FilePayload(
        name="broken-printer.png", mimeType="image/png", buffer=solid_png(64, 48, (200, 60, 60))
    )

    page.get_by_test_id("image-input").set_input_files(files=[photo])

    picture = page.locator("[data-testid=msg][data-direction=in][data-kind=image] img")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.decode().then(() => img.naturalWidth)") == 64
    screenshot()


def test_in_a_group_the_sending_members_bubbles_are_on_the_right(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    open_chat(page, emulator, f"group={IT_GROUP.group_id}&as={MANAGER.user_id}")
    send_text(page, "ระบบ ERP เข้าไม่ได้")
    managers = page.locator(f"[data-testid=msg][data-sender={MANAGER.user_id}]")
    expect(managers).to_have_attribute("data-side", "right")
    expect(bot_bubbles(page).last).to_contain_text("รับเรื่องแล้วค่ะ")

    page.get_by_test_id("send-as").select_option(STAFF.user_id)

    expect(managers).to_have_attribute("data-side", "left")
    expect(managers).to_contain_text("วิภา ศรีสุข")
    screenshot()


def test_tapping_a_rich_menu_area_sends_its_message(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    add_default_rich_menu(emulator)
    open_chat(page, emulator, f"user={STAFF.user_id}")

    page.get_by_test_id("richmenu-area").nth(1).click()

    expect(own_bubbles(page).last).to_contain_text("สถานะงาน")
    expect(bot_bubbles(page).last).to_contain_text(NO_OPEN_TICKETS)
    screenshot()


def test_the_chat_bar_text_folds_the_rich_menu_away(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    add_default_rich_menu(emulator)
    open_chat(page, emulator, f"user={STAFF.user_id}")
    toggle = page.get_by_test_id("richmenu-toggle")
    expect(toggle).to_contain_text("เมนูบริการ")
    expect(page.get_by_test_id("richmenu-area").first).to_be_visible()

    toggle.click()

    expect(page.get_by_test_id("richmenu-area").first).to_be_hidden()
    screenshot()


def test_a_phone_width_window_shows_the_chat_list_first_and_then_one_chat(
    page: Page, emulator: RunningEmulator, screenshot: Screenshot
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{emulator.base_url}/emulator/")
    staff = page.get_by_test_id(f"persona-{STAFF.user_id}")
    expect(staff).to_be_visible()
    expect(page.get_by_test_id("chat-input")).to_be_hidden()

    staff.click()

    expect(page.get_by_test_id("chat-input")).to_be_visible()
    expect(staff).to_be_hidden()
    screenshot()
