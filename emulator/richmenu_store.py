"""Rich menus the bot created: objects, images, aliases, the default and per-user links."""

from __future__ import annotations

from typing import Any

from emulator.blobs import Blob
from emulator.ids import new_rich_menu_id

RichMenu = dict[str, Any]


class RichMenuStore:
    """In-memory rich menus; per-user links win over the default, as on LINE."""

    def __init__(self) -> None:
        self.menus: dict[str, RichMenu] = {}
        self.images: dict[str, Blob] = {}
        self.aliases: dict[str, str] = {}
        self.user_links: dict[str, str] = {}
        self.default_id: str | None = None

    def create(self, request: dict[str, Any]) -> str:
        menu_id = new_rich_menu_id()
        self.menus[menu_id] = {
            "richMenuId": menu_id,
            "size": request["size"],
            "selected": bool(request.get("selected", False)),
            "name": request.get("name", ""),
            "chatBarText": request["chatBarText"],
            "areas": request["areas"],
        }
        return menu_id

    def delete(self, menu_id: str) -> None:
        self.menus.pop(menu_id, None)
        self.images.pop(menu_id, None)
        if self.default_id == menu_id:
            self.default_id = None
        self.user_links = {
            user: linked for user, linked in self.user_links.items() if linked != menu_id
        }

    def menu_for(self, user_id: str) -> RichMenu | None:
        """The menu a user sees: their own link first, else the default."""
        menu_id = self.user_links.get(user_id) or self.default_id
        return self.menus.get(menu_id) if menu_id else None

    def aliases_json(self) -> list[dict[str, str]]:
        return [
            {"richMenuAliasId": alias, "richMenuId": menu_id}
            for alias, menu_id in self.aliases.items()
        ]
