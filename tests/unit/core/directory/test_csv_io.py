"""Importing and exporting the directory as CSV: checked, all or nothing, round-trips."""

import pytest

from core.directory import DirectoryImportError, export_directory, import_directory
from core.directory.demo import demo_files, load_demo_directory

UNITS = "id,name_th,kind,parent,head_position,area\nHQ,สำนักงานทดสอบ,office,,boss,central\n"
POSITIONS = "code,title_th,holder,delegate,next_level\nboss,ผู้อำนวยการ,A1,,\n"
PEOPLE_HEADER = "employee_id,name_th,unit,roles,supervisor,active,resigned_on\n"


def people(*rows: str) -> str:
    return PEOPLE_HEADER + "".join(f"{row}\n" for row in rows)


def refusal(files: dict[str, str]) -> list[str]:
    with pytest.raises(DirectoryImportError) as refused:
        import_directory(files)
    return [str(problem) for problem in refused.value.problems]


def small(*rows: str, **more: str) -> dict[str, str]:
    files = {"units.csv": UNITS, "positions.csv": POSITIONS, "people.csv": people(*rows)}
    return files | {name.replace("_", "."): text for name, text in more.items()}


BOSS = "A1,นางสาวทดสอบ หนึ่ง,HQ,approver|requester,,,"


def test_the_demo_organisation_survives_export_and_import_unchanged() -> None:
    demo = load_demo_directory()
    assert import_directory(export_directory(demo)) == demo


def test_exporting_the_imported_demo_gives_back_the_shipped_files() -> None:
    assert export_directory(load_demo_directory()) == demo_files()


def test_an_unknown_supervisor_is_reported_with_its_row_in_thai_and_english() -> None:
    rows = [BOSS] + [f"A{n},คนที่ {n},HQ,,A1,," for n in range(2, 6)] + ["A6,คนที่หก,HQ,,E999,,"]
    assert refusal(small(*rows)) == [
        "people.csv แถว 7 / row 7: supervisor 'E999' ไม่พบในรายชื่อ / not found"
    ]


def test_every_problem_is_reported_at_once() -> None:
    problems = refusal(small(BOSS, "A2,,HQ,wizard,A1,,", "A3,คนที่สาม,NOWHERE,,,,"))
    assert problems == [
        "people.csv แถว 3 / row 3: name_th ต้องกรอก / is required",
        "people.csv แถว 3 / row 3: roles 'wizard' ไม่ใช่ค่าที่ใช้ได้ (requester, approver, "
        "it_staff, team_lead, announcer, admin, executive, service_desk) / not one of "
        "requester, approver, it_staff, team_lead, announcer, admin, executive, service_desk",
        "people.csv แถว 4 / row 4: unit 'NOWHERE' ไม่พบในรายการหน่วยงาน / no such unit",
    ]


def test_a_duplicate_employee_id_points_at_the_first_row() -> None:
    problems = refusal(small(BOSS, "A2,คนที่สอง,HQ,,A1,,", "A2,คนซ้ำ,HQ,,A1,,"))
    assert "people.csv แถว 4 / row 4: employee_id 'A2' ซ้ำกับแถว 3 / duplicate" in problems


def test_a_supervisor_loop_is_refused() -> None:
    problems = refusal(small(BOSS, "A2,คนที่สอง,HQ,,A3,,", "A3,คนที่สาม,HQ,,A2,,"))
    assert problems == [
        "people.csv แถว 3 / row 3: supervisor 'A3' วนกลับมาที่ตัวเอง / forms a loop",
        "people.csv แถว 4 / row 4: supervisor 'A2' วนกลับมาที่ตัวเอง / forms a loop",
    ]


def test_a_misspelt_column_is_refused_rather_than_ignored() -> None:
    files = small(BOSS)
    files["units.csv"] = UNITS.replace("area", "areaa")
    assert refusal(files) == ["units.csv แถว 1 / row 1: 'areaa' ไม่รู้จักคอลัมน์นี้ / unknown column"]


def test_a_missing_people_file_is_refused() -> None:
    files = small(BOSS)
    del files["people.csv"]
    assert "people.csv: ไม่พบไฟล์ / file is missing" in refusal(files)


def test_a_bad_date_is_explained() -> None:
    problems = refusal(small(BOSS, "A2,คนที่สอง,HQ,,A1,false,31/03/2569"))
    assert problems == [
        "people.csv แถว 3 / row 3: resigned_on '31/03/2569' ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) "
        "/ must be YYYY-MM-DD"
    ]


def test_a_person_marked_active_with_a_resignation_date_is_refused() -> None:
    problems = refusal(small(BOSS, "A2,คนที่สอง,HQ,,A1,true,2026-03-31"))
    assert problems == [
        "people.csv แถว 3 / row 3: active 'true' แต่มีวันที่ลาออก / but resigned_on is set"
    ]


def test_a_resigned_person_is_imported_as_inactive() -> None:
    directory = import_directory(small(BOSS, "A2,คนที่สอง,HQ,,A1,,2026-03-31"))
    assert directory.person("A2").active is False


def test_a_resigned_person_listed_in_a_team_is_taken_out_of_it() -> None:
    teams = "key,name_th,lead,members\nfixers,ทีมซ่อม,A2,A1|A2\n"
    directory = import_directory(small(BOSS, "A2,คนที่สอง,HQ,,A1,,2026-03-31", teams_csv=teams))
    team = directory.team("fixers")
    assert (team.lead_id, team.member_ids) == (None, ("A1",))


def test_a_file_saved_by_excel_with_a_byte_order_mark_is_read() -> None:
    files = small(BOSS)
    files["people.csv"] = "\ufeff" + files["people.csv"]
    assert import_directory(files).person("A1").name_th == "นางสาวทดสอบ หนึ่ง"


def test_a_refused_import_changes_nothing_because_it_returns_nothing() -> None:
    with pytest.raises(DirectoryImportError) as refused:
        import_directory(small(BOSS, "A2,คนที่สอง,HQ,,E999,,"))
    assert refused.value.code == "directory.import_failed"
    assert refused.value.params == {"count": 1}
