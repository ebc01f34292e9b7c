"""Handlers the tests serve: each answer depends on the request, so tests can assert on content."""

from __future__ import annotations

import asyncio
import base64
import struct
import threading
from collections.abc import AsyncIterator
from typing import Any

from allllms_models import (
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatCompletionStreamResponse,
    GeminiResponse,
    ModerationCategories,
)
from allllms_server import ApiError, Binary, Handlers, RequestContext

VALID_KEYS = {"sk-test-key", "claude-key", "gemini-key"}
CREATED = 1_764_000_000

# Set when the handler's stream iterator is closed after a client disconnect.
DISCONNECTED = threading.Event()
SLOW_STREAM_STARTED = threading.Event()


def validate_key(key: str) -> bool:
    return key in VALID_KEYS


def text_of(content: Any) -> str:
    """Plain text of an OpenAI/Claude message content (a string or a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(text_of(p.get("text", "")) if isinstance(p, dict) else "" for p in content)
    return ""


def last_user_text(messages: list[Any]) -> str:
    for message in reversed(messages):
        data = message if isinstance(message, dict) else message.model_dump()
        if data.get("role") == "user":
            return text_of(data.get("content"))
    return ""


def usage(prompt: int = 5, completion: int = 7) -> dict[str, int]:
    return {"prompt_tokens": prompt, "completion_tokens": completion,
            "total_tokens": prompt + completion}


class TestHandlers(Handlers):
    # ---- models ----------------------------------------------------------------------------
    async def list_models(self, *, anthropic_version: str | None = None,
                          ctx: RequestContext) -> Any:
        if ctx.client_format == "claude":
            return {"data": [{"type": "model", "id": "claude-test-1", "display_name": "Claude Test",
                              "created_at": "2025-09-29T00:00:00Z"}],
                    "has_more": False, "first_id": "claude-test-1", "last_id": "claude-test-1"}
        if ctx.client_format == "gemini":
            return {"models": [{"name": "models/gemini-test", "displayName": "Gemini Test",
                                "supportedGenerationMethods": ["generateContent"]}]}
        return {"object": "list", "data": [
            {"id": "gpt-test", "object": "model", "created": CREATED, "owned_by": "tests"},
            {"id": "gpt-test-mini", "object": "model", "created": CREATED, "owned_by": "tests"}]}

    async def retrieve_model(self, *, model: str, anthropic_version: str | None = None,
                             ctx: RequestContext) -> Any:
        if model == "missing":
            raise ApiError(404, f"The model '{model}' does not exist.")
        if ctx.client_format == "claude":
            return {"type": "model", "id": model, "display_name": model.title(),
                    "created_at": "2025-09-29T00:00:00Z"}
        return {"id": model, "object": "model", "created": CREATED, "owned_by": "tests"}

    # ---- OpenAI chat -----------------------------------------------------------------------
    async def create_chat_completion(self, *, body: ChatCompletionRequest,
                                     ctx: RequestContext) -> Any:
        prompt = last_user_text(body.messages)
        if body.model == "rate-limited":
            raise ApiError(429, "Slow down.", code="rate_limit_exceeded",
                           headers={"x-should-retry": "false"})
        if body.model == "crash":
            raise RuntimeError("handler bug")
        if ctx.stream:
            return self._chat_stream(body, prompt)
        if body.tools:
            name = body.tools[0].model_dump()["function"]["name"]
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function",
                 "function": {"name": name, "arguments": '{"city": "Paris"}'}}]}
            finish = "tool_calls"
        else:
            message = {"role": "assistant", "content": f"echo: {prompt}"}
            finish = "stop"
        return ChatCompletionResponse.model_validate({
            "id": "chatcmpl-test", "object": "chat.completion", "created": CREATED,
            "model": body.model, "choices": [{"index": 0, "message": message,
                                              "finish_reason": finish}],
            "usage": usage()})

    async def _chat_stream(self, body: ChatCompletionRequest,
                           prompt: str) -> AsyncIterator[ChatCompletionStreamResponse]:
        def chunk(delta: dict[str, Any], finish: str | None = None) -> ChatCompletionStreamResponse:
            return ChatCompletionStreamResponse.model_validate({
                "id": "chatcmpl-stream", "object": "chat.completion.chunk", "created": CREATED,
                "model": body.model, "choices": [{"index": 0, "delta": delta,
                                                  "finish_reason": finish}]})

        if body.model == "slow":
            SLOW_STREAM_STARTED.set()
            try:
                while True:
                    yield chunk({"content": "tick "})
                    await asyncio.sleep(0.05)
            finally:
                DISCONNECTED.set()
        yield chunk({"role": "assistant", "content": ""})
        if body.tools:
            name = body.tools[0].model_dump()["function"]["name"]
            yield chunk({"tool_calls": [{"index": 0, "id": "call_9", "type": "function",
                                         "function": {"name": name, "arguments": '{"city": '}}]})
            yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": '"Rome"}'}}]})
            yield chunk({}, "tool_calls")
            return
        for word in ["echo:", *prompt.split()]:
            yield chunk({"content": word + " "})
        if body.model == "fail-mid-stream":
            raise ApiError(500, "upstream broke mid-stream")
        yield chunk({}, "stop")

    async def create_completion(self, *, body: Any, ctx: RequestContext) -> Any:
        prompt = body.prompt if isinstance(body.prompt, str) else str(body.prompt)
        answer = {"id": "cmpl-test", "object": "text_completion", "created": CREATED,
                  "model": body.model, "choices": [{"index": 0, "text": f" completed: {prompt}",
                                                    "finish_reason": "stop", "logprobs": None}]}
        if ctx.stream:
            async def events() -> AsyncIterator[Any]:
                for piece in (" completed:", f" {prompt}"):
                    yield {**answer, "choices": [{"index": 0, "text": piece,
                                                  "finish_reason": None, "logprobs": None}]}
            return events()
        return {**answer, "usage": usage()}

    async def create_embedding(self, *, body: Any, ctx: RequestContext) -> Any:
        inputs = body.input if isinstance(body.input, list) else [body.input]
        data = []
        for i, text in enumerate(inputs):
            vector = [float(len(str(text))), 0.5, -1.25]
            if body.encoding_format == "base64":
                value: Any = base64.b64encode(struct.pack("<3f", *vector)).decode()
            else:
                value = vector
            data.append({"object": "embedding", "index": i, "embedding": value})
        return {"object": "list", "data": data, "model": body.model,
                "usage": {"prompt_tokens": 3, "total_tokens": 3}}

    async def create_moderation(self, *, body: Any, ctx: RequestContext) -> Any:
        text = body.input if isinstance(body.input, str) else str(body.input)
        flagged = "kill" in text
        names = [f.alias or n for n, f in ModerationCategories.model_fields.items()]
        categories = {name: flagged and name == "violence" for name in names}
        scores = {name: 0.9 if categories[name] else 0.01 for name in names}
        return {"id": "modr-test", "model": "omni-moderation-latest", "results": [
            {"flagged": flagged, "categories": categories, "category_scores": scores}]}

    # ---- Responses API -----------------------------------------------------------------------
    async def create_response(self, *, body: Any, ctx: RequestContext) -> Any:
        prompt = body.input if isinstance(body.input, str) else "items"
        text = f"responded: {prompt}"
        rid, mid = "resp_test", "msg_test"
        part = {"type": "output_text", "text": text, "annotations": []}
        item = {"type": "message", "id": mid, "status": "completed", "role": "assistant",
                "content": [part]}
        done = {"id": rid, "object": "response", "created_at": CREATED, "status": "completed",
                "model": body.model, "output": [item], "parallel_tool_calls": True,
                "tool_choice": "auto", "tools": [], "error": None, "incomplete_details": None,
                "instructions": None, "metadata": {}, "temperature": 1.0, "top_p": 1.0,
                "usage": {"input_tokens": 3, "output_tokens": 4, "total_tokens": 7,
                          "input_tokens_details": {"cached_tokens": 0},
                          "output_tokens_details": {"reasoning_tokens": 0}}}
        if not ctx.stream:
            return done
        started = {**done, "status": "in_progress", "output": [], "usage": None}

        async def events() -> AsyncIterator[Any]:
            seq = iter(range(100))
            yield {"type": "response.created", "sequence_number": next(seq), "response": started}
            yield {"type": "response.in_progress", "sequence_number": next(seq),
                   "response": started}
            yield {"type": "response.output_item.added", "sequence_number": next(seq),
                   "output_index": 0, "item": {**item, "status": "in_progress", "content": []}}
            yield {"type": "response.content_part.added", "sequence_number": next(seq),
                   "item_id": mid, "output_index": 0, "content_index": 0,
                   "part": {**part, "text": ""}}
            for word in text.split(" "):
                yield {"type": "response.output_text.delta", "sequence_number": next(seq),
                       "item_id": mid, "output_index": 0, "content_index": 0,
                       "delta": word if word == text.split(" ")[0] else " " + word,
                       "logprobs": []}
            yield {"type": "response.output_text.done", "sequence_number": next(seq),
                   "item_id": mid, "output_index": 0, "content_index": 0, "text": text,
                   "logprobs": []}
            yield {"type": "response.content_part.done", "sequence_number": next(seq),
                   "item_id": mid, "output_index": 0, "content_index": 0, "part": part}
            if body.model == "fail-mid-stream":
                raise ApiError(500, "responses broke mid-stream", code="server_error")
            yield {"type": "response.output_item.done", "sequence_number": next(seq),
                   "output_index": 0, "item": item}
            yield {"type": "response.completed", "sequence_number": next(seq), "response": done}

        return events()

    # ---- Claude ------------------------------------------------------------------------------
    async def create_message(self, *, body: Any, ctx: RequestContext, **_: Any) -> Any:
        data = body.model_dump(exclude_unset=True)
        prompt = last_user_text(data["messages"])
        if data["model"] == "overloaded":
            raise ApiError(529, "Overloaded.")
        tool = (data.get("tools") or [None])[0]
        msg_usage = {"input_tokens": 9, "output_tokens": 6}
        if tool is not None:
            content = [{"type": "text", "text": "Let me check."},
                       {"type": "tool_use", "id": "toolu_1", "name": tool["name"],
                        "input": {"city": "Oslo"}}]
            stop = "tool_use"
        else:
            content = [{"type": "text", "text": f"claude says: {prompt}"}]
            stop = "end_turn"
        message = {"id": "msg_test", "type": "message", "role": "assistant",
                   "model": data["model"], "content": content, "stop_reason": stop,
                   "stop_sequence": None, "usage": msg_usage}
        if not ctx.stream:
            return message

        async def events() -> AsyncIterator[Any]:
            yield {"type": "message_start", "message": {**message, "content": [],
                                                        "stop_reason": None,
                                                        "usage": {"input_tokens": 9,
                                                                  "output_tokens": 1}}}
            yield {"type": "ping"}
            for index, block in enumerate(content):
                if block["type"] == "text":
                    yield {"type": "content_block_start", "index": index,
                           "content_block": {"type": "text", "text": ""}}
                    for word in block["text"].split(" "):
                        yield {"type": "content_block_delta", "index": index,
                               "delta": {"type": "text_delta", "text": word + " "}}
                else:
                    yield {"type": "content_block_start", "index": index,
                           "content_block": {**block, "input": {}}}
                    yield {"type": "content_block_delta", "index": index,
                           "delta": {"type": "input_json_delta",
                                     "partial_json": '{"city": "Oslo"}'}}
                yield {"type": "content_block_stop", "index": index}
            if data["model"] == "fail-mid-stream":
                raise ApiError(529, "Overloaded mid-stream.")
            yield {"type": "message_delta", "delta": {"stop_reason": stop,
                                                      "stop_sequence": None},
                   "usage": {"output_tokens": 6}}
            yield {"type": "message_stop"}

        return events()

    # ---- Gemini ------------------------------------------------------------------------------
    @staticmethod
    def _gemini_prompt(body: Any) -> str:
        data = body.model_dump(exclude_unset=True)
        return " ".join(p.get("text", "") for c in data.get("contents", [])
                        for p in c.get("parts", []))

    async def generate_content(self, *, model: str, body: Any, ctx: RequestContext) -> Any:
        if model == "missing-model":
            raise ApiError(404, f"models/{model} is not found.")
        return GeminiResponse.model_validate({
            "candidates": [{"content": {"role": "model", "parts": [
                {"text": f"gemini {model}: {self._gemini_prompt(body)}"}]},
                "finishReason": "STOP", "index": 0}],
            "usageMetadata": {"promptTokenCount": 4, "candidatesTokenCount": 5,
                              "totalTokenCount": 9},
            "modelVersion": model})

    async def stream_generate_content(self, *, model: str, body: Any, ctx: RequestContext,
                                      alt: str | None = None) -> AsyncIterator[GeminiResponse]:
        prompt = self._gemini_prompt(body)
        for i, piece in enumerate(["gemini", " streams:", f" {prompt}"]):
            chunk: dict[str, Any] = {"candidates": [{"content": {"role": "model",
                                                                 "parts": [{"text": piece}]},
                                                     "index": 0}],
                                     "modelVersion": model}
            if i == 2:
                chunk["candidates"][0]["finishReason"] = "STOP"
            yield GeminiResponse.model_validate(chunk)
        if model == "fail-mid-stream":
            raise ApiError(503, "Gemini overloaded mid-stream.")

    async def batch_embed_contents(self, *, model: str, body: Any, ctx: RequestContext) -> Any:
        requests = body.model_dump(exclude_unset=True)["requests"]
        return {"embeddings": [
            {"values": [float(len(r["content"]["parts"][0]["text"])), float(i)]}
            for i, r in enumerate(requests)]}

    async def list_gemini_models(self, *, ctx: RequestContext, **_: Any) -> Any:
        return {"models": [{"name": "models/gemini-test", "displayName": "Gemini Test"}]}

    # ---- media -------------------------------------------------------------------------------
    async def create_image(self, *, body: Any, ctx: RequestContext) -> Any:
        data = body.model_dump(exclude_unset=True)
        prompt = data.get("prompt") or str(data.get("input"))
        encoded = base64.b64encode(prompt.encode()).decode()
        return {"created": CREATED, "data": [{"b64_json": encoded,
                                              "revised_prompt": f"generated: {prompt}"}]}

    async def edit_image(self, *, body: Any, ctx: RequestContext) -> Any:
        data = body.model_dump(exclude_unset=True)
        images = data.get("image")
        images = images if isinstance(images, list) else [images]
        form = await ctx.request.form()
        names = [f.filename for k, f in form.multi_items() if k.startswith("image")]
        summary = f"{data.get('prompt')}|{len(images)} images|{sum(map(len, images))} bytes|{names}"
        return {"created": CREATED, "data": [{"revised_prompt": summary, "url": "https://x.test/1.png"}]}

    async def create_transcription(self, *, body: Any, ctx: RequestContext) -> Any:
        text = f"heard {len(body.file)} bytes in {body.language or 'auto'}"
        if body.response_format == "text":
            return text
        return {"text": text}

    async def create_translation(self, *, body: Any, ctx: RequestContext) -> Any:
        return {"text": f"translated {len(body.file)} bytes, prompt={body.prompt}"}

    async def create_speech(self, *, body: Any, ctx: RequestContext) -> Any:
        async def chunks() -> AsyncIterator[bytes]:
            yield b"ID3"
            for word in body.input.split():
                yield word.encode() + b";"
        media = "audio/wav" if body.response_format == "wav" else "audio/mpeg"
        return Binary(chunks(), media)

    async def create_video(self, *, body: Any, ctx: RequestContext) -> Any:
        return {"id": "video_test", "object": "video", "model": body.model or "sora-2",
                "status": "queued", "progress": 0, "created_at": CREATED,
                "prompt": body.prompt, "seconds": body.seconds or "4",
                "size": body.size or "720x1280",
                "has_reference": body.input_reference is not None}

    async def retrieve_video(self, *, video_id: str, ctx: RequestContext) -> Any:
        if video_id == "video_missing":
            raise ApiError(404, "No such video.")
        return {"id": video_id, "object": "video", "model": "sora-2", "status": "completed",
                "progress": 100, "created_at": CREATED, "seconds": "4", "size": "720x1280"}

    async def download_video_content(self, *, video_id: str, ctx: RequestContext,
                                     variant: str | None = None) -> Any:
        return b"\x00\x00\x00\x18ftypmp42" + video_id.encode()

    # ---- realtime ----------------------------------------------------------------------------
    async def create_realtime_session(self, *, events: AsyncIterator[Any], ctx: RequestContext,
                                      **params: Any) -> AsyncIterator[Any]:
        yield {"type": "session.created", "event_id": "ev_0",
               "session": {"id": "sess_test", "model": params.get("model") or "default"}}
        async for event in events:
            data = event.model_dump(exclude_unset=True)
            if data["type"] == "conversation.item.create":
                text = data["item"]["content"][0]["text"]
                yield {"type": "conversation.item.created", "event_id": "ev_1",
                       "previous_item_id": None,
                       "item": {**data["item"], "id": "item_1", "content": [
                           {"type": "input_text", "text": text.upper()}]}}
            elif data["type"] == "response.cancel":
                return
