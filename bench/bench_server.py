"""Benchmark: the generated chat-completions route vs a hand-written minimal FastAPI route.

Both apps validate the same request model, check a Bearer key and answer the same response
model; the generated one runs through `allllms_server.create_app` with a trivial handler.
Measured side by side in one run, alternating rounds to share machine noise:

1. in-process ASGI requests per CPU-second (framework cost only, no sockets);
2. HTTP requests/s through uvicorn (each app in its own process, keep-alive clients), and the
   same per CPU-second of the server process (robust to other load on the machine);
3. stream events per CPU-second: `stream: true` requests answering many chunks each.

CPU time rather than wall time makes the ratio stable on a shared machine.

    .venv/bin/python bench/bench_server.py            # full run (~1 min)
    .venv/bin/python bench/bench_server.py --quick    # smoke run

Target: generated >= 0.9x hand-written.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import statistics
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GENERATED = Path(os.environ.get("ALLLLMS_GENERATED", ROOT / "generated"))
sys.path[:0] = [str(GENERATED / "allllms_models"), str(GENERATED / "allllms_server")]

from allllms_models import (  # noqa: E402
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatCompletionStreamResponse,
)

KEY = "bench-key"
REQUEST = {"model": "gpt-bench", "messages": [
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "Say hello in one word."}], "temperature": 0.2}
ANSWER = {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1764000000,
          "model": "gpt-bench", "choices": [{"index": 0, "finish_reason": "stop", "message": {
              "role": "assistant", "content": "Hello."}}],
          "usage": {"prompt_tokens": 12, "completion_tokens": 2, "total_tokens": 14}}
CHUNK = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1764000000,
         "model": "gpt-bench", "choices": [{"index": 0, "delta": {"content": "tok "},
                                            "finish_reason": None}]}
STREAM_EVENTS = 2000


def generated_app() -> Any:
    from allllms_server import Handlers, RequestContext, create_app

    answer = ChatCompletionResponse.model_validate(ANSWER)
    chunk = ChatCompletionStreamResponse.model_validate(CHUNK)

    class Trivial(Handlers):
        async def create_chat_completion(self, *, body: ChatCompletionRequest,
                                         ctx: RequestContext) -> Any:
            if ctx.stream:
                return events()
            return answer

    async def events() -> AsyncIterator[ChatCompletionStreamResponse]:
        for _ in range(STREAM_EVENTS):
            yield chunk

    return create_app(Trivial(), auth=lambda key: key == KEY)


def handwritten_app() -> Any:
    from fastapi import FastAPI, Header, HTTPException
    from fastapi.responses import StreamingResponse

    app = FastAPI()
    answer = ChatCompletionResponse.model_validate(ANSWER)
    chunk = ChatCompletionStreamResponse.model_validate(CHUNK)

    @app.post("/v1/chat/completions", response_model=ChatCompletionResponse,
              response_model_exclude_unset=True)
    async def chat(body: ChatCompletionRequest, authorization: str = Header("")) -> Any:
        if authorization != f"Bearer {KEY}":
            raise HTTPException(401, "bad key")
        if body.stream:
            async def frames() -> AsyncIterator[bytes]:
                for _ in range(STREAM_EVENTS):
                    yield b"data: " + chunk.model_dump_json(exclude_unset=True).encode() + b"\n\n"
                yield b"data: [DONE]\n\n"
            return StreamingResponse(frames(), media_type="text/event-stream")
        return answer

    return app


# ---- in-process ASGI -------------------------------------------------------------------------

def asgi_scope(body: bytes) -> dict[str, Any]:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
            "scheme": "http", "path": "/v1/chat/completions", "raw_path": b"/v1/chat/completions",
            "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8000),
            "client": ("127.0.0.1", 50000), "headers": [
                (b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                (b"authorization", f"Bearer {KEY}".encode()),
                (b"content-length", str(len(body)).encode())]}


async def asgi_call(app: Any, body: bytes) -> tuple[int, int]:
    sent = False
    status = 0
    size = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            size += message.get("body", b"").count(b"data: ") or 1

    await app(asgi_scope(body), receive, send)
    return status, size


async def asgi_rps(app: Any, seconds: float) -> float:
    body = json.dumps(REQUEST).encode()
    status, _ = await asgi_call(app, body)
    assert status == 200, status
    count = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for _ in range(50):
            await asgi_call(app, body)
        count += 50
    return count / (time.process_time() - start)


async def asgi_events(app: Any, rounds: int) -> float:
    body = json.dumps({**REQUEST, "stream": True}).encode()
    start = time.process_time()
    events = 0
    for _ in range(rounds):
        status, n = await asgi_call(app, body)
        assert status == 200
        events += n
    return events / (time.process_time() - start)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---- HTTP through uvicorn ----------------------------------------------------------------------

def serve(which: str, port: int) -> None:
    import uvicorn

    app = generated_app() if which == "generated" else handwritten_app()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


async def http_client(port: int, raw: bytes, until: float) -> int:
    """A keep-alive HTTP/1.1 client over raw asyncio streams (cheap, so the server is measured)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    done = 0
    while time.perf_counter() < until:
        writer.write(raw)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length")))
        await reader.readexactly(length)
        assert head.startswith(b"HTTP/1.1 200"), head[:40]
        done += 1
    writer.close()
    return done


async def http_rps(port: int, seconds: float, clients: int = 8) -> float:
    body = json.dumps(REQUEST).encode()
    raw = (b"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\n"
           b"content-type: application/json\r\nauthorization: Bearer " + KEY.encode() +
           b"\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    start = time.perf_counter()
    counts = await asyncio.gather(*(http_client(port, raw, start + seconds)
                                    for _ in range(clients)))
    return sum(counts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    seconds = 0.5 if args.quick else 3.0
    rounds = 1 if args.quick else args.rounds
    apps = {"generated": generated_app(), "hand-written": handwritten_app()}
    results: dict[str, dict[str, list[float]]] = {
        name: {"asgi": [], "http": [], "http_cpu": [], "events": []} for name in apps}
    for _ in range(rounds):
        for name, app in apps.items():
            results[name]["asgi"].append(asyncio.run(asgi_rps(app, seconds)))
            results[name]["events"].append(asyncio.run(asgi_events(app, 3 if args.quick else 10)))
    ctx = multiprocessing.get_context("spawn")
    for _ in range(rounds):
        for name in apps:
            port = free_port()
            proc = ctx.Process(target=serve, args=("generated" if name == "generated"
                                                   else "handwritten", port), daemon=True)
            proc.start()
            try:
                wait_for(port)
                asyncio.run(http_rps(port, 0.3))  # warm up
                before = cpu_seconds(proc.pid)
                start = time.perf_counter()
                rps = asyncio.run(http_rps(port, seconds))
                requests = rps * (time.perf_counter() - start)
                results[name]["http"].append(rps)
                results[name]["http_cpu"].append(requests / (cpu_seconds(proc.pid) - before))
            finally:
                proc.terminate()
                proc.join(5)
    print(f"{'':24}{'generated':>14}{'hand-written':>14}{'ratio':>8}   (median of {rounds})")
    for metric, label in (("asgi", "ASGI requests/CPU-s"), ("http", "HTTP requests/s"),
                          ("http_cpu", "HTTP requests/CPU-s"), ("events", "stream events/CPU-s")):
        gen = statistics.median(results["generated"][metric])
        hand = statistics.median(results["hand-written"][metric])
        print(f"{label:24}{gen:14,.0f}{hand:14,.0f}{gen / hand:8.2f}x")


if __name__ == "__main__":
    main()
