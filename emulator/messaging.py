"""Messaging API send endpoints: reply, push, multicast, loading animation, validation, quota."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from emulator.errors import LineApiError
from emulator.gateway import line_gate
from emulator.ids import is_uuid
from emulator.limits import (
    LOADING_SECONDS_MAX,
    LOADING_SECONDS_MIN,
    LOADING_SECONDS_STEP,
    MAX_MULTICAST_RECIPIENTS,
)
from emulator.message_rules import check_messages
from emulator.outbound import charge_quota, deliver, push_target, recipients_of
from emulator.state import EmulatorState, State
from emulator.tokens import AcceptedRequest
from emulator.wire import read_json

router = APIRouter(dependencies=[Depends(line_gate)])
JsonBody = dict[str, Any]


@router.post("/v2/bot/message/reply")
async def reply(request: Request, state: State) -> JsonBody:
    body = await read_json(request)
    checks = state.checks()
    token = checks.text(body, "replyToken", "", max_len=None)
    messages = check_messages(body.get("messages"), "messages", checks)
    checks.problems.raise_if_any()
    chat_id = state.reply_tokens.redeem(str(token), state.now())
    if chat_id is None:
        raise LineApiError(400, "Invalid reply token")
    return {"sentMessages": deliver(state, chat_id, messages, "reply")}


@router.post("/v2/bot/message/push")
async def push(request: Request, state: State) -> JsonBody:
    retry_key = _retry_key(request, state, with_sent_messages=True)
    body = await read_json(request)
    checks = state.checks()
    to = checks.text(body, "to", "", max_len=None)
    messages = check_messages(body.get("messages"), "messages", checks)
    checks.problems.raise_if_any()
    chat_id = push_target(state, str(to))
    charge_quota(state, recipients_of(state, chat_id))
    sent = deliver(state, chat_id, messages, "push")
    _accept(request, state, retry_key, sent)
    return {"sentMessages": sent}


@router.post("/v2/bot/message/multicast")
async def multicast(request: Request, state: State) -> JsonBody:
    retry_key = _retry_key(request, state, with_sent_messages=False)
    body = await read_json(request)
    checks = state.checks()
    to = checks.sized_list(body.get("to"), "to", min_items=1, max_items=MAX_MULTICAST_RECIPIENTS)
    for index, user_id in enumerate(to):
        if not isinstance(user_id, str) or not state.directory.is_user(user_id):
            checks.add(f"to[{index}]", "Invalid user ID")
    messages = check_messages(body.get("messages"), "messages", checks)
    checks.problems.raise_if_any()
    # #send-multicast-message: ids of users who can't receive messages are skipped silently.
    recipients = [user_id for user_id in dict.fromkeys(to) if state.directory.is_friend(user_id)]
    charge_quota(state, len(recipients))
    for user_id in recipients:
        deliver(state, user_id, messages, "multicast")
    _accept(request, state, retry_key, [])
    return {}


@router.post("/v2/bot/chat/loading/start", status_code=202)
async def show_loading(request: Request, state: State) -> JsonBody:
    body = await read_json(request)
    checks = state.checks()
    chat_id = body.get("chatId")
    if chat_id is None:
        checks.add("chatId", "must be specified")
    elif not isinstance(chat_id, str) or not state.directory.is_user(chat_id):
        checks.add(
            "chatId",
            "Only user id is acceptable, please confirm if there are any "
            "group/room ids or illegal ids.",
        )
    seconds = body.get("loadingSeconds", 20)
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        checks.add("loadingSeconds", "Must be a number")
    else:
        if not LOADING_SECONDS_MIN <= seconds <= LOADING_SECONDS_MAX:
            checks.add("loadingSeconds", "Must be between 5 and 60")
        if seconds % LOADING_SECONDS_STEP:
            checks.add("loadingSeconds", "must be a multiple of five")
    checks.problems.raise_if_any()
    return {}


@router.post("/v2/bot/message/validate/{kind}")
async def validate(kind: str, request: Request, state: State) -> JsonBody:
    if kind not in ("reply", "push", "multicast", "narrowcast", "broadcast"):
        raise LineApiError.not_found()
    checks = state.checks()
    check_messages((await read_json(request)).get("messages"), "messages", checks)
    checks.problems.raise_if_any()
    return {}


@router.get("/v2/bot/message/quota")
async def quota(state: State) -> JsonBody:
    if state.config.monthly_quota is None:
        return {"type": "none"}
    return {"type": "limited", "value": state.config.monthly_quota}


@router.get("/v2/bot/message/quota/consumption")
async def quota_consumption(state: State) -> JsonBody:
    return {"totalUsage": state.usage}


def _retry_key(request: Request, state: EmulatorState, *, with_sent_messages: bool) -> str | None:
    key = request.headers.get("x-line-retry-key")
    if key is None:
        return None
    if not is_uuid(key):
        # #retry-api-request: the key is "a hexadecimal UUID"; LINE answers 400 otherwise.
        raise LineApiError(400, "The value of X-Line-Retry-Key must be a hexadecimal UUID")
    accepted = state.retry_keys.find(key, state.now())
    if accepted is None:
        return key
    extra = {"sentMessages": accepted.sent_messages} if with_sent_messages else {}
    raise LineApiError(
        409,
        "The retry key is already accepted",
        headers={"x-line-accepted-request-id": accepted.request_id},
        extra=extra,
    )


def _accept(request: Request, state: EmulatorState, key: str | None, sent: list[Any]) -> None:
    if key is not None:
        accepted = AcceptedRequest(request.state.request_id, state.now(), sent)
        state.retry_keys.accept(key, accepted)
