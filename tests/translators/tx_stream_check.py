"""Stream sequence validators, one per format, applied to every translated stream.

Each validates every event against the SDK's event types, checks the ordering rules of the format,
feeds the events through the SDK's own accumulator, and returns what the stream said:
{"thinking", "text", "calls": [(name, args)], "ids": [...], "finish", "signatures": [...]}.
"""

from __future__ import annotations

import json

import anthropic.types as at
import openai
import pydantic
import tx_sdk_check as sdk_check
from anthropic.lib.streaming._messages import accumulate_event
from google.genai import types as gt
from openai import omit
from openai.lib.streaming.chat._completions import ChatCompletionStreamState
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.chat import ChatCompletionChunk
from openai.types.responses import ResponseStreamEvent

_claude_event = pydantic.TypeAdapter(at.RawMessageStreamEvent)
_responses_event = pydantic.TypeAdapter(ResponseStreamEvent)


def chat(events):
    assert events, "empty stream"
    state = ChatCompletionStreamState()
    ids, finish, usage_seen, started = set(), None, False, {}
    for n, ev in enumerate(events):
        assert not usage_seen, "chunk after the usage chunk"
        assert "error" not in ev, f"error chunk {ev}"
        chunk = ChatCompletionChunk.model_validate(ev)
        sdk_check.no_extra(chunk)
        ids.add(chunk.id)
        if not chunk.choices:
            assert (
                chunk.usage is not None and finish is not None
            ), "usage chunk must come last, after finish"
            usage_seen = True
        for choice in chunk.choices:
            assert finish is None, "content after finish_reason"
            if n == 0:
                assert choice.delta.role == "assistant", "first chunk carries the role"
            for call in choice.delta.tool_calls or []:
                if call.index not in started:
                    assert call.index == len(started), f"tool index {call.index} is not dense"
                    assert call.id and call.function.name, "a tool call starts with id and name"
                    started[call.index] = call.id
                else:
                    assert call.id is None or call.id == started[call.index]
            finish = choice.finish_reason or finish
        state.handle_chunk(chunk)
    assert len(ids) == 1, "one id for the whole stream"
    assert finish is not None
    try:
        msg = state.get_final_completion().choices[0].message
    except (openai.LengthFinishReasonError, openai.ContentFilterFinishReasonError):
        # The helper refuses to "parse" such answers by design; the snapshot still holds them.
        msg = state.current_completion_snapshot.choices[0].message
    calls = msg.tool_calls or []
    return {
        "text": msg.content or "",
        "thinking": "",
        "calls": [(c.function.name, json.loads(c.function.arguments)) for c in calls],
        "ids": [c.id for c in calls],
        "finish": finish,
        "signatures": [],
        "usage": usage_seen,
    }


def claude(events):
    assert events[0]["type"] == "message_start", "first event is message_start"
    snapshot, open_blocks, next_index, delta_seen, stopped, bufs = None, set(), 0, False, False, {}
    for ev in events:
        assert not stopped, "event after message_stop"
        assert ev["type"] != "error", f"error event {ev}"
        if ev["type"] == "ping":
            assert ev == {"type": "ping"}
            continue
        parsed = _claude_event.validate_python(ev)
        sdk_check.no_extra(parsed)
        kind = ev["type"]
        if kind == "content_block_start":
            assert ev["index"] == next_index, "block indices are contiguous from 0"
            assert not open_blocks, "a block starts while another is open"
            open_blocks.add(ev["index"])
            next_index += 1
        elif kind == "content_block_delta":
            assert ev["index"] in open_blocks, "delta for a block that is not open"
        elif kind == "content_block_stop":
            assert ev["index"] in open_blocks, "stop for a block never started"
            open_blocks.discard(ev["index"])
        elif kind == "message_delta":
            assert not open_blocks, "message_delta with open blocks"
            assert not delta_seen
            delta_seen = True
        elif kind == "message_stop":
            assert delta_seen, "message_stop without message_delta"
            stopped = True
        snapshot = accumulate_event(event=parsed, current_snapshot=snapshot, json_bufs=bufs)
    assert stopped, "stream not terminated"
    content = snapshot.content
    return {
        "text": "".join(b.text for b in content if b.type == "text"),
        "thinking": "".join(b.thinking for b in content if b.type == "thinking"),
        "calls": [(b.name, b.input) for b in content if b.type == "tool_use"],
        "ids": [b.id for b in content if b.type == "tool_use"],
        "finish": snapshot.stop_reason,
        "signatures": [b.signature for b in content if b.type == "thinking" and b.signature],
        "thinking_blocks": [(b.thinking, b.signature) for b in content if b.type == "thinking"],
        "usage": snapshot.usage,
    }


