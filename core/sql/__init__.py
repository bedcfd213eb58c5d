"""SQLModel adapters of the core's ports: the only place the core meets the database."""
