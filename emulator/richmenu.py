"""Messaging API rich-menu endpoints: create, image, list, default, per-user link, aliases."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from emulator.blobs import Blob
from emulator.errors import LineApiError
from emulator.gateway import line_gate
from emulator.limits import (
    MAX_RICH_MENU_IMAGE_BYTES,
    RICH_MENU_ALIAS_PATTERN,
    RICH_MENU_IMAGE_TYPES,
)
from emulator.richmenu_rules import check_rich_menu
from emulator.richmenu_store import RichMenuStore
from emulator.state import EmulatorState, State
from emulator.wire import read_json

router = APIRouter(dependencies=[Depends(line_gate)])
JsonBody = dict[str, Any]


def menus(state: State) -> RichMenuStore:
    return state.rich_menus


Store = Annotated[RichMenuStore, Depends(menus)]


async def _checked_menu(request: Request, state: EmulatorState) -> JsonBody:
    body = await read_json(request)
    checks = state.checks()
    check_rich_menu(body, checks)
    checks.problems.raise_if_any()
    return body


@router.post("/v2/bot/richmenu")
async def create(request: Request, state: State) -> JsonBody:
    body = await _checked_menu(request, state)
    return {"richMenuId": state.rich_menus.create(body)}


@router.post("/v2/bot/richmenu/validate")
async def validate(request: Request, state: State) -> JsonBody:
    await _checked_menu(request, state)
    return {}


@router.get("/v2/bot/richmenu/list")
async def list_menus(store: Store) -> JsonBody:
    return {"richmenus": list(store.menus.values())}


@router.get("/v2/bot/richmenu/alias/list")
async def list_aliases(store: Store) -> JsonBody:
    return {"aliases": store.aliases_json()}


@router.post("/v2/bot/richmenu/alias")
async def create_alias(request: Request, state: State) -> JsonBody:
    body = await read_json(request)
    alias, menu_id = body.get("richMenuAliasId"), body.get("richMenuId")
    if not isinstance(alias, str) or not re.match(RICH_MENU_ALIAS_PATTERN, alias):
        raise LineApiError.invalid_property("richMenuAliasId")
    _existing(state.rich_menus, menu_id)
    if alias in state.rich_menus.aliases:
        raise LineApiError(400, "conflict richmenu alias id")
    state.rich_menus.aliases[alias] = str(menu_id)
    return {}


@router.get("/v2/bot/richmenu/alias/{alias}")
async def get_alias(alias: str, store: Store) -> JsonBody:
    if alias not in store.aliases:
        raise LineApiError.not_found()
    return {"richMenuAliasId": alias, "richMenuId": store.aliases[alias]}


@router.post("/v2/bot/richmenu/alias/{alias}")
async def update_alias(alias: str, request: Request, state: State) -> JsonBody:
    if alias not in state.rich_menus.aliases:
        raise LineApiError.not_found()
    menu_id = (await read_json(request)).get("richMenuId")
    state.rich_menus.aliases[alias] = _existing(state.rich_menus, menu_id)
    return {}


@router.delete("/v2/bot/richmenu/alias/{alias}")
async def delete_alias(alias: str, store: Store) -> JsonBody:
    if store.aliases.pop(alias, None) is None:
        raise LineApiError.not_found()
    return {}


@router.get("/v2/bot/richmenu/{menu_id}")
async def get_menu(menu_id: str, store: Store) -> JsonBody:
    return store.menus[_existing(store, menu_id)]


@router.delete("/v2/bot/richmenu/{menu_id}")
async def delete_menu(menu_id: str, store: Store) -> JsonBody:
    store.delete(_existing(store, menu_id))
    return {}


@router.post("/v2/bot/richmenu/{menu_id}/content")
async def upload_image(menu_id: str, request: Request, store: Store) -> JsonBody:
    _existing(store, menu_id)
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type not in RICH_MENU_IMAGE_TYPES:
        raise LineApiError(415, f"The content type, {content_type or 'none'}, is not supported")
    image = await request.body()
    if len(image) > MAX_RICH_MENU_IMAGE_BYTES:
        raise LineApiError(413, "Payload Too Large")
    # #upload-rich-menu-image: "You can't replace an image attached to a rich menu."
    if menu_id in store.images:
        raise LineApiError(400, "An image has already been uploaded to the richmenu")
    store.images[menu_id] = Blob(image, content_type)
    return {}


@router.get("/v2/bot/richmenu/{menu_id}/content")
async def download_image(menu_id: str, store: Store) -> Response:
    image = store.images.get(_existing(store, menu_id))
    if image is None:
        raise LineApiError.not_found()
    return Response(image.content, media_type=image.content_type)


@router.post("/v2/bot/user/all/richmenu/{menu_id}")
async def set_default(menu_id: str, store: Store) -> JsonBody:
    store.default_id = _applicable(store, menu_id)
    return {}


@router.get("/v2/bot/user/all/richmenu")
async def get_default(store: Store) -> JsonBody:
    if store.default_id is None:
        raise LineApiError.not_found("no default richmenu")
    return {"richMenuId": store.default_id}


@router.delete("/v2/bot/user/all/richmenu")
async def cancel_default(store: Store) -> JsonBody:
    store.default_id = None
    return {}


@router.post("/v2/bot/richmenu/bulk/link", status_code=202)
async def link_users(request: Request, state: State) -> JsonBody:
    body = await read_json(request)
    menu_id = _applicable(state.rich_menus, body.get("richMenuId"))
    for user_id in body.get("userIds") or []:
        state.rich_menus.user_links[str(user_id)] = menu_id
    return {}


@router.post("/v2/bot/richmenu/bulk/unlink", status_code=202)
async def unlink_users(request: Request, store: Store) -> JsonBody:
    body = await read_json(request)
    for user_id in body.get("userIds") or []:
        store.user_links.pop(str(user_id), None)
    return {}


@router.post("/v2/bot/user/{user_id}/richmenu/{menu_id}")
async def link_user(user_id: str, menu_id: str, store: Store) -> JsonBody:
    store.user_links[user_id] = _applicable(store, menu_id)
    return {}


@router.get("/v2/bot/user/{user_id}/richmenu")
async def get_user_menu(user_id: str, store: Store) -> JsonBody:
    if user_id not in store.user_links:
        raise LineApiError.not_found("the user has no richmenu")
    return {"richMenuId": store.user_links[user_id]}


@router.delete("/v2/bot/user/{user_id}/richmenu")
async def unlink_user(user_id: str, store: Store) -> JsonBody:
    store.user_links.pop(user_id, None)
    return {}


def _existing(store: RichMenuStore, menu_id: Any) -> str:
    if not isinstance(menu_id, str) or menu_id not in store.menus:
        raise LineApiError.not_found()
    return menu_id


def _applicable(store: RichMenuStore, menu_id: Any) -> str:
    """#set-default-rich-menu: a menu without an image can't be shown to anyone."""
    menu_id = _existing(store, menu_id)
    if menu_id not in store.images:
        raise LineApiError(400, "must upload richmenu image before applying it to user")
    return menu_id