def gemini(events):
    text, thinking, calls, ids, sigs, finish = "", "", [], [], [], None
    for ev in events:
        assert finish is None, "chunk after the finishing chunk"
        assert "error" not in ev, f"error chunk {ev}"
        resp = gt.GenerateContentResponse.model_validate_json(json.dumps(ev))
        cand = resp.candidates[0]
        for part in cand.content.parts or []:
            if part.thought_signature:
                sigs.append(base64_of(part.thought_signature))
            if part.function_call:
                calls.append((part.function_call.name, part.function_call.args))
                ids.append(part.function_call.id)
            elif part.thought:
                thinking += part.text or ""
            elif part.text:
                text += part.text
        if cand.finish_reason:
            finish = cand.finish_reason.value
            assert resp.usage_metadata is not None, "the last chunk carries usage"
    assert finish is not None, "no finishing chunk"
    return {
        "text": text,
        "thinking": thinking,
        "calls": calls,
        "ids": ids,
        "finish": finish,
        "signatures": sigs,
        "usage": True,
    }


def base64_of(raw):
    import base64

    return base64.b64encode(raw).decode()


def responses(events):
    state = ResponseStreamState(input_tools=omit, text_format=omit)
    assert [e["type"] for e in events[:2]] == ["response.created", "response.in_progress"]
    rid = events[0]["response"]["id"]
    open_items, terminal = {}, None
    for n, ev in enumerate(events):
        assert terminal is None, "event after the terminal event"
        assert ev["sequence_number"] == n, "sequence_number counts from 0 without gaps"
        parsed = _responses_event.validate_python(ev)
        sdk_check.no_extra(parsed)
        kind = ev["type"]
        if "response" in ev:
            assert ev["response"]["id"] == rid, "one response id throughout"
        if kind == "response.output_item.added":
            assert not open_items, "an item starts while another is open"
            open_items[ev["output_index"]] = ev["item"]["id"]
        elif kind == "response.output_item.done":
            assert open_items.pop(ev["output_index"]) == ev["item"]["id"]
        elif "item_id" in ev:
            assert (
                open_items.get(ev["output_index"]) == ev["item_id"]
            ), f"{kind} for an item that is not open"
        if kind in ("response.completed", "response.incomplete", "response.failed"):
            assert not open_items, "terminal event with open items"
            terminal = ev
        state.handle_event(parsed)
    assert terminal is not None, "no terminal event"
    output = terminal["response"]["output"]
    return {
        "text": "".join(
            c["text"]
            for i in output
            if i["type"] == "message"
            for c in i["content"]
            if c["type"] == "output_text"
        ),
        "thinking": "".join(
            s["text"] for i in output if i["type"] == "reasoning" for s in i["summary"]
        ),
        "calls": [
            (i["name"], json.loads(i["arguments"])) for i in output if i["type"] == "function_call"
        ],
        "ids": [i["call_id"] for i in output if i["type"] == "function_call"],
        "finish": terminal["response"]["status"],
        "signatures": [
            i["encrypted_content"]
            for i in output
            if i["type"] == "reasoning" and i.get("encrypted_content")
        ],
        "usage": terminal["response"]["usage"],
    }


CHECK = {"openai_chat": chat, "claude": claude, "gemini": gemini, "openai_responses": responses}
