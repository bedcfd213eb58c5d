"""Domain errors: a stable code the bot maps to a Thai sentence, plus named parameters."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the help desk refused a command.

    `code` is stable (e.g. ``ticket.illegal_transition``); the bot looks it up in its
    message catalogue. `params` fill the placeholders of that message.
    """

    code: str = "domain.error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class NotFound(DomainError):
    code = "not_found"


class ConcurrentUpdate(DomainError):
    """Someone else changed the row first (optimistic version check failed)."""

    code = "concurrent_update"


class PermissionDenied(DomainError):
    code = "permission_denied"


class ValidationFailed(DomainError):
    code = "validation_failed"
