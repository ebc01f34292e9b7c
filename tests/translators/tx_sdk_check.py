"""Validate translated payloads against the official SDKs' own types, so a misspelt field fails.

openai/anthropic response models allow extra fields, so we walk the validated model and reject any
`model_extra`. Request params are TypedDicts: pydantic drops unknown keys, so the validated
value must equal the input. google-genai models forbid extra fields already (their camelCase
aliases are the wire names).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import anthropic.types as at
import pydantic
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from google.genai import types as gt
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from openai.types.responses import Response, ResponseStreamEvent
from openai.types.responses.response_create_params import ResponseCreateParamsNonStreaming


def no_extra(model: Any, path: str = "$") -> None:
    if isinstance(model, pydantic.BaseModel):
        extra = getattr(model, "model_extra", None)
        assert not extra, f"unknown fields at {path}: {sorted(extra)}"
        for name in type(model).model_fields:
            no_extra(getattr(model, name), f"{path}.{name}")
    elif isinstance(model, (list, tuple)):
        for i, item in enumerate(model):
            no_extra(item, f"{path}[{i}]")
    elif isinstance(model, dict):
        for key, item in model.items():
            no_extra(item, f"{path}.{key}")


@cache
def _adapter(td: Any) -> pydantic.TypeAdapter:
    return pydantic.TypeAdapter(td)


def _same(validated: Any, original: Any, path: str = "$") -> None:
    if isinstance(original, dict):
        assert isinstance(validated, dict), f"{path}: not an object after validation"
        missing = set(original) - set(validated)
        assert not missing, f"fields the SDK type does not know at {path}: {sorted(missing)}"
        for key in original:
            _same(validated[key], original[key], f"{path}.{key}")
    elif isinstance(original, list):
        for i, (v, o) in enumerate(zip(validated, original, strict=True)):
            _same(v, o, f"{path}[{i}]")


def typed_dict(td: Any, payload: Any) -> None:
    validated = _adapter(td).validate_python(payload)
    _same(validated, payload)


def chat_request(payload: dict) -> None:
    typed_dict(
        CompletionCreateParamsNonStreaming,
        {k: v for k, v in payload.items() if k not in ("stream", "stream_options")},
    )


# The gateway's documented ClaudeRequest (spec) has temperature/top_p/top_k;
# anthropic 2.x types dropped them.
_CLAUDE_SAMPLING = ("temperature", "top_p", "top_k")


def claude_request(payload: dict) -> None:
    for key in _CLAUDE_SAMPLING:
        assert isinstance(payload.get(key, 0), (int, float)), key
    body = {k: v for k, v in payload.items() if k != "stream" and k not in _CLAUDE_SAMPLING}
    typed_dict(MessageCreateParamsNonStreaming, body)


def responses_request(payload: dict) -> None:
    typed_dict(
        ResponseCreateParamsNonStreaming, {k: v for k, v in payload.items() if k != "stream"}
    )


_GEMINI_REQUEST = {
    "contents": list[gt.Content],
    "systemInstruction": gt.Content,
    "tools": list[gt.Tool],
    "toolConfig": gt.ToolConfig,
    "generationConfig": gt.GenerationConfig,
}


def gemini_request(payload: dict) -> None:
    unknown = set(payload) - set(_GEMINI_REQUEST)
    assert not unknown, f"unknown Gemini request fields {sorted(unknown)}"
    for key, value in payload.items():
        _adapter(_GEMINI_REQUEST[key]).validate_json(json.dumps(value))


REQUEST = {
    "openai_chat": chat_request,
    "claude": claude_request,
    "gemini": gemini_request,
    "openai_responses": responses_request,
}


def chat_response(payload: dict) -> None:
    no_extra(ChatCompletion.model_validate(payload))


def claude_response(payload: dict) -> None:
    no_extra(at.Message.model_validate(payload))


def gemini_response(payload: dict) -> None:
    gt.GenerateContentResponse.model_validate_json(json.dumps(payload))


def responses_response(payload: dict) -> None:
    no_extra(Response.model_validate(payload))


RESPONSE = {
    "openai_chat": chat_response,
    "claude": claude_response,
    "gemini": gemini_response,
    "openai_responses": responses_response,
}


def chat_chunk(event: dict) -> None:
    no_extra(ChatCompletionChunk.model_validate(event))


def claude_event(event: dict) -> None:
    no_extra(_adapter(at.RawMessageStreamEvent).validate_python(event))


def gemini_chunk(event: dict) -> None:
    gemini_response(event)


def responses_event(event: dict) -> None:
    no_extra(_adapter(ResponseStreamEvent).validate_python(event))


EVENT = {
    "openai_chat": chat_chunk,
    "claude": claude_event,
    "gemini": gemini_chunk,
    "openai_responses": responses_event,
}
