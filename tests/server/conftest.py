"""Real uvicorn servers on 127.0.0.1 for the server-stub tests.

`ALLLLMS_GENERATED` points at another generated tree (default: the repo's `generated/`).
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = Path(os.environ.get("ALLLLMS_GENERATED", ROOT / "generated"))
for package in ("allllms_models", "allllms_server"):
    path = str(GENERATED / package)
    if path not in sys.path:
        sys.path.insert(0, path)

import uvicorn  # noqa: E402

KEY = "sk-test-key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """A uvicorn server running `app` in a daemon thread."""

    def __init__(self, app: object) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                ws="websockets-sansio" if _has_sansio() else "auto")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _has_sansio() -> bool:
    try:
        import uvicorn.protocols.websockets.websockets_sansio_impl  # noqa: F401
    except Exception:
        return False
    return True


@pytest.fixture(scope="session")
def custom_server() -> Iterator[ServerThread]:
    """The server with the tests' own handlers (`handlers_impl.TestHandlers`)."""
    from allllms_server import create_app

    from tests.server.handlers_impl import TestHandlers, validate_key

    # Every answer of the test handlers is checked against the spec's models as well.
    app = create_app(TestHandlers(), auth=validate_key, max_body_size=2 * 1024 * 1024,
                     validate_responses=True)
    with ServerThread(app) as server:
        yield server


@pytest.fixture(scope="session")
def mock_server() -> Iterator[ServerThread]:
    """The server with the generated mock handlers, as `make serve` runs it."""
    from allllms_server import MockHandlers, create_app

    with ServerThread(create_app(MockHandlers())) as server:
        yield server


@pytest.fixture(scope="session")
def base(custom_server: ServerThread) -> str:
    return custom_server.base
