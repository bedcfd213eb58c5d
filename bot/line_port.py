"""The only user of LINE's Messaging API client: the Messenger port and its LINE adapter."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import aiohttp
from linebot.v3.messaging import (
    ApiException,
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    PushMessageRequest,
    ReplyMessageRequest,
    RichMenuRequest,
)

log = logging.getLogger(__name__)

OutcomeKind = Literal["sent", "retry", "failed", "token_invalid"]


@dataclass(frozen=True)
class SendOutcome:
    kind: OutcomeKind
    detail: str = ""


class Messenger(Protocol):
    async def reply(self, token: str, messages: list[dict[str, Any]]) -> SendOutcome: ...

    async def push(self, to: str, messages: list[dict[str, Any]], retry_key: str) -> SendOutcome:
        ...

    async def close(self) -> None: ...


class LineMessenger:
    """Talks to LINE (or the emulator, by `api_base`) through line-bot-sdk's async client."""

    def __init__(self, api_base: str, access_token: str, timeout_seconds: float) -> None:
        self._configuration = Configuration(host=api_base, access_token=access_token)
        self._client: AsyncApiClient | None = None
        self._timeout = timeout_seconds

    def _api(self) -> AsyncMessagingApi:
        # aiohttp binds its connection pool to the running loop, so it is made on first use.
        if self._client is None:
            self._client = AsyncApiClient(self._configuration)
        return AsyncMessagingApi(self._client)

    async def reply(self, token: str, messages: list[dict[str, Any]]) -> SendOutcome:
        request = ReplyMessageRequest.from_dict({"replyToken": token, "messages": messages})
        return await self._call(
            self._api().reply_message_with_http_info(request, _request_timeout=self._timeout)
        )

    async def push(self, to: str, messages: list[dict[str, Any]], retry_key: str) -> SendOutcome:
        request = PushMessageRequest.from_dict({"to": to, "messages": messages})
        return await self._call(
            self._api().push_message_with_http_info(
                request, x_line_retry_key=retry_key, _request_timeout=self._timeout
            )
        )

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def _call(self, call: Any) -> SendOutcome:
        try:
            await call
        except ApiException as error:
            return classify_error(error.status, _body_text(error.body))
        except (TimeoutError, aiohttp.ClientError) as error:
            return SendOutcome("retry", f"network: {type(error).__name__}: {error}")
        return SendOutcome("sent")


async def install_default_rich_menu(api_base: str, data_base: str, access_token: str,
                                    menu: dict[str, Any], png: bytes) -> str:
    """Create the rich menu, upload its picture, make it everyone's default; returns its id."""
    async with AsyncApiClient(Configuration(host=api_base, access_token=access_token)) as client:
        api = AsyncMessagingApi(client)
        created = await api.create_rich_menu(RichMenuRequest.from_dict(menu))
        menu_id = created.rich_menu_id
        blob_config = Configuration(host=data_base, access_token=access_token)
        async with AsyncApiClient(blob_config) as blob_client:
            await AsyncMessagingApiBlob(blob_client).set_rich_menu_image(
                menu_id, bytearray(png), _headers={"Content-Type": "image/png"}
            )
        await api.set_default_rich_menu(menu_id)
    return str(menu_id)


def classify_error(status: int | None, body: str) -> SendOutcome:
    """LINE's answer → what the sender should do (LINE_PLATFORM.md, "Sending")."""
    if status == 409:  # the retry key was accepted before: the message is delivered
        return SendOutcome("sent", "409 already accepted")
    if status is None or status == 429 or status >= 500:
        return SendOutcome("retry", f"{status}: {body}")
    if status == 400 and "reply token" in body.lower():
        return SendOutcome("token_invalid", body)
    return SendOutcome("failed", f"{status}: {body}")


def _body_text(body: Any) -> str:
    if isinstance(body, bytes | bytearray):
        return body.decode("utf-8", "replace")
    if body is None:
        return ""
    return body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
