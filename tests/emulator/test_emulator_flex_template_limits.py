"""Flex and template messages that break LINE's rules are refused with LINE's body."""

from __future__ import annotations

import httpx

from tests.emulator.bodies import bubble, buttons, one_error, postback, push


def test_a_postback_with_both_display_text_and_text_is_rejected(line_api: httpx.Client) -> None:
    action = postback(displayText="อนุมัติ", text="อนุมัติ")

    response = push(line_api, buttons(actions=[action]))

    assert response.json()["details"][0]["property"] == "messages[0].template.actions[0].text"


def test_a_flex_message_without_alt_text_is_rejected(line_api: httpx.Client) -> None:
    flex = {"type": "flex", "contents": bubble({"type": "text", "text": "ใบงาน"})}

    response = push(line_api, flex)

    assert response.json() == one_error("must be specified", "messages[0].altText")


def test_a_carousel_of_thirteen_bubbles_is_rejected(line_api: httpx.Client) -> None:
    carousel = {"type": "carousel", "contents": [bubble()] * 13}

    response = push(line_api, {"type": "flex", "altText": "ใบงาน", "contents": carousel})

    assert response.json() == one_error(
        "Size must be between 1 and 12", "messages[0].contents.contents"
    )


def test_a_flex_button_without_an_action_is_rejected(line_api: httpx.Client) -> None:
    flex = {"type": "flex", "altText": "ใบงาน", "contents": bubble({"type": "button"})}

    response = push(line_api, flex)

    assert response.json() == one_error(
        "must be specified", "messages[0].contents.body.contents[0].action"
    )


def test_an_icon_outside_a_baseline_box_is_rejected(line_api: httpx.Client) -> None:
    icon = {"type": "icon", "url": "https://example.com/star.png"}
    flex = {"type": "flex", "altText": "ใบงาน", "contents": bubble(icon)}

    response = push(line_api, flex)

    assert response.json()["details"][0]["property"] == "messages[0].contents.body.contents[0].type"


def test_a_well_formed_flex_bubble_is_accepted(line_api: httpx.Client) -> None:
    button = {"type": "button", "style": "primary", "action": postback()}
    header = {
        "type": "box",
        "layout": "baseline",
        "contents": [
            {"type": "icon", "url": "https://example.com/star.png"},
            {"type": "text", "text": "งาน"},
        ],
    }
    flex_bubble = {**bubble({"type": "text", "text": "ใบงาน #1"}, button), "header": header}

    response = push(line_api, {"type": "flex", "altText": "ใบงาน", "contents": flex_bubble})

    assert response.status_code == 200


def test_a_buttons_template_title_of_41_characters_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, buttons(title="ก" * 41, text="สั้น"))

    assert response.json() == one_error(
        "Length must be between 1 and 40", "messages[0].template.title"
    )


def test_a_buttons_template_with_a_title_allows_only_60_characters_of_text(
    line_api: httpx.Client,
) -> None:
    response = push(line_api, buttons(title="ใบงาน", text="ก" * 61))

    assert response.json() == one_error(
        "Length must be between 1 and 60", "messages[0].template.text"
    )


def test_a_buttons_template_without_image_or_title_allows_160_characters(
    line_api: httpx.Client,
) -> None:
    assert push(line_api, buttons(text="ก" * 160)).status_code == 200


def test_a_buttons_template_with_five_actions_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, buttons(actions=[postback()] * 5))

    assert response.json() == one_error(
        "Size must be between 1 and 4", "messages[0].template.actions"
    )


def test_a_camera_action_outside_a_quick_reply_is_rejected(line_api: httpx.Client) -> None:
    response = push(line_api, buttons(actions=[{"type": "camera", "label": "ถ่ายรูป"}]))

    assert response.json()["details"][0]["property"] == "messages[0].template.actions[0].type"
