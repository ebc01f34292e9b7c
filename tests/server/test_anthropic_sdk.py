"""The official anthropic SDK (2.x sends Bearer); the 0.x/1.x `x-api-key` style via httpx."""

from __future__ import annotations

import anthropic
import httpx
import pytest

WEATHER = {"name": "get_weather", "description": "Weather in a city",
           "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}


@pytest.fixture(scope="module")
def client(base: str) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=base, api_key="claude-key", max_retries=0)


def test_messages_create(client: anthropic.Anthropic) -> None:
    message = client.messages.create(model="claude-test", max_tokens=64,
                                     messages=[{"role": "user", "content": "bonjour"}])
    assert message.content[0].type == "text"
    assert message.content[0].text == "claude says: bonjour"
    assert (message.stop_reason, message.usage.output_tokens) == ("end_turn", 6)


def test_messages_create_with_tool_use(client: anthropic.Anthropic) -> None:
    message = client.messages.create(model="claude-test", max_tokens=64, tools=[WEATHER],
                                     messages=[{"role": "user", "content": "weather?"}])
    tool = message.content[1]
    assert tool.type == "tool_use" and (tool.name, tool.input) == ("get_weather", {"city": "Oslo"})
    assert message.stop_reason == "tool_use"


def test_messages_stream_raw(client: anthropic.Anthropic) -> None:
    events = list(client.messages.create(model="claude-test", max_tokens=64, stream=True,
                                         messages=[{"role": "user", "content": "raw stream"}]))
    types = [e.type for e in events]
    assert types[0] == "message_start" and types[-1] == "message_stop"
    text = "".join(e.delta.text for e in events if e.type == "content_block_delta")
    assert text == "claude says: raw stream "


def test_messages_stream_helper(client: anthropic.Anthropic) -> None:
    with client.messages.stream(model="claude-test", max_tokens=64,
                                messages=[{"role": "user", "content": "helper"}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text == "claude says: helper "
    assert final.content[0].text == "claude says: helper " and final.stop_reason == "end_turn"


def test_messages_stream_helper_with_tool_use(client: anthropic.Anthropic) -> None:
    with client.messages.stream(model="claude-test", max_tokens=64, tools=[WEATHER],
                                messages=[{"role": "user", "content": "weather?"}]) as stream:
        final = stream.get_final_message()
    assert [b.type for b in final.content] == ["text", "tool_use"]
    assert final.content[1].input == {"city": "Oslo"}


def test_models_list_and_retrieve_in_claude_shape(client: anthropic.Anthropic) -> None:
    assert [m.id for m in client.models.list()] == ["claude-test-1"]
    assert client.models.retrieve("claude-x").display_name == "Claude-X"


def test_errors_are_anthropic_error_classes(client: anthropic.Anthropic, base: str) -> None:
    bad = anthropic.Anthropic(base_url=base, api_key="nope", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError) as auth:
        bad.messages.create(model="claude-test", max_tokens=8,
                            messages=[{"role": "user", "content": "x"}])
    assert auth.value.body["error"]["type"] == "authentication_error"
    assert auth.value.body["error"]["message"] == "Missing or invalid API key."
    assert auth.value.request_id and auth.value.request_id == auth.value.body["request_id"]
    with pytest.raises(anthropic.BadRequestError) as invalid:
        client.messages.create(model="claude-test", max_tokens=8,
                               messages="not a list")  # type: ignore[arg-type]
    assert invalid.value.body["type"] == "error"
    assert invalid.value.body["error"]["type"] == "invalid_request_error"
    with pytest.raises(anthropic.InternalServerError) as overloaded:
        client.messages.create(model="overloaded", max_tokens=8,
                               messages=[{"role": "user", "content": "x"}])
    assert overloaded.value.status_code == 529
    assert overloaded.value.body["error"]["type"] == "overloaded_error"


def test_error_event_mid_stream_raises(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.APIStatusError) as error:
        with client.messages.stream(model="fail-mid-stream", max_tokens=8,
                                    messages=[{"role": "user", "content": "x"}]) as stream:
            for _ in stream:
                pass
    assert "Overloaded mid-stream." in str(error.value)


def test_old_sdk_headers_x_api_key(base: str) -> None:
    """anthropic 0.x/1.x send `x-api-key` with `anthropic-version: 2023-06-01`."""
    headers = {"x-api-key": "claude-key", "anthropic-version": "2023-06-01"}
    answer = httpx.post(f"{base}/v1/messages", headers=headers, json={
        "model": "claude-test", "max_tokens": 8, "messages": [{"role": "user", "content": "old"}]})
    assert answer.status_code == 200 and answer.json()["content"][0]["text"] == "claude says: old"
    listing = httpx.get(f"{base}/v1/models", headers=headers).json()
    assert listing["data"][0]["type"] == "model" and listing["has_more"] is False
    rejected = httpx.post(f"{base}/v1/messages", headers={**headers, "x-api-key": "bad"},
                          json={"model": "m", "max_tokens": 1, "messages": []})
    assert rejected.status_code == 401
    assert rejected.json() == {"type": "error", "error": {
        "type": "authentication_error", "message": "Missing or invalid API key."},
        "request_id": rejected.headers["request-id"]}
