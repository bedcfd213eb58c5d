"""The main rich menu: its areas (as LINE JSON) and its picture, drawn in a Thai font."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from bot.fonts import thai_font_path
from bot.i18n import N_, Translator
from bot.views.text import postback_action

WIDTH, HEIGHT = 2500, 843  # LINE: a compact rich menu is 2500×843 pixels
MAX_CHAT_BAR = 14  # LINE: chat-bar text is at most 14 characters
TILES: tuple[tuple[str, str, dict[str, str], str], ...] = (
    (N_("Report a problem"), "start", {"d": "repair"}, "#06C755"),
    (N_("My requests"), "status", {}, "#1E88E5"),
    (N_("Help"), "help", {}, "#FB8C00"),
)


def main_menu(t: Translator) -> dict[str, Any]:
    width = WIDTH // len(TILES)
    areas = [
        {"bounds": {"x": i * width, "y": 0, "width": width, "height": HEIGHT},
         "action": postback_action(t(label), action, t(label), **params)}
        for i, (label, action, params, _colour) in enumerate(TILES)
    ]
    return {"size": {"width": WIDTH, "height": HEIGHT}, "selected": True,
            "name": "helpdesk-main", "chatBarText": t("Menu")[:MAX_CHAT_BAR], "areas": areas}


def main_menu_image(t: Translator) -> bytes:
    """A PNG of three coloured tiles with their Thai labels."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "#FFFFFF")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(thai_font_path()), 150)
    width = WIDTH // len(TILES)
    for i, (label, _action, _params, colour) in enumerate(TILES):
        left = i * width
        draw.rounded_rectangle((left + 30, 30, left + width - 30, HEIGHT - 30), radius=60,
                               fill=colour)
        draw.text((left + width / 2, HEIGHT / 2), t(label), font=font, fill="#FFFFFF",
                  anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
