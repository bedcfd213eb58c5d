"""Reading request bodies the way LINE does, and describing them for the record."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from emulator.errors import LineApiError


async def read_json(request: Request) -> dict[str, Any]:
    """The body as a JSON object, or LINE's 400 for a body that is not one."""
    raw = await request.body()
    try:
        body = json.loads(raw or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        message = f"The request body could not be parsed as JSON (line: {line}, column: {column})"
        raise LineApiError(400, message) from error
    if not isinstance(body, dict):
        raise LineApiError(400, "The request body could not be parsed as JSON (line: 1, column: 1)")
    return body


def describe_body(raw: bytes, content_type: str | None) -> Any:
    """JSON bodies as JSON; anything else (an uploaded image) by type and size."""
    if not raw:
        return None
    if content_type and "json" in content_type:
        try:
            return json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return raw.decode("utf-8", errors="replace")
    return {"contentType": content_type, "bytes": len(raw)}
