"""The service catalogue: defaults that follow the manuals; a bad file names its bad field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import DomainError, ValidationFailed
from core.tickets.catalogue import ClosingRequirement, FieldKind
from core.tickets.catalogue_loader import CatalogueError, load_catalogue, parse_catalogue
from core.tickets.durations import Duration
from core.tickets.model import PendingReason

DEFAULT = load_catalogue()

SERVICE_CATALOG_KEYS = [
    "repair", "software", "network", "consult", "system_problem", "service_request",
    "account", "password_reset", "ktb_online", "onboarding", "offboarding", "config_change",
    "restore", "software_install", "website", "pr_news",
]  # fmt: skip


def days(text: str) -> Duration:
    return Duration.parse(text)


# --- the packaged defaults ---------------------------------------------------------------


def test_the_default_catalogue_offers_every_request_type_of_the_service_catalogue() -> None:
    assert list(DEFAULT.keys()) == SERVICE_CATALOG_KEYS


def test_every_default_request_type_cites_the_manual_lines_it_comes_from() -> None:
    citation = re.compile(r"^\d{3}:L\d+")

    assert all(citation.match(t.source) for t in DEFAULT.types)


def test_a_repair_is_named_in_thai_and_asks_for_the_device_kind() -> None:
    repair = DEFAULT.type("repair")

    assert repair.name == "แจ้งซ่อมคอมพิวเตอร์/อุปกรณ์"
    assert [c.key for c in repair.categories] == [
        "computer", "monitor", "printer", "scanner", "ups", "peripheral", "other",
    ]  # fmt: skip


def test_a_repair_takes_three_business_days_or_ninety_days_while_parts_are_bought() -> None:
    sla = DEFAULT.type("repair").sla

    assert (sla.resolution, sla.parts_limit) == (days("3 business_days"), days("90 days"))
    assert PendingReason.PARTS in sla.pausing_reasons


def test_a_repair_is_guaranteed_for_thirty_days() -> None:
    assert DEFAULT.type("repair").flag("guarantee_days") == 30


def test_a_repair_asks_for_a_photo_and_the_asset_number() -> None:
    kinds = {f.key: f.kind for f in DEFAULT.type("repair").intake}

    assert kinds["photos"] is FieldKind.PHOTO
    assert kinds["asset_no"] is FieldKind.ASSET_NO


def test_a_ktb_request_goes_to_the_it_director_then_the_deputy_director_or_the_next_level() -> None:
    approvals = DEFAULT.type("ktb_online").approvals

    assert [(a.key, a.approvers) for a in approvals] == [
        ("supervisor", "supervisor"),
        ("dispatch", "position:it_director"),
        ("checker", "position:it_director"),
        ("approver", "position:deputy_director"),
    ]
    assert approvals[-1].vacancy == "next_level"


def test_ktb_steps_are_limited_to_1_1_3_3_1_1_business_days() -> None:
    steps = DEFAULT.type("ktb_online").sla.steps

    assert [s.key for s in steps] == [
        "dispatch",
        "maker",
        "checker",
        "approver",
        "handover",
        "report",
    ]
    assert [s.limit.amount for s in steps] == [1, 1, 3, 3, 1, 1]
    assert {s.limit.unit for s in steps} == {days("1 business_days").unit}


def test_a_restore_prepares_a_vm_in_two_days_then_imports_tests_and_announces() -> None:
    steps = DEFAULT.type("restore").sla.steps

    assert [(s.key, s.limit.amount) for s in steps] == [
        ("vm_prep", 2), ("import_test", 1), ("user_test", 1), ("announce", 1),
    ]  # fmt: skip


def test_a_system_problem_has_seven_days_to_fix_and_five_to_test_and_report() -> None:
    system_problem = DEFAULT.type("system_problem")

    assert [(s.key, s.limit) for s in system_problem.sla.steps] == [
        ("fix", days("7 business_days")),
        ("test_report", days("5 business_days")),
    ]
    assert system_problem.form == "FM-EI-02"


def test_an_account_request_never_sends_credentials_through_the_chat() -> None:
    closing = DEFAULT.type("account").closing

    assert ClosingRequirement.CREDENTIALS_OUT_OF_BAND in closing.requires
    assert DEFAULT.type("account").form == "FM-EI-01"


def test_onboarding_opens_one_sub_task_per_owner_unit_and_a_knowledge_test() -> None:
    onboarding = DEFAULT.type("onboarding")

    assert {s.team for s in onboarding.subtasks} == {"soc", "its", "iti", "itm", "hr", "legal"}
    assert "knowledge_test" in {s.key for s in onboarding.subtasks}
    assert onboarding.closing.requires == {ClosingRequirement.SUBTASKS_DONE}


def test_offboarding_revokes_on_the_separation_date_and_takes_the_card_back() -> None:
    offboarding = DEFAULT.type("offboarding")

    assert {s.starts_on for s in offboarding.subtasks} == {"separation_date"}
    assert "card_return" in {s.key for s in offboarding.subtasks}
    assert offboarding.sla.resolution_starts_on == "separation_date"


def test_a_consultation_may_promise_a_callback() -> None:
    assert DEFAULT.type("consult").flag("callback") is True


def test_resolved_tickets_close_by_themselves_after_three_business_days() -> None:
    assert DEFAULT.type("network").closing.auto_close_after == days("3 business_days")


def test_values_the_manuals_do_not_give_are_marked_as_decisions() -> None:
    assert "sla" in DEFAULT.type("network").decisions
    assert DEFAULT.type("password_reset").decision
    assert "defaults" in DEFAULT.decisions
    assert not DEFAULT.type("repair").decision


def test_the_teams_and_positions_named_can_be_checked_against_the_directory() -> None:
    assert {
        "technicians",
        "network",
        "service_desk",
        "sysadmin",
        "dbadmin",
        "soc",
    } <= DEFAULT.teams()
    assert DEFAULT.positions() == {"it_director", "deputy_director", "soc_manager"}


def test_asking_for_a_type_that_does_not_exist_is_a_domain_error() -> None:
    with pytest.raises(DomainError) as raised:
        DEFAULT.type("coffee")

    assert raised.value.code == "catalogue.unknown_type"


def test_an_answer_longer_than_its_field_allows_is_refused() -> None:
    symptom = DEFAULT.type("repair").intake_field("symptom")

    with pytest.raises(ValidationFailed) as raised:
        symptom.check("ก" * 501)

    assert raised.value.code == "intake.too_long"


def test_an_employee_id_with_spaces_is_refused_by_its_pattern() -> None:
    employee_id = DEFAULT.type("password_reset").intake_field("employee_id")

    with pytest.raises(ValidationFailed) as raised:
        employee_id.check("E 001")

    assert raised.value.code == "intake.bad_format"


def test_a_choice_outside_the_list_is_refused() -> None:
    urgency = DEFAULT.type("repair").intake_field("urgency")

    with pytest.raises(ValidationFailed):
        urgency.check("yesterday")


# --- a file the organisation edited --------------------------------------------------------

SMALL = """
version = 1

