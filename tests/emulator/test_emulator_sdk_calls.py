"""The unchanged line-bot-sdk talks to the emulator exactly as it would talk to LINE."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    CreateRichMenuAliasRequest,
    MessageAction,
    MulticastRequest,
    PushMessageRequest,
    QuickReply,
    QuickReplyItem,
    ReplyMessageRequest,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
    ShowLoadingAnimationRequest,
    TextMessage,
)

from emulator.client import EmulatorClient
from emulator.server import RunningEmulator
from tests.emulator.fakes import IT_GROUP, MALEE, SOMCHAI, TOKEN, WebhookReceiver, png


@pytest.fixture
async def sdk(emulator: RunningEmulator) -> AsyncIterator[AsyncApiClient]:
    configuration = Configuration(host=emulator.base_url, access_token=TOKEN)
    async with AsyncApiClient(configuration) as api_client:
        yield api_client


@pytest.fixture
def messaging(sdk: AsyncApiClient) -> AsyncMessagingApi:
    return AsyncMessagingApi(sdk)


@pytest.fixture
def blobs(sdk: AsyncApiClient) -> AsyncMessagingApiBlob:
    return AsyncMessagingApiBlob(sdk)


def rich_menu_request() -> RichMenuRequest:
    return RichMenuRequest(
        size=RichMenuSize(width=2500, height=843),
        selected=True,
        name="เมนูหลัก",
        chat_bar_text="เมนู",
        areas=[
            RichMenuArea(
                bounds=RichMenuBounds(x=0, y=0, width=1250, height=843),
                action=MessageAction(label="แจ้งซ่อม", text="แจ้งซ่อม"),
            )
        ],
    )


async def test_a_reply_through_the_sdk_reaches_the_chat_that_spoke(
    messaging: AsyncMessagingApi, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    client.send_text(SOMCHAI, SOMCHAI, "เครื่องพิมพ์เสีย")
    token = receiver.last_event()["replyToken"]
    quick_reply = QuickReply(items=[QuickReplyItem(action=MessageAction(label="ใช่", text="ใช่"))])
    request = ReplyMessageRequest(
        reply_token=token, messages=[TextMessage(text="รับเรื่องแล้วค่ะ", quick_reply=quick_reply)]
    )

    response = await messaging.reply_message(request)

    assert len(response.sent_messages) == 1
    assert client.received(SOMCHAI)[0]["message"]["text"] == "รับเรื่องแล้วค่ะ"


async def test_a_push_through_the_sdk_returns_sent_message_ids_and_a_request_id(
    messaging: AsyncMessagingApi, client: EmulatorClient
) -> None:
    request = PushMessageRequest(to=IT_GROUP, messages=[TextMessage(text="ระบบอีเมลล่ม")])

    response = await messaging.push_message_with_http_info(request, x_line_retry_key=None)

    assert response.status_code == 200
    assert response.data.sent_messages[0].id.isdigit()
    assert response.headers["x-line-request-id"]
    assert client.received(IT_GROUP)[0]["via"] == "push"


async def test_a_multicast_through_the_sdk_reaches_every_listed_user(
    messaging: AsyncMessagingApi, client: EmulatorClient
) -> None:
    request = MulticastRequest(to=[SOMCHAI, MALEE], messages=[TextMessage(text="ปิดปรับปรุงระบบ")])

    await messaging.multicast(request)

    assert [item["via"] for item in client.received(SOMCHAI)] == ["multicast"]
    assert [item["via"] for item in client.received(MALEE)] == ["multicast"]


async def test_the_loading_animation_is_accepted_for_a_user(messaging: AsyncMessagingApi) -> None:
    request = ShowLoadingAnimationRequest(chat_id=SOMCHAI, loading_seconds=10)

    response = await messaging.show_loading_animation_with_http_info(request)

    assert response.status_code == 202


async def test_a_profile_is_read_through_the_sdk(messaging: AsyncMessagingApi) -> None:
    profile = await messaging.get_profile(MALEE)

    assert (profile.display_name, profile.status_message) == ("มาลี ศรีสุข", "ประชุมอยู่")


async def test_group_summary_count_members_and_member_profile_are_read_through_the_sdk(
    messaging: AsyncMessagingApi,
) -> None:
    summary = await messaging.get_group_summary(IT_GROUP)
    count = await messaging.get_group_member_count(IT_GROUP)
    ids = await messaging.get_group_members_ids(IT_GROUP)
    member = await messaging.get_group_member_profile(IT_GROUP, SOMCHAI)

    assert summary.group_name == "ทีมไอที"
    assert count.count == 3
    assert ids.member_ids[:2] == [SOMCHAI, MALEE]
    assert member.display_name == "สมชาย ใจดี"


async def test_bot_info_and_quota_are_read_through_the_sdk(
    messaging: AsyncMessagingApi,
) -> None:
    await messaging.push_message(PushMessageRequest(to=IT_GROUP, messages=[TextMessage(text="x")]))

    info = await messaging.get_bot_info()
    quota = await messaging.get_message_quota()
    consumption = await messaging.get_message_quota_consumption()

    assert info.display_name == "IT Help Desk"
    assert quota.type == "none"
    assert consumption.total_usage == 3


async def test_an_image_a_user_sent_is_downloaded_through_the_blob_api(
    blobs: AsyncMessagingApiBlob, client: EmulatorClient, receiver: WebhookReceiver
) -> None:
    picture = png()
    client.send_image(SOMCHAI, SOMCHAI, picture)
    message_id = receiver.last_event()["message"]["id"]

    content = await blobs.get_message_content(message_id)

    assert bytes(content) == picture


async def test_a_rich_menu_is_created_illustrated_and_made_the_default_through_the_sdk(
    messaging: AsyncMessagingApi, blobs: AsyncMessagingApiBlob
) -> None:
    await messaging.validate_rich_menu_object(rich_menu_request())
    menu_id = (await messaging.create_rich_menu(rich_menu_request())).rich_menu_id
    await blobs.set_rich_menu_image(menu_id, body=png(), _headers={"Content-Type": "image/png"})
    await messaging.set_default_rich_menu(menu_id)

    assert (await messaging.get_default_rich_menu_id()).rich_menu_id == menu_id
    assert (await messaging.get_rich_menu(menu_id)).chat_bar_text == "เมนู"
    assert [menu.rich_menu_id for menu in (await messaging.get_rich_menu_list()).richmenus] == [
        menu_id
    ]
    assert bytes(await blobs.get_rich_menu_image(menu_id)) == png()


async def test_a_rich_menu_is_linked_to_one_user_and_unlinked_through_the_sdk(
    messaging: AsyncMessagingApi, blobs: AsyncMessagingApiBlob
) -> None:
    menu_id = (await messaging.create_rich_menu(rich_menu_request())).rich_menu_id
    await blobs.set_rich_menu_image(menu_id, body=png(), _headers={"Content-Type": "image/png"})

    await messaging.link_rich_menu_id_to_user(SOMCHAI, menu_id)
    linked = (await messaging.get_rich_menu_id_of_user(SOMCHAI)).rich_menu_id
    await messaging.unlink_rich_menu_id_from_user(SOMCHAI)
    await messaging.cancel_default_rich_menu()
    await messaging.delete_rich_menu(menu_id)

    assert linked == menu_id
    assert (await messaging.get_rich_menu_list()).richmenus == []


async def test_a_rich_menu_alias_is_created_and_listed_through_the_sdk(
    messaging: AsyncMessagingApi,
) -> None:
    menu_id = (await messaging.create_rich_menu(rich_menu_request())).rich_menu_id

    await messaging.create_rich_menu_alias(
        CreateRichMenuAliasRequest(rich_menu_alias_id="main-tab", rich_menu_id=menu_id)
    )
    aliases = (await messaging.get_rich_menu_alias_list()).aliases

    assert [(alias.rich_menu_alias_id, alias.rich_menu_id) for alias in aliases] == [
        ("main-tab", menu_id)
    ]
