"""Rich menus behave like LINE's and the page sees the menu each user would see."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from emulator.server import RunningEmulator
from tests.emulator.fakes import MALEE, SOMCHAI, png


def menu(**overrides: Any) -> dict[str, Any]:
    area = {
        "bounds": {"x": 0, "y": 0, "width": 1250, "height": 843},
        "action": {"type": "postback", "data": "menu=repair", "label": "แจ้งซ่อม"},
    }
    return {
        "size": {"width": 2500, "height": 843},
        "selected": False,
        "name": "หลัก",
        "chatBarText": "เมนู",
        "areas": [area],
        **overrides,
    }


def create(line_api: httpx.Client, **overrides: Any) -> str:
    menu_id: str = line_api.post("/v2/bot/richmenu", json=menu(**overrides)).json()["richMenuId"]
    return menu_id


def upload(line_api: httpx.Client, menu_id: str) -> httpx.Response:
    return line_api.post(
        f"/v2/bot/richmenu/{menu_id}/content", content=png(), headers={"Content-Type": "image/png"}
    )


def test_a_chat_bar_text_of_15_characters_is_rejected(line_api: httpx.Client) -> None:
    response = line_api.post("/v2/bot/richmenu", json=menu(chatBarText="ก" * 15))

    assert response.status_code == 400
    assert response.json()["details"] == [
        {"message": "Length must be between 1 and 14", "property": "chatBarText"}
    ]


def test_an_area_outside_the_menu_is_rejected(line_api: httpx.Client) -> None:
    area = {
        "bounds": {"x": 2000, "y": 0, "width": 1000, "height": 843},
        "action": {"type": "message", "text": "x"},
    }

    response = line_api.post("/v2/bot/richmenu", json=menu(areas=[area]))

    assert response.json()["details"][0]["property"] == "areas[0].bounds"


def test_a_menu_without_an_image_cannot_be_the_default(line_api: httpx.Client) -> None:
    menu_id = create(line_api)

    response = line_api.post(f"/v2/bot/user/all/richmenu/{menu_id}")

    assert (response.status_code, response.json()) == (
        400,
        {"message": "must upload richmenu image before applying it to user"},
    )


def test_a_menus_image_cannot_be_replaced(line_api: httpx.Client) -> None:
    menu_id = create(line_api)
    upload(line_api, menu_id)

    assert upload(line_api, menu_id).status_code == 400


def test_an_image_that_is_not_jpeg_or_png_is_refused(line_api: httpx.Client) -> None:
    menu_id = create(line_api)

    response = line_api.post(
        f"/v2/bot/richmenu/{menu_id}/content",
        content=b"GIF89a",
        headers={"Content-Type": "image/gif"},
    )

    assert response.status_code == 415


def test_an_unknown_menu_answers_404(line_api: httpx.Client) -> None:
    response = line_api.get("/v2/bot/richmenu/richmenu-0000")

    assert (response.status_code, response.json()) == (404, {"message": "Not found"})


def test_the_page_sees_no_menu_before_the_bot_sets_one(emulator: RunningEmulator) -> None:
    answer = httpx.get(f"{emulator.base_url}/emulator/api/users/{SOMCHAI}/richmenu").json()

    assert answer == {"richMenu": None, "imageUrl": None}


def test_the_page_sees_the_default_menu_with_its_image(
    line_api: httpx.Client, emulator: RunningEmulator
) -> None:
    menu_id = create(line_api)
    upload(line_api, menu_id)
    line_api.post(f"/v2/bot/user/all/richmenu/{menu_id}")

    answer = httpx.get(f"{emulator.base_url}/emulator/api/users/{SOMCHAI}/richmenu").json()
    image = httpx.get(emulator.base_url + answer["imageUrl"])

    assert answer["richMenu"]["richMenuId"] == menu_id
    assert answer["richMenu"]["areas"][0]["bounds"] == {
        "x": 0,
        "y": 0,
        "width": 1250,
        "height": 843,
    }
    assert image.content == png()


@pytest.mark.parametrize(("user", "expected"), [(SOMCHAI, "ผู้จัดการ"), (MALEE, "หลัก")])
def test_a_users_own_menu_wins_over_the_default(
    line_api: httpx.Client, emulator: RunningEmulator, user: str, expected: str
) -> None:
    default_id, own_id = create(line_api), create(line_api, name="ผู้จัดการ")
    for menu_id in (default_id, own_id):
        upload(line_api, menu_id)
    line_api.post(f"/v2/bot/user/all/richmenu/{default_id}")
    line_api.post(f"/v2/bot/user/{SOMCHAI}/richmenu/{own_id}")

    answer = httpx.get(f"{emulator.base_url}/emulator/api/users/{user}/richmenu").json()

    assert answer["richMenu"]["name"] == expected


def test_a_taken_alias_cannot_be_created_twice(line_api: httpx.Client) -> None:
    menu_id = create(line_api)
    alias = {"richMenuAliasId": "tab-main", "richMenuId": menu_id}
    line_api.post("/v2/bot/richmenu/alias", json=alias)

    assert line_api.post("/v2/bot/richmenu/alias", json=alias).status_code == 400


def test_the_page_follows_an_alias_to_its_menu(
    line_api: httpx.Client, emulator: RunningEmulator
) -> None:
    menu_id = create(line_api, name="แท็บสอง")
    line_api.post(
        "/v2/bot/richmenu/alias", json={"richMenuAliasId": "tab-2", "richMenuId": menu_id}
    )

    answer = httpx.get(f"{emulator.base_url}/emulator/api/richmenus/aliases/tab-2")
    missing = httpx.get(f"{emulator.base_url}/emulator/api/richmenus/aliases/tab-9")

    assert answer.json()["richMenu"]["name"] == "แท็บสอง"
    assert missing.status_code == 404
