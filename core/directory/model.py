"""The organisation as plain values: units, people and their roles, teams, positions, groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

LINE_USER_ID = re.compile(r"^U[0-9a-f]{32}$")
LINE_GROUP_ID = re.compile(r"^C[0-9a-f]{32}$")


class UnitKind(StrEnum):
    OFFICE = "office"
    DEPARTMENT = "department"
    SECTION = "section"
    SCHOOL = "school"


class Role(StrEnum):
    REQUESTER = "requester"
    APPROVER = "approver"
    IT_STAFF = "it_staff"
    TEAM_LEAD = "team_lead"
    ANNOUNCER = "announcer"
    ADMIN = "admin"
    EXECUTIVE = "executive"
    SERVICE_DESK = "service_desk"


class GroupPurpose(StrEnum):
    UNIT_STAFF = "unit_staff"
    IT_TEAM = "it_team"
    DR_COMMITTEE = "dr_committee"
    EXECUTIVES = "executives"


class DemoPersona(StrEnum):
    """The four people the emulator offers to a newcomer, one per way of using the bot."""

    STAFF = "staff"
    MANAGER = "manager"
    TECHNICIAN = "technician"
    ADMIN = "admin"


@dataclass(frozen=True)
class Unit:
    """An office, department, section or school; `head_position` names its head's position."""

    id: str
    name_th: str
    kind: UnitKind
    parent_id: str | None = None
    head_position: str | None = None
    area: str | None = None


@dataclass(frozen=True)
class Person:
    """A member of staff. People who leave stay here, inactive, so their history keeps a name."""

    id: str
    employee_id: str
    name_th: str
    position_title: str
    unit_id: str
    roles: frozenset[Role] = frozenset({Role.REQUESTER})
    supervisor_id: str | None = None
    active: bool = True
    resigned_on: date | None = None
    line_user_id: str | None = None
    phone: str | None = None
    demo_persona: DemoPersona | None = None

    def has_role(self, role: Role) -> bool:
        return self.active and role in self.roles


@dataclass(frozen=True)
class Team:
    """An IT team; `categories` are the request types or categories it serves."""

    key: str
    name_th: str
    lead_id: str | None = None
    member_ids: tuple[str, ...] = ()
    categories: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()

    def includes(self, person_id: str) -> bool:
        return person_id == self.lead_id or person_id in self.member_ids


@dataclass(frozen=True)
class Position:
    """A post such as ผอ.สทต.; it may be vacant or delegated while its holder is away."""

    code: str
    title_th: str
    holder_id: str | None = None
    delegate_id: str | None = None
    next_level: str | None = None


@dataclass(frozen=True)
class LineGroup:
    """A LINE group chat the bot is in; announcements go only to confirmed groups."""

    group_id: str
    name_th: str
    purpose: GroupPurpose
    unit_ids: frozenset[str] = field(default_factory=frozenset)
    confirmed: bool = False
