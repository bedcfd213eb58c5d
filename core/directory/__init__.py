"""The organisation: units, people, roles, teams, positions and LINE links."""

from core.directory.changes import ChangeKind, DirectoryChange
from core.directory.csv_fields import ImportProblem
from core.directory.csv_io import DirectoryImportError, export_directory, import_directory
from core.directory.directory import Directory
from core.directory.model import (
    DemoPersona,
    GroupPurpose,
    LineGroup,
    Person,
    Position,
    Role,
    Team,
    Unit,
    UnitKind,
)

__all__ = [
    "ChangeKind",
    "DemoPersona",
    "Directory",
    "DirectoryChange",
    "DirectoryImportError",
    "GroupPurpose",
    "ImportProblem",
    "LineGroup",
    "Person",
    "Position",
    "Role",
    "Team",
    "Unit",
    "UnitKind",
    "export_directory",
    "import_directory",
]
