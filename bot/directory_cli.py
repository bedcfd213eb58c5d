"""`helpdesk directory import|export`: the organisation as CSV files, all or nothing."""

from __future__ import annotations

import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from bot.db import make_engine
from bot.settings import Settings
from core.directory.csv_io import DirectoryImportError, export_directory, import_directory
from core.sql.directory import SqlDirectory


def read_csv_files(source: Path) -> dict[str, str]:
    """CSV texts by file name, from a folder or a .zip of units.csv, people.csv …"""
    if source.is_dir():
        return {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(source.glob("*.csv"))}
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            return {Path(name).name: archive.read(name).decode("utf-8-sig")
                    for name in archive.namelist() if name.endswith(".csv")}
    raise FileNotFoundError(f"{source}: ไม่ใช่โฟลเดอร์หรือไฟล์ .zip / not a folder or a .zip file")


def import_from(source: Path, settings: Settings) -> int:
    try:
        directory = import_directory(read_csv_files(source))
    except DirectoryImportError as error:
        sys.stderr.write(f"{error}\nนำเข้าไม่สำเร็จ ไม่มีการเปลี่ยนแปลง / import refused, "
                         f"nothing changed ({len(error.problems)})\n")
        return 1
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        stored = SqlDirectory(session).replace(directory, today=datetime.now(UTC).date())
        session.commit()
    engine.dispose()
    active = sum(1 for p in stored.people if p.active)
    sys.stdout.write(f"นำเข้าแล้ว / imported: {len(stored.units)} units, {active} active people "
                     f"({len(stored.people) - active} inactive), {len(stored.teams)} teams\n")
    return 0


def export_to(target: Path, settings: Settings) -> int:
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        files = export_directory(SqlDirectory(session).load())
    engine.dispose()
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    sys.stdout.write(f"ส่งออกแล้ว / exported to {target}\n")
    return 0
