"""The shipped demo organisation has everyone the demo flows need, and nobody real."""

from core.directory import DemoPersona, GroupPurpose, Role
from core.directory.demo import demo_group_id, demo_line_user_id, load_demo_directory
from core.tickets.assignment import missing_teams
from core.tickets.catalogue_loader import load_catalogue

DEMO = load_demo_directory()


def test_the_demo_has_about_twenty_people() -> None:
    assert 18 <= len(DEMO.people) <= 26


def test_exactly_one_demo_person_has_resigned_and_is_kept_inactive() -> None:
    gone = [p for p in DEMO.people if not p.active]
    assert [(p.id, p.resigned_on is not None) for p in gone] == [("E1024", True)]


def test_every_active_demo_person_has_a_line_user_id_derived_from_their_employee_id() -> None:
    assert all(p.line_user_id == demo_line_user_id(p.employee_id) for p in DEMO.active_people())


def test_demo_group_ids_are_fixed_line_group_ids() -> None:
    assert {g.group_id for g in DEMO.groups} == {
        demo_group_id(name)
        for name in ("it_team", "fin_staff", "dr_committee", "executives", "school_staff")
    }


def test_the_four_demo_personas_are_staff_their_manager_a_technician_and_an_admin() -> None:
    personas = {kind: person.id for kind, person in DEMO.demo_personas().items()}
    assert personas == {
        DemoPersona.STAFF: "E1018",
        DemoPersona.MANAGER: "E1017",
        DemoPersona.TECHNICIAN: "E1008",
        DemoPersona.ADMIN: "E1016",
    }


def test_the_demo_manager_is_the_demo_staff_members_supervisor() -> None:
    supervisor = DEMO.supervisor_of("E1018")
    assert supervisor is not None and supervisor.demo_persona is DemoPersona.MANAGER


def test_the_deputy_director_post_is_vacant_so_the_director_decides() -> None:
    decider = DEMO.decider_for("deputy_director")
    assert DEMO.holder_of("deputy_director") is None
    assert decider is not None and decider.id == DEMO.position("director").holder_id


def test_the_it_director_and_soc_manager_posts_are_filled() -> None:
    holders = {code: DEMO.holder_of(code) for code in ("it_director", "soc_manager")}
    assert all(holder is not None for holder in holders.values())


def test_the_demo_has_the_it_teams_of_the_manuals() -> None:
    assert {t.key for t in DEMO.teams} >= {
        "technicians_1",
        "technicians_2",
        "network",
        "service_desk",
        "sysadmin",
        "dbadmin",
        "soc",
    }


def test_every_team_the_packaged_catalogue_routes_to_exists_in_the_demo() -> None:
    assert missing_teams(load_catalogue(None).teams(), DEMO) == frozenset()


def test_every_position_the_packaged_catalogue_names_exists_in_the_demo() -> None:
    assert load_catalogue(None).positions() <= {p.code for p in DEMO.positions}


def test_the_two_technician_teams_serve_different_areas() -> None:
    areas = [DEMO.team(key).areas for key in ("technicians_1", "technicians_2")]
    assert areas == [frozenset({"central"}), frozenset({"north"})]


def test_every_team_has_an_active_lead_and_members() -> None:
    for team in DEMO.teams:
        lead = DEMO.find_person(team.lead_id)
        assert lead is not None and lead.active and DEMO.active_members(team.key), team.key


def test_the_demo_has_a_group_for_each_purpose() -> None:
    assert {g.purpose for g in DEMO.groups if g.confirmed} == set(GroupPurpose)


def test_the_demo_has_two_service_desk_officers_an_announcer_and_an_admin() -> None:
    def holders(role: Role) -> int:
        return sum(1 for p in DEMO.active_people() if role in p.roles)

    assert (holders(Role.SERVICE_DESK), holders(Role.ANNOUNCER), holders(Role.ADMIN)) == (2, 1, 1)
