"""The door every Messaging API call passes: request ids, auth, faults, limits, the record."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from emulator.errors import LineApiError
from emulator.ids import new_request_id
from emulator.state import EmulatorState, State
from emulator.wire import describe_body

API_PREFIX = "/v2/"
# #retry-api-request: "If you specify X-Line-Retry-Key in the request header of an API that
# isn't listed above, your request will be rejected with status code 400".
RETRY_KEY_PATHS = (
    "/v2/bot/message/push",
    "/v2/bot/message/multicast",
    "/v2/bot/message/narrowcast",
    "/v2/bot/message/broadcast",
)
# A 409 (already accepted) or 429 (throttled) is LINE doing its job, not the bot's mistake.
NOT_REJECTIONS = (409, 429)


async def line_gate(request: Request, state: State) -> None:
    """Runs before every Messaging API route, in the order LINE's front door would."""
    if state.faults.settings.latency_seconds:
        await asyncio.sleep(state.faults.settings.latency_seconds)
    _authenticate(request.headers.get("authorization"), state.config.channel_access_token)
    if "x-line-retry-key" in request.headers and request.url.path not in RETRY_KEY_PATHS:
        raise LineApiError(400, "The X-Line-Retry-Key header can't be used with this API")
    if state.faults.take_burst():
        raise LineApiError(429, "Too Many Requests")
    route = getattr(request.scope.get("route"), "path", request.url.path)
    if not state.faults.within_rate(request.method, route, state.now()):
        raise LineApiError(429, "The API rate limit has been exceeded. Try again later.")
    if state.faults.fails_randomly():
        raise LineApiError(500, "Internal server error")


def _authenticate(header: str | None, token: str) -> None:
    scheme, _, credentials = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise LineApiError(
            401,
            "Authorization header required. "
            "Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
        )
    if credentials.strip() != token:
        raise LineApiError(
            401,
            "Authentication failed. Confirm that the access token in the authorization header "
            "is valid.",
        )


async def answer_line_error(request: Request, error: LineApiError) -> Response:
    """Exception handler: LINE's JSON error body; a refusal of the bot's request is recorded."""
    state: EmulatorState = request.app.state.emulator
    if 400 <= error.status < 500 and error.status not in NOT_REJECTIONS:
        body = describe_body(await request.body(), request.headers.get("content-type"))
        reason = {"status": error.status, **error.body()}
        state.record.rejection(state.now(), f"{request.method} {request.url.path}", reason, body)
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


async def record_api_calls(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """HTTP middleware: gives each Messaging API call a request id and records it."""
    if not request.url.path.startswith(API_PREFIX):
        return await call_next(request)
    state: EmulatorState = request.app.state.emulator
    request.state.request_id = new_request_id()
    raw = await request.body()
    response = await call_next(request)
    response.headers.setdefault("x-line-request-id", request.state.request_id)
    state.record.api_call(
        state.now(),
        {
            "method": request.method,
            "path": request.url.path,
            "status": response.status_code,
            "retryKey": request.headers.get("x-line-retry-key"),
            "requestId": request.state.request_id,
            "body": describe_body(raw, request.headers.get("content-type")),
        },
    )
    return response
