"""Deactivating people who leave (000:L94) and linking LINE accounts to employees."""

from datetime import date

import pytest

from core.directory import ChangeKind, DirectoryChange
from core.directory.demo import demo_line_user_id, load_demo_directory
from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed

DEMO = load_demo_directory()
LEFT_ON = date(2026, 3, 31)
NEW_LINE_USER = "U" + "ab" * 16


def test_a_person_who_leaves_is_kept_in_the_directory_as_inactive() -> None:
    directory, _ = DEMO.deactivate("E1008", on=LEFT_ON)
    person = directory.person("E1008")
    assert (person.active, person.resigned_on, person.name_th) == (
        False,
        LEFT_ON,
        "นายอนุชา พรหมสุวรรณ",
    )


def test_a_person_who_leaves_is_no_longer_an_active_member_of_their_team() -> None:
    directory, _ = DEMO.deactivate("E1008", on=LEFT_ON)
    assert [p.id for p in directory.active_members("technicians_1")] == ["E1007"]


def test_deactivation_says_the_persons_open_tickets_must_be_unassigned() -> None:
    _, changes = DEMO.deactivate("E1008", on=LEFT_ON)
    assert DirectoryChange(ChangeKind.UNASSIGN_TICKETS, "E1008") in changes


def test_a_team_lead_who_leaves_leaves_the_team_without_a_lead() -> None:
    directory, changes = DEMO.deactivate("E1007", on=LEFT_ON)
    assert directory.team("technicians_1").lead_id is None
    assert DirectoryChange(ChangeKind.TEAM_LEAD_VACATED, "E1007", "technicians_1") in changes


def test_a_post_holder_who_leaves_leaves_the_post_vacant() -> None:
    directory, changes = DEMO.deactivate("E1003", on=LEFT_ON)
    assert directory.position("it_director").holder_id is None
    assert DirectoryChange(ChangeKind.POSITION_VACATED, "E1003", "it_director") in changes


def test_the_staff_of_a_supervisor_who_leaves_are_listed_for_a_new_supervisor() -> None:
    _, changes = DEMO.deactivate("E1017", on=LEFT_ON)
    orphans = {c.subject for c in changes if c.kind is ChangeKind.SUPERVISOR_LEFT}
    assert orphans == {"E1018", "E1019"}


def test_deactivating_someone_already_inactive_changes_nothing() -> None:
    directory, changes = DEMO.deactivate("E1024", on=LEFT_ON)
    assert (directory, changes) == (DEMO, ())


def test_an_employee_links_their_line_account_by_employee_id() -> None:
    unlinked = DEMO.deactivate("E1024", on=LEFT_ON)[0]
    directory, changes = unlinked.link_line_user("E1019", NEW_LINE_USER)
    person = directory.person_by_line_user(NEW_LINE_USER)
    assert person is not None and person.id == "E1019"
    assert changes == (DirectoryChange(ChangeKind.LINE_USER_LINKED, "E1019", NEW_LINE_USER),)


def test_linking_the_same_line_account_again_changes_nothing() -> None:
    directory, changes = DEMO.link_line_user("E1019", demo_line_user_id("E1019"))
    assert (directory, changes) == (DEMO, ())


def test_a_line_account_already_linked_to_someone_else_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        DEMO.link_line_user("E1019", demo_line_user_id("E1018"))
    assert refused.value.code == "directory.line_user_taken"


def test_an_unknown_employee_id_cannot_be_linked() -> None:
    with pytest.raises(NotFound) as refused:
        DEMO.link_line_user("E9999", NEW_LINE_USER)
    assert refused.value.code == "directory.unknown_employee"


def test_a_person_who_has_left_cannot_link_a_line_account() -> None:
    with pytest.raises(PermissionDenied) as refused:
        DEMO.link_line_user("E1024", NEW_LINE_USER)
    assert refused.value.code == "directory.person_inactive"


def test_a_malformed_line_user_id_is_refused() -> None:
    with pytest.raises(ValidationFailed) as refused:
        DEMO.link_line_user("E1019", "not-a-line-id")
    assert refused.value.code == "directory.bad_line_user_id"
