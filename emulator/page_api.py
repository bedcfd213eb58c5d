"""The JSON API and static files behind the emulator's browser chat page."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import FileResponse, RedirectResponse, StreamingResponse

from emulator.richmenu_store import RichMenu
from emulator.state import EmulatorState, State
from emulator.timeline import TimelineItem
from emulator.user_actions import UserAction, UserActionError, perform

WEB_DIR = Path(__file__).parent / "web"
KEEP_ALIVE_SECONDS = 15.0
router = APIRouter()
JsonBody = dict[str, Any]


@router.get("/emulator", include_in_schema=False)
async def page_without_slash() -> Response:
    return RedirectResponse("/emulator/")


@router.get("/emulator/", include_in_schema=False)
async def page() -> Response:
    index = WEB_DIR / "index.html"
    if not index.is_file():
        raise HTTPException(404, "the chat page (emulator/web/index.html) is not installed")
    return FileResponse(index, media_type="text/html; charset=utf-8")


@router.get("/emulator/api/state")
async def world(state: State) -> JsonBody:
    directory = state.directory
    return {
        "botName": state.config.bot_name,
        "botUserId": state.config.bot_user_id,
        "personas": [persona.to_json() for persona in directory.personas.values()],
        "groups": [group.to_json() for group in directory.groups.values()],
    }


@router.get("/emulator/api/chats/{chat_id}/timeline")
async def timeline(chat_id: str, state: State, after: int = 0) -> JsonBody:
    items = state.timelines.items(chat_id, after)
    return {"items": items, "lastSeq": items[-1]["seq"] if items else max(after, 0)}


@router.get("/emulator/api/chats/{chat_id}/stream")
async def stream(
    chat_id: str,
    request: Request,
    state: State,
    after: int | None = None,
) -> StreamingResponse:
    """Server-sent events, one per new item; `after` (or Last-Event-ID) replays older ones."""
    last_event_id = request.headers.get("last-event-id", "")
    if last_event_id.isdigit():
        after = int(last_event_id)
    start = state.timelines.last_seq(chat_id) if after is None else after
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(
        _server_sent_events(state, chat_id, start),
        media_type="text/event-stream",
        headers=headers,
    )


async def _server_sent_events(state: EmulatorState, chat_id: str, after: int) -> AsyncIterator[str]:
    queue = state.timelines.watch(chat_id)
    try:
        seen = after
        for item in state.timelines.items(chat_id, after):
            seen = item["seq"]
            yield _sse(item)
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), KEEP_ALIVE_SECONDS)
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            if item["seq"] > seen:
                seen = item["seq"]
                yield _sse(item)
    finally:
        state.timelines.unwatch(chat_id, queue)


def _sse(item: TimelineItem) -> str:
    return f"id: {item['seq']}\ndata: {json.dumps(item, ensure_ascii=False)}\n\n"


@router.post("/emulator/api/chats/{chat_id}/send")
async def send(chat_id: str, action: UserAction, state: State) -> JsonBody:
    """Delivers what a persona did; answers after the first webhook attempt."""
    if not state.directory.is_known_chat(chat_id):
        raise HTTPException(404, f"no chat {chat_id}")
    try:
        event = perform(state, chat_id, action)
    except UserActionError as error:
        raise HTTPException(400, str(error)) from error
    result = await state.sender.deliver([event])
    return {
        "webhookEventId": event["webhookEventId"],
        "delivered": result.delivered,
        "status": result.status,
    }


@router.get("/emulator/api/users/{user_id}/richmenu")
async def rich_menu_of(user_id: str, state: State) -> JsonBody:
    """The menu LINE would show this user: their own link, else the default."""
    return _menu_answer(state, state.rich_menus.menu_for(user_id))


@router.get("/emulator/api/richmenus/aliases/{alias}")
async def rich_menu_by_alias(alias: str, state: State) -> JsonBody:
    """Where a richmenuswitch action leads; 404 when the bot never created that alias."""
    menu_id = state.rich_menus.aliases.get(alias)
    if menu_id is None or menu_id not in state.rich_menus.menus:
        raise HTTPException(404, f"no rich menu alias {alias}")
    return _menu_answer(state, state.rich_menus.menus[menu_id])


def _menu_answer(state: EmulatorState, menu: RichMenu | None) -> JsonBody:
    if menu is None:
        return {"richMenu": None, "imageUrl": None}
    menu_id = menu["richMenuId"]
    has_image = menu_id in state.rich_menus.images
    image_url = f"/emulator/api/richmenus/{menu_id}/image" if has_image else None
    return {"richMenu": menu, "imageUrl": image_url}


@router.get("/emulator/api/richmenus/{menu_id}/image")
async def rich_menu_image(menu_id: str, state: State) -> Response:
    image = state.rich_menus.images.get(menu_id)
    if image is None:
        raise HTTPException(404, f"rich menu {menu_id} has no image")
    return Response(image.content, media_type=image.content_type)


@router.get("/emulator/api/content/{message_id}")
async def content(message_id: str, state: State) -> Response:
    blob = state.contents.get(message_id)
    if blob is None:
        raise HTTPException(404, f"no content for message {message_id}")
    return Response(blob.content, media_type=blob.content_type)
