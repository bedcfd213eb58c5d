"""Lookups on the demo organisation: supervisors, unit heads, posts, teams and groups."""

from dataclasses import replace
from datetime import date

import pytest

from core.directory import Directory, GroupPurpose, Position
from core.directory.demo import demo_line_user_id, load_demo_directory
from core.errors import NotFound

DEMO = load_demo_directory()
DEMO_DAY = date(2026, 3, 31)


def with_position(directory: Directory, position: Position) -> Directory:
    positions = tuple(position if p.code == position.code else p for p in directory.positions)
    return replace(directory, positions=positions)


def test_a_person_is_found_by_the_line_user_they_registered_with() -> None:
    person = DEMO.person_by_line_user(demo_line_user_id("E1018"))
    assert person is not None and person.employee_id == "E1018"


def test_an_unknown_line_user_is_nobody() -> None:
    assert DEMO.person_by_line_user("U" + "0" * 32) is None


def test_a_person_is_found_by_employee_id_typed_with_spaces() -> None:
    person = DEMO.person_by_employee_id(" E1019 ")
    assert person is not None and person.name_th == "นายเอกชัย มีสุข"


def test_an_unknown_person_id_raises_not_found() -> None:
    with pytest.raises(NotFound) as refused:
        DEMO.person("E9999")
    assert refused.value.code == "directory.unknown_person"


def test_the_supervisor_of_a_finance_officer_is_the_finance_director() -> None:
    supervisor = DEMO.supervisor_of("E1018")
    assert supervisor is not None and supervisor.id == "E1017"


def test_when_the_supervisor_has_left_their_own_supervisor_steps_in() -> None:
    directory, _ = DEMO.deactivate("E1017", on=DEMO_DAY)
    supervisor = directory.supervisor_of("E1018")
    assert supervisor is not None and supervisor.id == "E1002"


def test_someone_with_no_supervisor_listed_reports_to_their_unit_head() -> None:
    people = tuple(replace(p, supervisor_id=None) if p.id == "E1021" else p for p in DEMO.people)
    supervisor = replace(DEMO, people=people).supervisor_of("E1021")
    assert supervisor is not None and supervisor.id == "E1020"


def test_the_head_of_a_section_is_the_holder_of_its_head_position() -> None:
    head = DEMO.unit_head_of("SOC")
    assert head is not None and head.id == "E1004"


def test_the_head_of_a_unit_is_looked_up_the_tree_when_its_own_head_post_is_vacant() -> None:
    directory = with_position(DEMO, replace(DEMO.position("soc_manager"), holder_id=None))
    head = directory.unit_head_of("SOC")
    assert head is not None and head.id == "E1003"


def test_a_unit_head_is_not_their_own_unit_head() -> None:
    head = DEMO.unit_head_of("FIN", excluding="E1017")
    assert head is not None and head.id == "E1001"


def test_a_delegate_acts_for_a_post_while_its_holder_is_away() -> None:
    away = replace(DEMO.position("it_director"), delegate_id="E1012")
    acting = with_position(DEMO, away).holder_of("it_director")
    assert acting is not None and acting.id == "E1012"


def test_nobody_holds_the_vacant_deputy_director_post() -> None:
    assert DEMO.holder_of("deputy_director") is None


def test_the_director_decides_for_the_vacant_deputy_director_post() -> None:
    decider = DEMO.decider_for("deputy_director")
    assert decider is not None and decider.position_title == "ผู้อำนวยการองค์การ"


def test_a_decider_other_than_an_excluded_person_is_found_at_the_next_level() -> None:
    decider = DEMO.decider_for("it_director", excluding="E1003")
    assert decider is not None and decider.id == "E1002"


def test_a_school_is_in_the_northern_area_and_a_section_inherits_the_office_area() -> None:
    assert (DEMO.area_of("SCH"), DEMO.area_of("SDB")) == ("north", "central")


def test_the_it_director_heads_the_it_department_and_its_sections() -> None:
    assert DEMO.units_headed_by("E1003") == {"DIT", "SDT", "SDB", "SOC"}


def test_an_ordinary_officer_heads_nothing() -> None:
    assert DEMO.units_headed_by("E1018") == frozenset()


def test_the_active_members_of_a_team_are_listed_in_rotation_order() -> None:
    assert [p.id for p in DEMO.active_members("technicians_1")] == ["E1007", "E1008"]


def test_a_person_belongs_to_every_team_they_are_in() -> None:
    assert {t.key for t in DEMO.teams_of("E1005")} == {"service_desk", "soc"}


def test_announcements_for_a_unit_go_to_the_confirmed_groups_covering_it() -> None:
    groups = DEMO.confirmed_groups(GroupPurpose.UNIT_STAFF, unit_id="FIN")
    assert [g.name_th for g in groups] == ["กลุ่มเจ้าหน้าที่สำนักการเงินและบัญชี"]


def test_an_unconfirmed_group_receives_no_announcement() -> None:
    groups = DEMO.confirmed_groups(GroupPurpose.UNIT_STAFF, unit_id="SCH")
    assert groups == ()
