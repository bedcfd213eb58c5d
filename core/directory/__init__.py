"""The organisation: units, people, roles, teams, positions and LINE links."""