[defaults]
response = "4 business_hours"
auto_close_after = "3 business_days"

[request_types.repair]
name = "แจ้งซ่อม"
team = "technicians"
categories = { printer = "เครื่องพิมพ์", ups = "เครื่องสำรองไฟ" }

[[request_types.repair.intake]]
key = "symptom"
label = "อาการ"
kind = "text"
max_length = 500

[[request_types.repair.approvals]]
key = "head"
approvers = "unit_head"
due = "1 business_days"

[request_types.repair.sla]
resolution = "3 business_days"
"""


def problem_in(text: str) -> str:
    with pytest.raises(CatalogueError) as raised:
        parse_catalogue(text, "catalogue.toml")
    return str(raised.value)


def test_a_small_edited_catalogue_loads() -> None:
    catalogue = parse_catalogue(SMALL)

    assert catalogue.type("repair").sla.response == days("4 business_hours")


def test_a_misspelt_duration_names_its_field() -> None:
    text = SMALL.replace('resolution = "3 business_days"', 'resolution = "3 dais"')

    assert "request_types.repair.sla.resolution: not a duration: '3 dais'" in problem_in(text)


def test_a_misspelt_optional_key_is_refused_rather_than_ignored() -> None:
    text = SMALL.replace("max_length =", "max_lenght =")

    assert "request_types.repair.intake.symptom.max_lenght: unknown key" in problem_in(text)


def test_a_misspelt_required_key_is_reported_with_the_likely_misspelling() -> None:
    text = SMALL.replace("resolution =", "resolutoin =")

    assert (
        "request_types.repair.sla.resolution: missing (expected text; "
        "is 'resolutoin' a misspelling?)"
    ) in problem_in(text)


def test_a_missing_thai_name_names_its_field() -> None:
    text = SMALL.replace('name = "แจ้งซ่อม"\n', "")

    assert "request_types.repair.name: missing" in problem_in(text)


def test_an_approver_that_is_neither_a_role_nor_a_position_is_refused() -> None:
    text = SMALL.replace('approvers = "unit_head"', 'approvers = "boss"')

    assert "request_types.repair.approvals.head.approvers" in problem_in(text)


def test_two_categories_with_the_same_label_are_refused() -> None:
    text = SMALL.replace('ups = "เครื่องสำรองไฟ"', 'ups = "เครื่องพิมพ์"')

    assert "request_types.repair.categories.ups: label 'เครื่องพิมพ์' is used twice" in problem_in(text)


def test_a_limit_of_zero_is_refused() -> None:
    text = SMALL.replace('resolution = "3 business_days"', 'resolution = "0 business_days"')

    assert "must be longer than zero" in problem_in(text)


def test_a_choice_field_without_choices_is_refused() -> None:
    text = SMALL.replace('kind = "text"', 'kind = "choice"').replace("max_length = 500\n", "")

    assert "request_types.repair.intake.symptom.choices" in problem_in(text)


def test_an_empty_team_is_refused() -> None:
    text = SMALL.replace('team = "technicians"', 'team = ""')

    assert "request_types.repair.team: must not be empty" in problem_in(text)


def test_a_clock_start_that_is_not_a_date_question_is_refused() -> None:
    text = SMALL.replace(
        'resolution = "3 business_days"',
        'resolution = "3 business_days"\nresolution_starts_on = "symptom"',
    )

    assert "request_types.repair.sla.resolution_starts_on" in problem_in(text)


def test_a_newer_file_version_is_refused() -> None:
    assert "version: this help desk reads version 1, found 2" in problem_in(
        SMALL.replace("version = 1", "version = 2")
    )


def test_a_file_that_is_not_toml_names_the_file() -> None:
    assert "not valid TOML" in problem_in(SMALL + "\n[request_types.repair\n")


def test_a_catalogue_is_read_from_the_path_given(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.toml"
    path.write_text(SMALL.replace("แจ้งซ่อม", "ซ่อมเครื่อง"), encoding="utf-8")

    assert load_catalogue(path).type("repair").name == "ซ่อมเครื่อง"


def test_an_error_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.toml"
    path.write_text(SMALL.replace("version = 1", "version = 2"), encoding="utf-8")

    with pytest.raises(CatalogueError) as raised:
        load_catalogue(path)

    assert raised.value.source == str(path)
    assert raised.value.field == "version"
