"""Tickets: model, lifecycle, numbering, audit, catalogue, SLA, approvals and assignment."""
