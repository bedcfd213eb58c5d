"""Builds the emulator's FastAPI app: Messaging API, page API, inspection API, static page."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from emulator import inspection, messaging, page_api, profiles, richmenu
from emulator.config import EmulatorConfig
from emulator.errors import LineApiError
from emulator.gateway import API_PREFIX, answer_line_error, record_api_calls
from emulator.state import Clock, EmulatorState


def create_app(config: EmulatorConfig, *, clock: Clock = time.time) -> FastAPI:
    """One emulated LINE channel; `clock` lets tests move time for reply-token expiry."""
    state = EmulatorState(config, clock)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        await state.sender.aclose()

    app = FastAPI(
        title="LINE Platform emulator",
        lifespan=lifespan,
        docs_url="/emulator/docs",
        openapi_url="/emulator/openapi.json",
        redoc_url=None,
    )
    app.state.emulator = state
    app.middleware("http")(record_api_calls)
    app.add_exception_handler(LineApiError, answer_line_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _answer_http_error)  # type: ignore[arg-type]
    for module in (messaging, profiles, richmenu, page_api, inspection):
        app.include_router(module.router)
    app.mount(
        "/emulator/static",
        StaticFiles(directory=page_api.WEB_DIR, check_dir=False),
        name="emulator-static",
    )
    return app


async def _answer_http_error(request: Request, error: StarletteHTTPException) -> Response:
    """Unknown Messaging API paths answer in LINE's shape; the page API keeps FastAPI's."""
    if request.url.path.startswith(API_PREFIX):
        return JSONResponse({"message": "Not found"}, status_code=error.status_code)
    return await http_exception_handler(request, error)
