"""The rich menu reaches every user through the SDK, with its Thai picture."""

from __future__ import annotations

import asyncio

import httpx

from bot.i18n import Translator
from bot.line_port import install_default_rich_menu
from bot.views.richmenu import HEIGHT, WIDTH, main_menu, main_menu_image
from emulator.client import EmulatorClient
from emulator.server import start_emulator
from tests.support.line_events import STAFF, TOKEN
from tests.support.servers import emulator_config


def test_the_installed_menu_is_every_users_default(t: Translator) -> None:
    with start_emulator(emulator_config("http://127.0.0.1:9/callback")) as emulator:
        base = emulator.base_url
        menu_id = asyncio.run(install_default_rich_menu(base, base, TOKEN, main_menu(t),
                                                        main_menu_image(t)))
        shown = httpx.get(f"{base}/emulator/api/users/{STAFF}/richmenu").json()
        assert shown["richMenu"]["richMenuId"] == menu_id
        assert [a["action"]["displayText"] for a in shown["richMenu"]["areas"]] == [
            "แจ้งซ่อม", "สถานะงาน", "ช่วยเหลือ"]
        picture = httpx.get(base + shown["imageUrl"]).content
        assert picture.startswith(b"\x89PNG")
        with EmulatorClient(base) as line:
            assert line.rejections() == []


def test_the_menu_covers_the_whole_compact_image(t: Translator) -> None:
    menu = main_menu(t)
    assert menu["size"] == {"width": WIDTH, "height": HEIGHT}
    assert sum(area["bounds"]["width"] for area in menu["areas"]) <= WIDTH
    assert len(menu["chatBarText"]) <= 14
