"""`allllms_server.bridge`: one backend format serves every chat format, via the translators.

Each backend implements a single chat operation (OpenAI chat, Claude or Gemini) with answers that
depend on the request; the official SDKs of the other formats call it through uvicorn.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anthropic
import openai
import pytest
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from tests.server.conftest import GENERATED, ServerThread

sys.path.insert(0, str(GENERATED / "allllms_translators"))

from allllms_server import ApiError, Handlers, RequestContext, create_app
from allllms_server.bridge import CHAT_FORMATS, TranslatingHandlers

PROMPT = "weather in Oslo?"
SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
CLAUDE_TOOL = {"name": "get_weather", "description": "Weather in a city", "input_schema": SCHEMA}
CHAT_TOOL = {"type": "function", "function": {"name": "get_weather",
                                              "description": "Weather in a city",
                                              "parameters": SCHEMA}}
RESPONSES_TOOL = {"type": "function", "name": "get_weather", "description": "Weather in a city",
                  "parameters": SCHEMA}
GEMINI_TOOLS = types.GenerateContentConfig(tools=[types.Tool(function_declarations=[
    types.FunctionDeclaration(name="get_weather", description="Weather in a city",
                              parameters=SCHEMA)])])


def plain(body: Any) -> dict[str, Any]:
    return body.model_dump(mode="json", by_alias=True, exclude_unset=True)


def text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(_part_text(p) for p in content or () if isinstance(p, dict))


def _part_text(part: dict[str, Any]) -> str:
    # An image part is echoed as its media type, so a test can see that it arrived intact.
    url = (part.get("image_url") or {}).get("url", "")
    if url.startswith("data:"):
        return f"[image {url[5:].split(';', 1)[0]}]"
    return str(part.get("text", ""))


def check_model(model: str) -> None:
    if "rate-limited" in model:
        raise ApiError(429, "Slow down.", type="rate_limit_error")


# ---- backends: each answers "<who> heard: <last user text>" and calls get_weather(city=<text>)
# when the request has tools and no tool result yet.


class ChatBackend(Handlers):
    async def create_chat_completion(self, *, body: Any, ctx: RequestContext) -> Any:
        req = plain(body)
        check_model(req["model"])
        prompt = next(text_of(m.get("content")) for m in reversed(req["messages"])
                      if m["role"] == "user")
        call = bool(req.get("tools")) and all(m["role"] != "tool" for m in req["messages"])
        name = req["tools"][0]["function"]["name"] if call else ""
        text = f"chat heard: {prompt}"
        if ctx.stream:
            return self._stream(req["model"], text, name, prompt)
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if call:
            message["tool_calls"] = [{"id": "call_1", "type": "function", "function": {
                "name": name, "arguments": json.dumps({"city": prompt})}}]
        return {"id": "chatcmpl-1", "object": "chat.completion", "created": 1,
                "model": req["model"],
                "choices": [{"index": 0, "message": message,
                             "finish_reason": "tool_calls" if call else "stop"}],
                "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12}}

    async def _stream(self, model: str, text: str, name: str,
                      prompt: str) -> AsyncIterator[dict[str, Any]]:
        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1,
                    "model": model, "choices": [{"index": 0, "delta": delta,
                                                 "finish_reason": finish}]}

        yield chunk({"role": "assistant", "content": ""})
        for piece in text.split(" "):
            yield chunk({"content": piece + " "})
        if name:
            args = json.dumps({"city": prompt})
            yield chunk({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                         "function": {"name": name, "arguments": ""}}]})
            for fragment in (args[:5], args[5:]):
                yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": fragment}}]})
        yield chunk({}, "tool_calls" if name else "stop")
        yield {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": model,
               "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 7,
                                        "total_tokens": 12}}


class ClaudeBackend(Handlers):
    async def create_message(self, *, body: Any, ctx: RequestContext, **_: Any) -> Any:
        req = plain(body)
        check_model(req["model"])
        prompt = next(text_of(m["content"]) for m in reversed(req["messages"])
                      if m["role"] == "user" and text_of(m["content"]))
        results = [b for m in req["messages"] if isinstance(m["content"], list)
                   for b in m["content"] if b.get("type") == "tool_result"]
        name = req["tools"][0]["name"] if req.get("tools") and not results else ""
        text = f"claude heard: {prompt}"
        if ctx.stream:
            return self._stream(req["model"], text, name, prompt)
        content: list[dict[str, Any]] = [{"type": "text", "text": text}]
        if name:
            content.append({"type": "tool_use", "id": "toolu_1", "name": name,
                            "input": {"city": prompt}})
        return {"id": "msg_1", "type": "message", "role": "assistant", "model": req["model"],
                "content": content, "stop_reason": "tool_use" if name else "end_turn",
                "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 7}}

    async def _stream(self, model: str, text: str, name: str,
                      prompt: str) -> AsyncIterator[dict[str, Any]]:
        yield {"type": "message_start", "message": {
            "id": "msg_1", "type": "message", "role": "assistant", "model": model, "content": [],
            "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 5, "output_tokens": 0}}}
        yield {"type": "content_block_start", "index": 0,
               "content_block": {"type": "text", "text": ""}}
        for piece in text.split(" "):
            yield {"type": "content_block_delta", "index": 0,
                   "delta": {"type": "text_delta", "text": piece + " "}}
        yield {"type": "content_block_stop", "index": 0}
        if name:
            args = json.dumps({"city": prompt})
            yield {"type": "content_block_start", "index": 1, "content_block": {
                "type": "tool_use", "id": "toolu_1", "name": name, "input": {}}}
            for fragment in (args[:5], args[5:]):
                yield {"type": "content_block_delta", "index": 1,
                       "delta": {"type": "input_json_delta", "partial_json": fragment}}
            yield {"type": "content_block_stop", "index": 1}
        yield {"type": "message_delta", "delta": {"stop_reason": "tool_use" if name else "end_turn",
                                                  "stop_sequence": None},
               "usage": {"output_tokens": 7}}
        yield {"type": "message_stop"}


class GeminiBackend(Handlers):
    @staticmethod
    def _read(model: str, body: Any) -> tuple[str, str]:
        check_model(model)
        req = plain(body)
        prompt = next(p["text"] for c in reversed(req["contents"]) if c.get("role") != "model"
                      for p in c["parts"] if "text" in p)
        answered = any("functionResponse" in p for c in req["contents"] for p in c["parts"])
        tools = req.get("tools") or [{}]
        declarations = tools[0].get("functionDeclarations") or []
        name = declarations[0]["name"] if declarations and not answered else ""
        return prompt, name

    async def generate_content(self, *, model: str, body: Any, ctx: RequestContext) -> Any:
        prompt, name = self._read(model, body)
        parts: list[dict[str, Any]] = [{"text": f"gemini heard: {prompt}"}]
        if name:
            parts.append({"functionCall": {"name": name, "args": {"city": prompt}}})
        return {"candidates": [{"content": {"role": "model", "parts": parts},
                                "finishReason": "STOP", "index": 0}],
                "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 7,
                                  "totalTokenCount": 12},
                "modelVersion": model}

    async def stream_generate_content(self, *, model: str, body: Any, ctx: RequestContext,
                                      alt: str | None = None) -> Any:
        prompt, name = self._read(model, body)

        async def events() -> AsyncIterator[dict[str, Any]]:
            pieces = f"gemini heard: {prompt}".split(" ")
            for i, piece in enumerate(pieces):
                parts: list[dict[str, Any]] = [{"text": piece + " "}]
                chunk: dict[str, Any] = {"candidates": [{"content": {"role": "model",
                                                                     "parts": parts},
                                                         "index": 0}], "modelVersion": model}
                if i == len(pieces) - 1:
                    if name:
                        parts.append({"functionCall": {"name": name, "args": {"city": prompt}}})
                    chunk["candidates"][0]["finishReason"] = "STOP"
                    chunk["usageMetadata"] = {"promptTokenCount": 5, "candidatesTokenCount": 7,
                                              "totalTokenCount": 12}
                yield chunk

        return events()


class ResponsesBackend(Handlers):
    async def create_response(self, *, body: Any, ctx: RequestContext) -> Any:
        req = plain(body)
        check_model(req["model"])
        items = [req["input"]] if isinstance(req["input"], str) else req["input"]
        prompt = next(i if isinstance(i, str) else text_of(i.get("content"))
                      for i in reversed(items) if isinstance(i, str) or i.get("role") == "user")
        name = req["tools"][0]["name"] if req.get("tools") else ""
        text = f"responses heard: {prompt}"
        message = {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                   "content": [{"type": "output_text", "text": text, "annotations": []}]}
        output: list[dict[str, Any]] = [message]
        if name:
            output.append({"type": "function_call", "id": "fc_1", "call_id": "call_1",
                           "name": name, "arguments": json.dumps({"city": prompt}),
                           "status": "completed"})
        answer = {"id": "resp_1", "object": "response", "created_at": 1, "model": req["model"],
                  "status": "completed", "output": output, "parallel_tool_calls": True,
                  "tool_choice": "auto", "tools": req.get("tools", []),
                  "usage": {"input_tokens": 5, "output_tokens": 7, "total_tokens": 12,
                            "input_tokens_details": {"cached_tokens": 0},
                            "output_tokens_details": {"reasoning_tokens": 0}}}
        if not ctx.stream:
            return answer

        async def events() -> AsyncIterator[dict[str, Any]]:
            started = {**answer, "status": "in_progress", "output": [], "usage": None}
            part = {"type": "output_text", "text": "", "annotations": []}
            script: list[dict[str, Any]] = [
                {"type": "response.created", "response": started},
                {"type": "response.output_item.added", "output_index": 0,
                 "item": {**message, "status": "in_progress", "content": []}},
                {"type": "response.content_part.added", "output_index": 0, "item_id": "msg_1",
                 "content_index": 0, "part": part},
                *({"type": "response.output_text.delta", "output_index": 0, "item_id": "msg_1",
                   "content_index": 0, "delta": piece + " "} for piece in text.split(" ")),
                {"type": "response.output_text.done", "output_index": 0, "item_id": "msg_1",
                 "content_index": 0, "text": text},
                {"type": "response.content_part.done", "output_index": 0, "item_id": "msg_1",
                 "content_index": 0, "part": {**part, "text": text}},
                {"type": "response.output_item.done", "output_index": 0, "item": message},
                {"type": "response.completed", "response": answer}]
            for number, event in enumerate(script):
                yield {**event, "sequence_number": number}

        return events()


def serve(handlers: Handlers) -> Iterator[str]:
    with ServerThread(create_app(handlers)) as server:
        yield server.base


@pytest.fixture(scope="module")
def chat_base() -> Iterator[str]:
    yield from serve(TranslatingHandlers(ChatBackend(), backend="openai_chat"))


@pytest.fixture(scope="module")
def strict_base() -> Iterator[str]:
    yield from serve(TranslatingHandlers(ChatBackend(), backend="openai_chat", policy="strict"))


@pytest.fixture(scope="module")
def claude_base() -> Iterator[str]:
    yield from serve(TranslatingHandlers(ClaudeBackend(), backend="claude"))


@pytest.fixture(scope="module")
def gemini_base() -> Iterator[str]:
    yield from serve(TranslatingHandlers(GeminiBackend(), backend="gemini"))


@pytest.fixture(scope="module")
def responses_base() -> Iterator[str]:
    yield from serve(TranslatingHandlers(ResponsesBackend(), backend="openai_responses"))


CLIENTS: list[Any] = []  # closed when the module's tests are done


@pytest.fixture(scope="module", autouse=True)
def close_clients() -> Iterator[None]:
    yield
    while CLIENTS:
        CLIENTS.pop().close()


def claude_client(base: str) -> anthropic.Anthropic:
    CLIENTS.append(anthropic.Anthropic(base_url=base, api_key="k", max_retries=0))
    return CLIENTS[-1]  # type: ignore[no-any-return]


def openai_client(base: str) -> openai.OpenAI:
    CLIENTS.append(openai.OpenAI(base_url=base + "/v1", api_key="k", max_retries=0))
    return CLIENTS[-1]  # type: ignore[no-any-return]


def gemini_client(base: str, version: str | None = None) -> genai.Client:
    options = types.HttpOptions(base_url=base, api_version=version)
    CLIENTS.append(genai.Client(api_key="k", http_options=options))
    return CLIENTS[-1]  # type: ignore[no-any-return]


# ---- shared assertions, one per caller SDK -------------------------------------------------


def anthropic_create(base: str, who: str) -> None:
    client = claude_client(base)
    plain_answer = client.messages.create(model="m-1", max_tokens=64,
                                          messages=[{"role": "user", "content": "bonjour"}])
    assert [b.type for b in plain_answer.content] == ["text"]
    assert plain_answer.content[0].text == f"{who} heard: bonjour"
    assert plain_answer.stop_reason == "end_turn"
    assert (plain_answer.usage.input_tokens, plain_answer.usage.output_tokens) == (5, 7)
    message = client.messages.create(model="m-1", max_tokens=64, tools=[CLAUDE_TOOL],
                                     messages=[{"role": "user", "content": PROMPT}])
    assert [b.type for b in message.content] == ["text", "tool_use"]
    assert message.content[0].text == f"{who} heard: {PROMPT}"
    tool = message.content[1]
    assert (tool.name, tool.input) == ("get_weather", {"city": PROMPT}) and tool.id
    assert message.stop_reason == "tool_use"


def anthropic_stream(base: str, who: str) -> None:
    with claude_client(base).messages.stream(
            model="m-1", max_tokens=64, tools=[CLAUDE_TOOL],
            messages=[{"role": "user", "content": PROMPT}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text.strip() == f"{who} heard: {PROMPT}"
    assert [b.type for b in final.content] == ["text", "tool_use"]
    assert (final.content[1].name, final.content[1].input) == ("get_weather", {"city": PROMPT})
    assert final.stop_reason == "tool_use" and final.usage.output_tokens == 7


def chat_create(base: str, who: str) -> None:
    client = openai_client(base)
    plain_answer = client.chat.completions.create(
        model="m-1", messages=[{"role": "user", "content": "bonjour"}])
    assert plain_answer.choices[0].message.content == f"{who} heard: bonjour"
    assert plain_answer.choices[0].finish_reason == "stop"
    assert plain_answer.usage is not None and plain_answer.usage.completion_tokens == 7
    answer = client.chat.completions.create(
        model="m-1", tools=[CHAT_TOOL], messages=[{"role": "user", "content": PROMPT}])
    choice = answer.choices[0]
    assert choice.message.content == f"{who} heard: {PROMPT}"
    call = choice.message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": PROMPT}
    assert choice.finish_reason == "tool_calls"


def chat_stream(base: str, who: str) -> None:
    with openai_client(base).chat.completions.stream(
            model="m-1", tools=[CHAT_TOOL],
            messages=[{"role": "user", "content": PROMPT}]) as stream:
        final = stream.get_final_completion()
    choice = final.choices[0]
    assert choice.message.content.strip() == f"{who} heard: {PROMPT}"
    call = choice.message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": PROMPT}
    assert choice.finish_reason == "tool_calls"


def gemini_generate(base: str, who: str, version: str | None = None) -> None:
    client = gemini_client(base, version)
    answer = client.models.generate_content(model="g-1", contents="bonjour")
    assert answer.text == f"{who} heard: bonjour"
    assert answer.candidates[0].finish_reason == types.FinishReason.STOP
    assert answer.usage_metadata.candidates_token_count == 7
    answer = client.models.generate_content(model="g-1", contents=PROMPT, config=GEMINI_TOOLS)
    parts = answer.candidates[0].content.parts
    assert parts[0].text == f"{who} heard: {PROMPT}"
    assert (parts[1].function_call.name, parts[1].function_call.args) == (
        "get_weather", {"city": PROMPT})


def gemini_stream(base: str, who: str, version: str | None = None) -> None:
    client = gemini_client(base, version)
    chunks = list(client.models.generate_content_stream(model="g-1", contents=PROMPT,
                                                        config=GEMINI_TOOLS))
    parts = [p for c in chunks if c.candidates and c.candidates[0].content
             for p in c.candidates[0].content.parts or ()]
    assert "".join(p.text or "" for p in parts).strip() == f"{who} heard: {PROMPT}"
    calls = [p.function_call for p in parts if p.function_call]
    assert [(c.name, c.args) for c in calls] == [("get_weather", {"city": PROMPT})]
    assert chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP


# ---- an OpenAI-chat-only backend ------------------------------------------------------------


def test_chat_operations_and_their_formats_come_from_the_spec() -> None:
    assert CHAT_FORMATS == {
        "create_chat_completion": "openai_chat", "create_message": "claude",
        "create_response": "openai_responses", "generate_content": "gemini",
        "stream_generate_content": "gemini", "generate_content_v1": "gemini",
        "stream_generate_content_v1": "gemini"}


def test_chat_backend_serves_its_own_format(chat_base: str) -> None:
    chat_create(chat_base, "chat")


def test_chat_backend_serves_anthropic_messages_create(chat_base: str) -> None:
    anthropic_create(chat_base, "chat")


def test_chat_backend_serves_anthropic_messages_stream_with_tool_use(chat_base: str) -> None:
    anthropic_stream(chat_base, "chat")


def test_chat_backend_serves_anthropic_raw_stream_lifecycle(chat_base: str) -> None:
    events = list(claude_client(chat_base).messages.create(
        model="m-1", max_tokens=64, stream=True, tools=[CLAUDE_TOOL],
        messages=[{"role": "user", "content": PROMPT}]))
    types_ = [e.type for e in events]
    assert types_[0] == "message_start" and types_[-1] == "message_stop"
    assert types_.count("content_block_start") == types_.count("content_block_stop") == 2


@pytest.mark.parametrize("version", [None, "v1beta"])
def test_chat_backend_serves_gemini_generate_content(chat_base: str, version: str | None) -> None:
    gemini_generate(chat_base, "chat", version)


@pytest.mark.parametrize("version", [None, "v1beta"])
def test_chat_backend_serves_gemini_stream(chat_base: str, version: str | None) -> None:
    gemini_stream(chat_base, "chat", version)


def test_gemini_sdk_snake_case_image_reaches_the_chat_backend(chat_base: str) -> None:
    # google-genai writes inlineData's fields in snake_case (mime_type); Gemini reads both.
    png = bytes.fromhex("89504e470d0a1a0a")
    answer = gemini_client(chat_base).models.generate_content(
        model="gpt-4o",
        contents=[types.Content(role="user", parts=[
            types.Part.from_text(text="Describe"),
            types.Part.from_bytes(data=png, mime_type="image/png")])])
    assert answer.text == "chat heard: Describe[image image/png]"


def test_chat_backend_serves_responses_create(chat_base: str) -> None:
    client = openai_client(chat_base)
    answer = client.responses.create(model="m-1", input="bonjour")
    assert answer.output_text == "chat heard: bonjour" and answer.status == "completed"
    answer = client.responses.create(model="m-1", input=PROMPT, tools=[RESPONSES_TOOL])
    assert answer.output_text == f"chat heard: {PROMPT}"
    calls = [item for item in answer.output if item.type == "function_call"]
    assert [(c.name, json.loads(c.arguments)) for c in calls] == [("get_weather",
                                                                  {"city": PROMPT})]


def test_chat_backend_serves_responses_stream(chat_base: str) -> None:
    with openai_client(chat_base).responses.stream(model="m-1", input=PROMPT,
                                                   tools=[RESPONSES_TOOL]) as stream:
        deltas = "".join(e.delta for e in stream if e.type == "response.output_text.delta")
        final = stream.get_final_response()
    assert deltas.strip() == final.output_text.strip() == f"chat heard: {PROMPT}"
    calls = [item for item in final.output if item.type == "function_call"]
    assert [(c.name, json.loads(c.arguments)) for c in calls] == [("get_weather",
                                                                  {"city": PROMPT})]


def test_tool_results_reach_the_chat_backend(chat_base: str) -> None:
    message = claude_client(chat_base).messages.create(
        model="m-1", max_tokens=64, tools=[CLAUDE_TOOL], messages=[
            {"role": "user", "content": PROMPT},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_9", "name": "get_weather",
                 "input": {"city": "Oslo"}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "toolu_9", "content": "sunny"},
                {"type": "text", "text": "thanks"}]}])
    assert [b.type for b in message.content] == ["text"]
    assert message.content[0].text == "chat heard: thanks" and message.stop_reason == "end_turn"


# ---- loss policy and errors -------------------------------------------------------------------

CACHED = [{"role": "user", "content": [
    {"type": "text", "text": "bonjour", "cache_control": {"type": "ephemeral"}}]}]


def test_strict_refusal_is_a_400_in_the_callers_dialect(strict_base: str) -> None:
    with pytest.raises(anthropic.BadRequestError) as refused:
        claude_client(strict_base).messages.create(model="m-1", max_tokens=64, messages=CACHED)
    assert refused.value.status_code == 400
    assert refused.value.body["error"]["type"] == "invalid_request_error"  # type: ignore[index]
    assert "cache_control" in refused.value.message
    with pytest.raises(anthropic.BadRequestError):  # the same inside a stream request
        with claude_client(strict_base).messages.stream(model="m-1", max_tokens=64,
                                                        messages=CACHED) as stream:
            stream.get_final_message()


def test_lenient_policy_drops_logs_and_answers(chat_base: str,
                                              caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="allllms_server.bridge"):
        message = claude_client(chat_base).messages.create(model="m-1", max_tokens=64,
                                                           messages=CACHED)
    assert message.content[0].text == "chat heard: bonjour"
    assert "messages[0].content[0].cache_control" in caplog.text


def test_backend_errors_keep_their_status_in_the_callers_dialect(chat_base: str) -> None:
    with pytest.raises(anthropic.RateLimitError) as claude_error:
        claude_client(chat_base).messages.create(model="rate-limited", max_tokens=8,
                                                 messages=[{"role": "user", "content": "x"}])
    assert claude_error.value.body["error"]["type"] == "rate_limit_error"  # type: ignore[index]
    assert claude_error.value.body["error"]["message"] == "Slow down."  # type: ignore[index]
    with pytest.raises(openai.RateLimitError) as openai_error:
        openai_client(chat_base).responses.create(model="rate-limited", input="x")
    assert openai_error.value.code is None and openai_error.value.type == "rate_limit_error"
    client = gemini_client(chat_base)
    with pytest.raises(genai_errors.ClientError) as gemini_error:
        client.models.generate_content(model="rate-limited", contents="x")
    assert (gemini_error.value.code, gemini_error.value.status) == (429, "RESOURCE_EXHAUSTED")


def test_gemini_backend_error_in_a_translated_stream(gemini_base: str) -> None:
    with pytest.raises(anthropic.RateLimitError):
        with claude_client(gemini_base).messages.stream(
                model="rate-limited", max_tokens=8,
                messages=[{"role": "user", "content": "x"}]) as stream:
            stream.get_final_message()


# ---- a Claude-only backend ----------------------------------------------------------------------


def test_claude_backend_serves_its_own_format(claude_base: str) -> None:
    anthropic_create(claude_base, "claude")


def test_claude_backend_serves_openai_chat_create(claude_base: str) -> None:
    chat_create(claude_base, "claude")


def test_claude_backend_serves_openai_chat_stream_with_tools(claude_base: str) -> None:
    chat_stream(claude_base, "claude")


def test_claude_backend_serves_gemini(claude_base: str) -> None:
    gemini_generate(claude_base, "claude")
    gemini_stream(claude_base, "claude")


# ---- a Gemini-only backend ----------------------------------------------------------------------


def test_gemini_backend_serves_its_own_format(gemini_base: str) -> None:
    gemini_generate(gemini_base, "gemini")
    gemini_stream(gemini_base, "gemini", "v1beta")


def test_gemini_backend_serves_anthropic(gemini_base: str) -> None:
    anthropic_create(gemini_base, "gemini")
    anthropic_stream(gemini_base, "gemini")


def test_gemini_backend_serves_openai_chat(gemini_base: str) -> None:
    chat_create(gemini_base, "gemini")
    chat_stream(gemini_base, "gemini")


# ---- a Responses-only backend -------------------------------------------------------------------


def test_responses_backend_serves_anthropic_create(responses_base: str) -> None:
    anthropic_create(responses_base, "responses")


def test_responses_backend_serves_openai_chat(responses_base: str) -> None:
    chat_create(responses_base, "responses")


def test_responses_backend_serves_streams(responses_base: str) -> None:
    with claude_client(responses_base).messages.stream(
            model="m-1", max_tokens=64,
            messages=[{"role": "user", "content": "bonjour"}]) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text.strip() == "responses heard: bonjour" and final.stop_reason == "end_turn"
    client = gemini_client(responses_base)
    chunks = list(client.models.generate_content_stream(model="g-1", contents="bonjour"))
    assert "".join(c.text or "" for c in chunks).strip() == "responses heard: bonjour"
