"""Messaging API lookups: user profiles, groups and their members, bot info, sent content."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Response

from emulator.config import Group
from emulator.errors import LineApiError
from emulator.gateway import line_gate
from emulator.limits import MEMBER_IDS_PAGE
from emulator.state import EmulatorState, State

router = APIRouter(dependencies=[Depends(line_gate)])
JsonBody = dict[str, Any]


@router.get("/v2/bot/profile/{user_id}")
async def profile(user_id: str, state: State) -> JsonBody:
    persona = state.directory.persona(user_id)
    # #get-profile: "Not found" when the user doesn't exist or has blocked the account.
    if persona is None or not state.directory.is_friend(user_id):
        raise LineApiError.not_found()
    return persona.model_dump(
        by_alias=True,
        exclude_none=True,
        include={"display_name", "user_id", "picture_url", "status_message", "language"},
    )


@router.get("/v2/bot/group/{group_id}/summary")
async def group_summary(group_id: str, state: State) -> JsonBody:
    group = _group(state, group_id)
    return group.model_dump(
        by_alias=True, exclude_none=True, include={"group_id", "group_name", "picture_url"}
    )


@router.get("/v2/bot/group/{group_id}/members/count")
async def group_member_count(group_id: str, state: State) -> JsonBody:
    return {"count": len(_group(state, group_id).member_ids)}


@router.get("/v2/bot/group/{group_id}/members/ids")
async def group_member_ids(group_id: str, state: State, start: str | None = None) -> JsonBody:
    members = _group(state, group_id).member_ids
    offset = int(start) if start and start.isdigit() else 0
    page: JsonBody = {"memberIds": members[offset : offset + MEMBER_IDS_PAGE]}
    if offset + MEMBER_IDS_PAGE < len(members):
        page["next"] = str(offset + MEMBER_IDS_PAGE)
    return page


@router.get("/v2/bot/group/{group_id}/member/{user_id}")
async def group_member_profile(group_id: str, user_id: str, state: State) -> JsonBody:
    persona = state.directory.persona(user_id)
    if persona is None or user_id not in _group(state, group_id).member_ids:
        raise LineApiError.not_found()
    return persona.model_dump(
        by_alias=True, exclude_none=True, include={"display_name", "user_id", "picture_url"}
    )


@router.get("/v2/bot/info")
async def bot_info(state: State) -> JsonBody:
    config = state.config
    return {
        "userId": config.bot_user_id,
        "basicId": config.bot_basic_id,
        "displayName": config.bot_name,
        "chatMode": "bot",
        "markAsReadMode": "auto",
    }


@router.get("/v2/bot/message/{message_id}/content")
async def message_content(message_id: str, state: State) -> Response:
    blob = state.contents.get(message_id)
    if blob is None:
        raise LineApiError.not_found()
    return Response(blob.content, media_type=blob.content_type)


def _group(state: EmulatorState, group_id: str) -> Group:
    group = state.directory.group(group_id)
    if group is None:
        raise LineApiError.not_found()
    return group
