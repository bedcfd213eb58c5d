"""The bot's own rows: inbox of LINE events, outbox of messages, dialog sessions, LINE users."""
