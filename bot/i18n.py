"""Every Thai sentence comes from the gettext catalog; dates in the Buddhist era."""

from __future__ import annotations

import gettext
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale

DOMAIN = "messages"
BUDDHIST_ERA_OFFSET = 543
_THAI = Locale.parse("th")


def N_(message_id: str) -> str:
    """Marks a message id for extraction where it is defined, translated where it is shown."""
    return message_id


class CatalogMissing(RuntimeError):
    """The compiled catalog (messages.mo) is absent: run `helpdesk i18n compile`."""


class Translator:
    """Looks message ids up in the compiled Thai catalog and fills named placeholders."""

    def __init__(self, translations: gettext.NullTranslations, tz: str = "Asia/Bangkok") -> None:
        self._translations = translations
        self.tz = ZoneInfo(tz)

    def __call__(self, message_id: str, /, **params: object) -> str:
        text = self._translations.gettext(message_id)
        return text.format(**params) if params else text

    def date(self, at: datetime) -> str:
        """`25 พ.ย. 2569`: day, abbreviated Thai month, Buddhist-era year."""
        local = at.astimezone(self.tz)
        month = _THAI.months["format"]["abbreviated"][local.month]
        return f"{local.day} {month} {local.year + BUDDHIST_ERA_OFFSET}"

    def time(self, at: datetime) -> str:
        """`14:30 น.`"""
        local, t = at.astimezone(self.tz), self
        return t("{hh}:{mm} o'clock", hh=f"{local:%H}", mm=f"{local:%M}")

    def datetime(self, at: datetime) -> str:
        return f"{self.date(at)} {self.time(at)}"


def load_translator(locale_dir: Path, tz: str = "Asia/Bangkok") -> Translator:
    """The Thai translator; refuses to run on a missing compiled catalog."""
    mo = locale_dir / "th" / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.is_file():
        raise CatalogMissing(
            f"ไม่พบไฟล์ข้อความที่คอมไพล์แล้ว {mo} / compiled catalog {mo} is missing: "
            "run `helpdesk i18n compile`"
        )
    with mo.open("rb") as handle:
        return Translator(gettext.GNUTranslations(handle), tz)


def compile_catalogs(locale_dir: Path) -> list[Path]:
    """Compile every messages.po under `locale_dir` to messages.mo; fuzzy entries fail."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po_path in sorted(locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
        if fuzzy:
            raise CatalogMissing(f"{po_path}: fuzzy entries must be reviewed: {fuzzy[:3]}")
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(mo_path)
    return written
