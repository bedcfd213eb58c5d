"""Multi-turn conversations declared as data, advanced by a pure engine."""
