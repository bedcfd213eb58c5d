"""Finding a Thai font through fontconfig; boxes instead of letters are a defect, so fail loudly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# Laksaman is the free clone of TH Sarabun, the Thai government's document font.
PREFERRED = ("Laksaman:style=Bold", "Laksaman", "TH Sarabun New", "Loma", "Garuda",
             "Noto Sans Thai")


class ThaiFontMissing(RuntimeError):
    pass


def thai_font_path() -> Path:
    """The file of the first installed Thai font; ThaiFontMissing names the package to install."""
    if shutil.which("fc-match") is None:
        raise ThaiFontMissing("fontconfig is not installed: apt-get install fontconfig "
                              "fonts-thai-tlwg")
    for pattern in PREFERRED:
        found = _match(pattern + ":lang=th")
        if found is not None:
            return found
    raise ThaiFontMissing("ไม่พบฟอนต์ภาษาไทย / no Thai font: apt-get install fonts-thai-tlwg")


def _match(pattern: str) -> Path | None:
    result = subprocess.run(["fc-match", "--format=%{file}\n%{lang}", pattern],
                            capture_output=True, text=True, check=False, timeout=10)
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) < 2:
        return None
    path, languages = Path(lines[0]), lines[1].split("|")
    return path if path.is_file() and "th" in languages else None
