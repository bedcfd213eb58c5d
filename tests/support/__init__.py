"""Shared test support: database fixtures, LINE event builders, a recording messenger."""
