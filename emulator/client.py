"""A small synchronous client of the emulator's page and inspection APIs, for tests and demos."""

from __future__ import annotations

import base64
import time
from types import TracebackType
from typing import Any

import httpx

JsonBody = dict[str, Any]
POLL_SECONDS = 0.05


class EmulatorClient:
    """Acts as personas and reads what the bot sent, over HTTP only."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self._http = httpx.Client(base_url=base_url, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> EmulatorClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, chat: str, action: JsonBody) -> JsonBody:
        """Any page action; answers {webhookEventId, delivered, status}."""
        response = self._http.post(f"/emulator/api/chats/{chat}/send", json=action)
        response.raise_for_status()
        result: JsonBody = response.json()
        return result

    def send_text(self, chat: str, from_: str, text: str) -> JsonBody:
        return self.send(chat, {"from": from_, "kind": "text", "text": text})

    def send_postback(
        self,
        chat: str,
        from_: str,
        data: str,
        *,
        display_text: str | None = None,
        params: dict[str, str] | None = None,
    ) -> JsonBody:
        action = {
            "from": from_,
            "kind": "postback",
            "data": data,
            "displayText": display_text,
            "params": params,
        }
        return self.send(chat, {key: value for key, value in action.items() if value is not None})

    def send_image(
        self, chat: str, from_: str, image: bytes, content_type: str = "image/png"
    ) -> JsonBody:
        encoded = base64.b64encode(image).decode()
        return self.send(
            chat,
            {"from": from_, "kind": "image", "imageBase64": encoded, "contentType": content_type},
        )

    def send_location(
        self,
        chat: str,
        from_: str,
        latitude: float,
        longitude: float,
        *,
        title: str | None = None,
        address: str | None = None,
    ) -> JsonBody:
        action = {
            "from": from_,
            "kind": "location",
            "latitude": latitude,
            "longitude": longitude,
            "title": title,
            "address": address,
        }
        return self.send(chat, {key: value for key, value in action.items() if value is not None})

    def send_sticker(self, chat: str, from_: str, package_id: str, sticker_id: str) -> JsonBody:
        return self.send(
            chat,
            {"from": from_, "kind": "sticker", "packageId": package_id, "stickerId": sticker_id},
        )

    def follow(self, user: str) -> JsonBody:
        return self.send(user, {"from": user, "kind": "follow"})

    def unfollow(self, user: str) -> JsonBody:
        return self.send(user, {"from": user, "kind": "unfollow"})

    def join(self, group: str, from_: str) -> JsonBody:
        """The bot is invited into `group` by the member `from_`."""
        return self.send(group, {"from": from_, "kind": "join"})

    def leave(self, group: str, from_: str) -> JsonBody:
        return self.send(group, {"from": from_, "kind": "leave"})

    def timeline(self, chat: str, after: int = 0) -> list[JsonBody]:
        return self._get(f"/emulator/api/chats/{chat}/timeline", after=after)["items"]

    def received(self, chat: str) -> list[JsonBody]:
        """Items the bot delivered to `chat`: {seq, at, via, message, ...}, oldest first."""
        return self._get("/emulator/inspect/received", chat=chat)["messages"]

    def wait_for_messages(self, chat: str, count: int, timeout: float = 10.0) -> list[JsonBody]:
        """Polls until the bot has delivered at least `count` messages to `chat`."""
        deadline = time.monotonic() + timeout
        while True:
            messages = self.received(chat)
            if len(messages) >= count:
                return messages
            if time.monotonic() > deadline:
                raise TimeoutError(f"{chat} got {len(messages)} of {count} messages: {messages}")
            time.sleep(POLL_SECONDS)

    def rejections(self) -> list[JsonBody]:
        return self._get("/emulator/inspect/rejections")["rejections"]

    def requests(self) -> list[JsonBody]:
        return self._get("/emulator/inspect/requests")["requests"]

    def deliveries(self) -> list[JsonBody]:
        return self._get("/emulator/inspect/deliveries")["deliveries"]

    def wait_for_webhooks_to_settle(self, timeout: float = 10.0) -> list[JsonBody]:
        """Waits until no redelivery is pending; answers every delivery attempt made."""
        deadline = time.monotonic() + timeout
        while True:
            answer = self._get("/emulator/inspect/deliveries")
            if answer["pendingRedeliveries"] == 0:
                return list(answer["deliveries"])
            if time.monotonic() > deadline:
                raise TimeoutError(f"redeliveries still pending: {answer['deliveries']}")
            time.sleep(POLL_SECONDS)

    def reset(self) -> None:
        self._post("/emulator/inspect/reset", {})

    def set_faults(self, **changes: Any) -> JsonBody:
        """E.g. set_faults(tooManyRequests=3) or set_faults(errorRate=0.5, latencySeconds=0.2)."""
        return self._post("/emulator/inspect/faults", changes)

    def set_personas(
        self, personas: list[JsonBody], groups: list[JsonBody] | None = None
    ) -> JsonBody:
        return self._post(
            "/emulator/inspect/personas", {"personas": personas, "groups": groups or []}
        )

    def set_webhook_url(self, url: str | None) -> JsonBody:
        return self._post("/emulator/inspect/webhook", {"url": url})

    def _get(self, path: str, **params: Any) -> JsonBody:
        response = self._http.get(path, params=params)
        response.raise_for_status()
        result: JsonBody = response.json()
        return result

    def _post(self, path: str, body: JsonBody) -> JsonBody:
        response = self._http.post(path, json=body)
        response.raise_for_status()
        result: JsonBody = response.json()
        return result
