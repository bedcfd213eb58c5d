"""LINE's error answers: status code, `message`, optional `details` and extra headers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One entry of LINE's `details` array: what is wrong and where in the body."""

    message: str
    property: str

    def to_json(self) -> dict[str, str]:
        return {"message": self.message, "property": self.property}


@dataclass
class Problems:
    """Collects every problem in a request body, as LINE reports them all at once."""

    found: list[Problem] = field(default_factory=list)

    def add(self, prop: str, message: str) -> None:
        self.found.append(Problem(message, prop))

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise LineApiError.invalid_body(self.found)


class LineApiError(Exception):
    """A Messaging API refusal, answered exactly as LINE would answer it."""

    def __init__(
        self,
        status: int,
        message: str,
        details: list[Problem] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details or []
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    @classmethod
    def invalid_body(cls, details: list[Problem]) -> LineApiError:
        # https://developers.line.biz/en/reference/messaging-api/#error-responses
        return cls(400, f"The request body has {len(details)} error(s)", details)

    @classmethod
    def invalid_property(cls, prop: str) -> LineApiError:
        message = f"The property, '{prop}', in the request body is invalid (line: -, column: -)"
        return cls(400, message)

    @classmethod
    def not_found(cls, message: str = "Not found") -> LineApiError:
        return cls(404, message)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message}
        if self.details:
            body["details"] = [problem.to_json() for problem in self.details]
        body.update(self.extra)
        return body
