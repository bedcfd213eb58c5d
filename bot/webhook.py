"""POST /callback: verify the signature, store the events in the inbox, answer 200."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from bot.inbound import BadSignature, MalformedBody, verify_and_split
from bot.runtime import Runtime
from bot.store.inbox import store_events

log = logging.getLogger(__name__)
router = APIRouter()


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, "request body too large")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise HTTPException(413, "request body too large")
    return bytes(body)


@router.post("/callback")
async def callback(request: Request) -> JSONResponse:
    runtime: Runtime = request.app.state.runtime
    signature = request.headers.get("x-line-signature")
    if not signature:
        raise HTTPException(400, "missing X-Line-Signature")
    body = await _read_limited(request, runtime.settings.max_webhook_body_bytes)
    try:
        events = verify_and_split(body, signature, runtime.channel_secret)
    except BadSignature:
        log.warning("webhook with a bad signature refused")
        raise HTTPException(400, "invalid signature") from None
    except MalformedBody as error:
        raise HTTPException(400, f"malformed body: {error}") from None
    stored = await asyncio.to_thread(store_events, runtime.engine, events, runtime.clock.now())
    if stored:
        runtime.wake_worker()
    return JSONResponse({"stored": stored, "received": len(events)})
