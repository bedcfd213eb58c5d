"""Inspection API for tests and demos: what the bot sent, what was refused, and controls."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException
from pydantic import Field, ValidationError

from emulator.config import CamelModel, Group, Persona
from emulator.state import State

router = APIRouter(prefix="/emulator/inspect")
JsonBody = dict[str, Any]


class People(CamelModel):
    personas: list[Persona] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)


class WebhookTarget(CamelModel):
    url: str | None


@router.get("/received")
async def received(chat: str, state: State) -> JsonBody:
    """Messages the bot delivered to one chat, oldest first, each with how it was sent."""
    return {"chat": chat, "messages": state.timelines.sent_by_bot(chat)}


@router.get("/requests")
async def requests(state: State) -> JsonBody:
    return {"requests": state.record.requests}


@router.get("/rejections")
async def rejections(state: State) -> JsonBody:
    return {"rejections": state.record.rejections}


@router.get("/deliveries")
async def deliveries(state: State) -> JsonBody:
    return {
        "deliveries": state.record.deliveries,
        "pendingRedeliveries": state.sender.pending_redeliveries,
    }


@router.post("/reset")
async def reset(state: State) -> JsonBody:
    state.reset()
    return {}


@router.get("/faults")
async def faults(state: State) -> JsonBody:
    return state.faults.to_json()


@router.post("/faults")
async def set_faults(changes: Annotated[JsonBody, Body()], state: State) -> JsonBody:
    """Changes only the settings given, e.g. {"tooManyRequests": 3} or {"errorRate": 0.5}."""
    try:
        state.faults.update(changes)
    except ValidationError as error:
        raise HTTPException(422, error.errors(include_url=False)) from error
    return state.faults.to_json()


@router.post("/personas")
async def set_people(people: People, state: State) -> JsonBody:
    """Adds personas and groups, replacing any with the same id."""
    state.directory.upsert(people.personas, people.groups)
    return {"personas": len(state.directory.personas), "groups": len(state.directory.groups)}


@router.post("/webhook")
async def set_webhook(target: WebhookTarget, state: State) -> JsonBody:
    """Points the webhook sender at another URL (the bot may start after the emulator)."""
    state.sender.url = target.url
    return {"url": state.sender.url}
