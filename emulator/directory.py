"""Who is in the emulated LINE world: personas, groups, and who has blocked the bot."""

from __future__ import annotations

from emulator.config import EmulatorConfig, Group, Persona
from emulator.ids import looks_like_chat_id


class Directory:
    """Personas and groups by id; replaceable while the emulator runs."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.personas: dict[str, Persona] = {}
        self.groups: dict[str, Group] = {}
        self.blocked: set[str] = set()
        self.upsert(config.personas, config.groups)

    def upsert(self, personas: list[Persona], groups: list[Group]) -> None:
        self.personas.update({persona.user_id: persona for persona in personas})
        self.groups.update({group.group_id: group for group in groups})

    def persona(self, user_id: str) -> Persona | None:
        return self.personas.get(user_id)

    def group(self, group_id: str) -> Group | None:
        return self.groups.get(group_id)

    def is_known_chat(self, chat_id: str) -> bool:
        return chat_id in self.personas or chat_id in self.groups

    def is_user(self, chat_id: str) -> bool:
        """A user id: a persona, or anything shaped like LINE's `U` + 32 hex digits."""
        if chat_id in self.personas:
            return True
        return chat_id not in self.groups and looks_like_chat_id(chat_id) and chat_id[0] == "U"

    def is_friend(self, user_id: str) -> bool:
        return user_id in self.personas and user_id not in self.blocked
