"""Runs the emulator on a loopback port in a background thread, for tests and the demo."""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn

from emulator.app import create_app
from emulator.config import EmulatorConfig
from emulator.state import Clock

log = logging.getLogger(__name__)
STARTUP_TIMEOUT_SECONDS = 15.0


@dataclass
class RunningEmulator:
    """A started emulator: where it listens, and how to stop it."""

    base_url: str
    config: EmulatorConfig
    _server: uvicorn.Server
    _thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=STARTUP_TIMEOUT_SECONDS)

    def __enter__(self) -> RunningEmulator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_emulator(
    config: EmulatorConfig,
    port: int = 0,
    *,
    host: str = "127.0.0.1",
    clock: Clock = time.time,
) -> RunningEmulator:
    """Starts serving and returns once the port accepts connections (port 0: any free one)."""
    listener = bound_socket(host, port)
    server, thread = serve_in_thread(create_app(config, clock=clock), listener,
                                     name="line-emulator")
    base_url = f"http://{host}:{listener.getsockname()[1]}"
    log.info("LINE emulator listening on %s", base_url)
    return RunningEmulator(base_url, config, server, thread)


def bound_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A socket bound before serving, so its port is known (and can be handed out) early."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    return listener


def serve_in_thread(
    app: Any, listener: socket.socket, *, name: str
) -> tuple[uvicorn.Server, threading.Thread]:
    """Runs any ASGI app with uvicorn on `listener` in a daemon thread, once it has started."""
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", loop="asyncio", lifespan="on",
                       timeout_graceful_shutdown=1)
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name=name, daemon=True
    )
    thread.start()
    _wait_until_started(server, thread)
    return server, thread


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the LINE emulator did not start")
        time.sleep(0.01)
