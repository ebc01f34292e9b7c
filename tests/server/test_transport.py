"""Transport behaviour: stream choice by body, client disconnect, body limit, multipart,
realtime WebSocket."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.server import handlers_impl
from tests.server.conftest import KEY, ServerThread

AUTH = {"authorization": f"Bearer {KEY}"}
CHAT = {"model": "gpt-test", "messages": [{"role": "user", "content": "a b"}]}


def test_stream_is_chosen_by_the_body_not_the_accept_header(base: str) -> None:
    # The SDKs send Accept: application/json even when streaming.
    streamed = httpx.post(f"{base}/v1/chat/completions", json={**CHAT, "stream": True},
                          headers={**AUTH, "accept": "application/json"})
    assert streamed.headers["content-type"].startswith("text/event-stream")
    frames = [f for f in streamed.text.split("\n\n") if f]
    assert frames[-1] == "data: [DONE]"
    assert json.loads(frames[1][len("data: "):])["choices"][0]["delta"]["content"] == "echo: "
    plain = httpx.post(f"{base}/v1/chat/completions", json=CHAT,
                       headers={**AUTH, "accept": "text/event-stream"})
    assert plain.headers["content-type"] == "application/json"
    assert plain.json()["choices"][0]["message"]["content"] == "echo: a b"


def test_event_data_framing_for_claude_and_responses(base: str) -> None:
    claude = httpx.post(f"{base}/v1/messages", headers={"x-api-key": "claude-key"}, json={
        "model": "claude-test", "max_tokens": 8, "stream": True,
        "messages": [{"role": "user", "content": "x"}]})
    first = claude.text.split("\n\n")[0].split("\n")
    assert first[0] == "event: message_start" and first[1].startswith("data: {")
    assert "[DONE]" not in claude.text
    responses = httpx.post(f"{base}/v1/responses", headers=AUTH,
                           json={"model": "gpt-test", "input": "x", "stream": True})
    names = [f.split("\n")[0] for f in responses.text.split("\n\n") if f]
    assert names[0] == "event: response.created" and names[-1] == "event: response.completed"


def test_client_disconnect_closes_the_handler_iterator(base: str) -> None:
    handlers_impl.DISCONNECTED.clear()
    with httpx.stream("POST", f"{base}/v1/chat/completions", headers=AUTH,
                      json={**CHAT, "model": "slow", "stream": True}) as answer:
        lines = answer.iter_lines()
        assert next(lines).startswith("data: ")
    assert handlers_impl.DISCONNECTED.wait(5), "the stream kept running after the client left"


def test_unhandled_exception_is_500_in_dialect_not_a_crash(base: str) -> None:
    answer = httpx.post(f"{base}/v1/chat/completions", headers=AUTH,
                        json={**CHAT, "model": "crash"})
    assert answer.status_code == 500
    assert answer.json()["error"]["type"] == "server_error"


@pytest.mark.parametrize(("path", "headers", "dialect_key"), [
    ("/v1/chat/completions", AUTH, "message"),
    ("/v1/messages", {"x-api-key": "claude-key"}, "request_too_large"),
    ("/v1beta/models/g:generateContent", {"x-goog-api-key": "gemini-key"}, "INVALID_ARGUMENT"),
])
def test_body_limit_is_413_in_dialect(base: str, path: str, headers: dict[str, str],
                                      dialect_key: str) -> None:
    big = b'{"x": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    answer = httpx.post(base + path, content=big,
                        headers={**headers, "content-type": "application/json"})
    assert answer.status_code == 413
    assert dialect_key in answer.text

    def chunks():  # no content-length: the limit applies while reading
        for _ in range(40):
            yield b"a" * 100_000

    chunked = httpx.post(base + path, content=chunks(),
                         headers={**headers, "content-type": "application/json"})
    assert chunked.status_code == 413


def test_multipart_without_a_file_and_with_repeated_fields(base: str) -> None:
    # videos.create is multipart even without a file.
    answer = httpx.post(f"{base}/v1/videos", headers=AUTH,
                        files={"prompt": (None, "no file"), "model": (None, "sora-2")})
    assert answer.json()["prompt"] == "no file" and answer.json()["has_reference"] is False
    missing = httpx.post(f"{base}/v1/videos", headers=AUTH, files={"model": (None, "sora-2")})
    assert missing.status_code == 400 and missing.json()["error"]["param"] == "prompt"


def test_async_auth_validator_and_any_scheme(custom_server: ServerThread) -> None:
    from allllms_server import MockHandlers, create_app

    async def only_async(key: str) -> bool:
        return key == "async-ok"

    with ServerThread(create_app(MockHandlers(), auth=only_async)) as server:
        ok = httpx.get(f"{server.base}/v1/models", headers={"authorization": "Bearer async-ok"})
        assert ok.status_code == 200
        # any accepted scheme suffices: a bad Bearer plus a good x-goog-api-key passes
        both = httpx.get(f"{server.base}/v1/models", headers={
            "authorization": "Bearer bad", "x-goog-api-key": "async-ok"})
        assert both.status_code == 200 and "models" in both.json()
        assert httpx.get(f"{server.base}/v1/models",
                         headers={"authorization": "Bearer bad"}).status_code == 401


def ws_url(base: str, path: str) -> str:
    return base.replace("http://", "ws://") + path


def test_realtime_websocket_passes_events_through_the_handler(base: str) -> None:
    with connect(ws_url(base, "/v1/realtime?model=gpt-realtime"),
                 additional_headers=AUTH) as ws:
        created = json.loads(ws.recv(timeout=5))
        assert created["type"] == "session.created"
        assert created["session"]["model"] == "gpt-realtime"
        ws.send(json.dumps({"type": "conversation.item.create", "item": {
            "type": "message", "role": "user",
            "content": [{"type": "input_text", "text": "hello socket"}]}}))
        item = json.loads(ws.recv(timeout=5))
        assert item["type"] == "conversation.item.created"
        assert item["item"]["content"][0]["text"] == "HELLO SOCKET"
        ws.send(json.dumps({"type": "no.such.event"}))
        error = json.loads(ws.recv(timeout=5))
        assert error["type"] == "error" and "Invalid client event" in error["error"]["message"]


def test_realtime_key_in_subprotocol_and_rejection(base: str) -> None:
    with connect(ws_url(base, "/v1/realtime"),
                 subprotocols=["realtime", f"openai-insecure-api-key.{KEY}"]) as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "session.created"
        assert ws.subprotocol == "realtime"
    with pytest.raises(InvalidStatus) as rejected:
        with connect(ws_url(base, "/v1/realtime"),
                     additional_headers={"authorization": "Bearer x"}):
            pass
    # The handshake is refused with an HTTP 401 in the route's dialect.
    assert rejected.value.response.status_code == 401
    assert b'"type": "authentication_error"' in bytes(rejected.value.response.body or b"")
    plain = httpx.get(f"{base}/v1/realtime", headers=AUTH)
    assert plain.status_code == 400 and "WebSocket" in plain.json()["error"]["message"]


def test_realtime_mock_session(mock_server: ServerThread) -> None:
    with connect(ws_url(mock_server.base, "/v1/realtime?model=gpt-realtime"),
                 additional_headers={"authorization": "Bearer k"}) as ws:
        assert json.loads(ws.recv(timeout=5))["type"] == "session.created"
        ws.send(json.dumps({"type": "session.update", "session": {"instructions": "be terse"}}))
        updated = json.loads(ws.recv(timeout=5))
        assert updated["type"] == "session.updated"
        assert updated["session"]["instructions"] == "be terse"
    time.sleep(0.05)


def test_validate_responses_turns_answers_outside_the_spec_into_500s() -> None:
    from allllms_server import Handlers, create_app

    class Sloppy(Handlers):
        async def create_rerank(self, *, body: object, ctx: object) -> object:
            return {"results": "not a list"}

        async def create_chat_completion(self, *, body: object, ctx: object) -> object:
            async def events():  # type: ignore[no-untyped-def]
                yield {"object": "chat.completion.chunk", "id": "c", "created": 1, "model": "m",
                       "choices": []}
                yield {"no": "fields"}
            return events()

    with ServerThread(create_app(Sloppy(), validate_responses=True)) as server:
        rerank = httpx.post(f"{server.base}/v1/rerank", headers=AUTH,
                            json={"model": "r", "query": "q", "documents": ["a"]})
        assert rerank.status_code == 500
        message = rerank.json()["error"]["message"]
        assert "createRerank answered outside the spec: results" in message
        stream = httpx.post(f"{server.base}/v1/chat/completions", headers=AUTH,
                            json={**CHAT, "stream": True})
        frames = [f for f in stream.text.split("\n\n") if f]
        assert len(frames) == 2 and '"choices":[]' in frames[0]
        error = json.loads(frames[1][len("data: "):])["error"]
        assert "streamed an invalid event" in error["message"]
    with ServerThread(create_app(Sloppy())) as server:  # off by default: the answer passes
        assert httpx.post(f"{server.base}/v1/rerank", headers=AUTH, json={
            "model": "r", "query": "q", "documents": ["a"]}).json() == {"results": "not a list"}
