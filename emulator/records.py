"""What the emulator saw: every Messaging API call, every rejection, every webhook attempt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

JsonObject = dict[str, Any]


def iso_time(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")


class Record:
    """Append-only lists the inspection API hands to tests; `clear` starts a new record."""

    def __init__(self) -> None:
        self.requests: list[JsonObject] = []
        self.rejections: list[JsonObject] = []
        self.deliveries: list[JsonObject] = []

    def clear(self) -> None:
        self.requests.clear()
        self.rejections.clear()
        self.deliveries.clear()

    def api_call(self, at: float, call: JsonObject) -> None:
        self.requests.append({"at": iso_time(at), **call})

    def rejection(self, at: float, endpoint: str, reason: JsonObject, body: Any) -> None:
        self.rejections.append(
            {"at": iso_time(at), "endpoint": endpoint, "reason": reason, "body": body}
        )

    def delivery(self, at: float, attempt: JsonObject) -> None:
        self.deliveries.append({"at": iso_time(at), **attempt})
