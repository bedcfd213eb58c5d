"""LINE's published limits, each next to the reference page that states it.

Reference root: https://developers.line.biz/en/reference/messaging-api/
"""

from __future__ import annotations

# #send-reply-message / #send-push-message / #send-multicast-message: "messages ... Max: 5".
MAX_MESSAGES_PER_REQUEST = 5
# #send-multicast-message: "to ... Max: 500 user IDs".
MAX_MULTICAST_RECIPIENTS = 500

# #text-message: "Max character limit: 5000", counted in UTF-16 code units.
MAX_TEXT_LENGTH = 5000
# #text-message: "emojis ... Max: 20 LINE emoji".
MAX_TEXT_EMOJIS = 20
# #location-message: title and address "Max character limit: 100".
MAX_LOCATION_FIELD = 100
# #image-message: originalContentUrl / previewImageUrl "Max character limit: 2000".
MAX_MEDIA_URL = 2000
# #icon-nickname-switch: sender.name "Max character limit: 20".
MAX_SENDER_NAME = 20

# #items-object: quick reply "items ... Max: 13 objects".
MAX_QUICK_REPLY_ITEMS = 13
# #action-object-label-spec: quick reply buttons and templates (not image carousel) "20".
MAX_ACTION_LABEL = 20
# #action-object-label-spec: image carousel template "12".
MAX_IMAGE_CAROUSEL_LABEL = 12
# #action-object-label-spec: Flex Message "40".
MAX_FLEX_ACTION_LABEL = 40
# #postback-action: data, displayText, text "Max character limit: 300".
MAX_POSTBACK_DATA = 300
MAX_DISPLAY_TEXT = 300
# #message-action: text "Max character limit: 300".
MAX_MESSAGE_ACTION_TEXT = 300
# #uri-action: uri "Max character limit: 1000"; schemes http, https, line, tel.
MAX_URI_LENGTH = 1000
URI_SCHEMES = ("http", "https", "line", "tel")
# #datetime-picker-action: mode is one of date, time, datetime.
DATETIME_MODES = ("date", "time", "datetime")
# #clipboard-action: clipboardText "Max character limit: 1000".
MAX_CLIPBOARD_TEXT = 1000

# #flex-message / #template-messages: altText "Max character limit: 1500".
MAX_ALT_TEXT = 1500
# #f-carousel: "Max: 12 bubbles"; #bubble: "maximum size of JSON data ... 30 KB";
# #f-carousel: "maximum size of JSON data that defines a carousel is 50 KB".
MAX_CAROUSEL_BUBBLES = 12
MAX_BUBBLE_JSON_BYTES = 30 * 1024
MAX_CAROUSEL_JSON_BYTES = 50 * 1024

# #buttons: title "Max character limit: 40"; text "160 (no image or title)" and
# "60 (message with an image or title)"; actions "Max objects: 4".
MAX_TEMPLATE_TITLE = 40
MAX_BUTTONS_TEXT = 160
MAX_BUTTONS_TEXT_WITH_IMAGE_OR_TITLE = 60
MAX_BUTTONS_ACTIONS = 4
# #confirm: text "Max character limit: 240"; "Set 2 actions for the 2 buttons".
MAX_CONFIRM_TEXT = 240
CONFIRM_ACTIONS = 2
# #carousel / #image-carousel: "Max columns: 10"; carousel column actions "Max objects: 3",
# text "120 (no image or title)" and "60 (message with an image or title)".
MAX_TEMPLATE_COLUMNS = 10
MAX_CAROUSEL_COLUMN_ACTIONS = 3
MAX_CAROUSEL_COLUMN_TEXT = 120

# #display-a-loading-indicator: "any one of 5, 10, ..., 60"; "The default value is 20".
LOADING_SECONDS_MIN = 5
LOADING_SECONDS_MAX = 60
LOADING_SECONDS_STEP = 5

# #rich-menu-object: chatBarText "Max character limit: 14"; areas "Max: 20 area objects";
# name "Max character limit: 300"; size width 800..2500, height >= 250, ratio >= 1.45.
MAX_CHAT_BAR_TEXT = 14
MAX_RICH_MENU_AREAS = 20
MAX_RICH_MENU_NAME = 300
RICH_MENU_MIN_WIDTH = 800
RICH_MENU_MAX_WIDTH = 2500
RICH_MENU_MIN_HEIGHT = 250
RICH_MENU_MIN_ASPECT_RATIO = 1.45
# #upload-rich-menu-image: "Image format: JPEG or PNG", "Max file size: 1 MB".
RICH_MENU_IMAGE_TYPES = ("image/jpeg", "image/png")
MAX_RICH_MENU_IMAGE_BYTES = 1024 * 1024
# #create-rich-menu-alias: richMenuAliasId matches ^[a-z0-9_-]{1,32}$.
RICH_MENU_ALIAS_PATTERN = r"^[a-z0-9_-]{1,32}$"

# #get-group-member-user-ids: "memberIds ... Max: 100 user IDs" per page.
MEMBER_IDS_PAGE = 100

# #message-objects: the message types a bot may send.
MESSAGE_TYPES = (
    "text",
    "textV2",
    "sticker",
    "image",
    "video",
    "audio",
    "location",
    "imagemap",
    "template",
    "flex",
)


def utf16_length(text: str) -> int:
    """LINE counts characters as UTF-16 code units (#text-character-count)."""
    return len(text.encode("utf-16-le")) // 2
