"""Words people type, mapped to what they want: commands and a small repair lexicon."""

from __future__ import annotations

import re

CANCEL_WORDS = frozenset({"ยกเลิก", "cancel", "เลิก", "หยุด"})
MENU_WORDS = frozenset({"เมนู", "menu", "หน้าหลัก", "เริ่ม", "start"})
HELP_WORDS = frozenset({"ช่วยเหลือ", "help", "วิธีใช้", "?"})
STATUS_WORDS = frozenset({"สถานะ", "สถานะงาน", "status", "ติดตาม", "ติดตามงาน", "งานของฉัน"})
REPAIR_WORDS = frozenset({"แจ้งซ่อม", "ซ่อม", "repair", "แจ้งปัญหา"})

# Device words in the ways Thai staff write them ("ปริ้นเตอร์", "ปริ้นท์เตอร์", "คอม").
DEVICE_WORDS: dict[str, tuple[str, ...]] = {
    "printer": ("ปริ้นเตอร์", "ปริ้นท์เตอร์", "พริ้นเตอร์", "พริ้นท์เตอร์", "เครื่องพิมพ์", "printer"),
    "scanner": ("สแกนเนอร์", "เครื่องสแกน", "scanner"),
    "monitor": ("จอคอม", "จอภาพ", "หน้าจอ", "monitor", "จอ"),
    "ups": ("ยูพีเอส", "ups", "เครื่องสำรองไฟ"),
    "peripheral": ("คีย์บอร์ด", "คีบอร์ด", "เมาส์", "เม้าส์", "keyboard", "mouse"),
    "computer": ("โน้ตบุ๊ก", "โน๊ตบุ๊ค", "โน้ตบุ๊ค", "notebook", "laptop", "คอมพิวเตอร์", "คอม",
                 "computer", "pc"),
}
TROUBLE_WORDS = ("เสีย", "ซ่อม", "ติด", "ไม่ได้", "ไม่ติด", "ไม่ออก", "พัง", "ค้าง", "ดับ", "เปิดไม่",
                 "ไม่ทำงาน", "error", "ปัญหา", "แตก", "ช้า")

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def is_one_of(text: str, words: frozenset[str]) -> bool:
    return normalise(text) in words


def repair_device(text: str) -> str | None:
    """The device of a free-text problem report ("ปริ้นเตอร์ชั้น 3 กระดาษติด" → printer)."""
    lowered = normalise(text)
    if not any(word in lowered for word in TROUBLE_WORDS):
        return None
    for device, words in DEVICE_WORDS.items():
        if any(word in lowered for word in words):
            return device
    return None
