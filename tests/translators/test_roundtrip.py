"""Property-based round trips: A -> B keeps the meaning; A -> B -> A gives back the meaning of A.

Conversations are generated abstractly and built in each format by the small builders below
(independent of the translators); meaning.py reads each format back.
"""

from __future__ import annotations

import base64
import mimetypes
import string

import pytest
import tx_meaning as meaning
import tx_sdk_check as sdk_check
from allllms_translators import translate_request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tx_helpers import DIRECTION_IDS, DIRECTIONS

TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + " .,!?'-", min_size=1, max_size=30
).filter(str.strip)
ARGS = st.dictionaries(
    st.sampled_from(["city", "n", "flag", "tags"]),
    st.one_of(TEXT, st.integers(-5, 5), st.booleans(), st.lists(TEXT, max_size=2)),
    max_size=3,
)
IMAGE = st.one_of(
    st.just(("data", "image/png", base64.b64encode(b"\x89PNG fake").decode())),
    st.sampled_from([("url", "https://example.com/a.png"), ("url", "https://example.com/b.jpg")]),
)
SIG = st.binary(min_size=4, max_size=12).map(lambda b: base64.b64encode(b).decode())


@st.composite
def conversations(draw):
    """{"system": str|None, "turns": [("user", {...}) | ("assistant", {...})]}, user first."""
    counter = iter(range(1000))
    turns, pending = [], []
    for _ in range(draw(st.integers(1, 3))):
        user = {
            "results": [(cid, name, draw(TEXT)) for cid, name in pending],
            "texts": draw(st.lists(TEXT, min_size=1, max_size=2)),
            "image": draw(st.none() | IMAGE),
        }
        turns.append(("user", user))
        calls = [
            (
                f"call_{next(counter)}",
                draw(st.sampled_from(["get_weather", "get_time"])),
                draw(ARGS),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        assistant = {
            "thinking": draw(st.none() | st.tuples(TEXT, SIG)),
            "text": draw(st.none() | TEXT),
            "calls": calls,
        }
        if assistant["text"] is None and not calls:
            assistant["text"] = draw(TEXT)
        turns.append(("assistant", assistant))
        pending = [(c[0], c[1]) for c in calls]
    if pending:
        turns.append(
            (
                "user",
                {
                    "results": [(cid, name, draw(TEXT)) for cid, name in pending],
                    "texts": [draw(TEXT)],
                    "image": None,
                },
            )
        )
    return {"system": draw(st.none() | TEXT), "turns": turns}


def build_chat(conv):
    import json

    msgs = [{"role": "system", "content": conv["system"]}] if conv["system"] else []
    for role, t in conv["turns"]:
        if role == "user":
            msgs += [
                {"role": "tool", "tool_call_id": cid, "content": out}
                for cid, _, out in t["results"]
            ]
            content = [{"type": "text", "text": x} for x in t["texts"]]
            if t["image"]:
                url = (
                    t["image"][1]
                    if t["image"][0] == "url"
                    else f"data:{t['image'][1]};base64,{t['image'][2]}"
                )
                content.append({"type": "image_url", "image_url": {"url": url}})
            msgs.append({"role": "user", "content": content})
        else:
            msg = {"role": "assistant", "content": t["text"]}
            if t["calls"]:
                msg["tool_calls"] = [
                    {
                        "id": c,
                        "type": "function",
                        "function": {"name": n, "arguments": json.dumps(a)},
                    }
                    for c, n, a in t["calls"]
                ]
            msgs.append(msg)
    return {"model": "gpt-4o", "messages": msgs}


def build_claude(conv):
    out = {"model": "claude-x", "max_tokens": 1000, "messages": []}
    if conv["system"]:
        out["system"] = conv["system"]
    for role, t in conv["turns"]:
        blocks = []
        if role == "user":
            blocks += [
                {"type": "tool_result", "tool_use_id": c, "content": r} for c, _, r in t["results"]
            ]
            blocks += [{"type": "text", "text": x} for x in t["texts"]]
            if t["image"]:
                src = (
                    {"type": "url", "url": t["image"][1]}
                    if t["image"][0] == "url"
                    else {"type": "base64", "media_type": t["image"][1], "data": t["image"][2]}
                )
                blocks.append({"type": "image", "source": src})
        else:
            if t["thinking"]:
                blocks.append(
                    {
                        "type": "thinking",
                        "thinking": t["thinking"][0],
                        "signature": t["thinking"][1],
                    }
                )
            if t["text"]:
                blocks.append({"type": "text", "text": t["text"]})
            blocks += [
                {"type": "tool_use", "id": c, "name": n, "input": a} for c, n, a in t["calls"]
            ]
        out["messages"].append({"role": role, "content": blocks})
    return out


def build_gemini(conv):
    out = {"contents": []}
    if conv["system"]:
        out["systemInstruction"] = {"parts": [{"text": conv["system"]}]}
    for role, t in conv["turns"]:
        parts = []
        if role == "user":
            parts += [
                {"functionResponse": {"id": c, "name": n, "response": {"output": r}}}
                for c, n, r in t["results"]
            ]
            parts += [{"text": x} for x in t["texts"]]
            if t["image"]:
                parts.append(
                    {
                        "fileData": {
                            "fileUri": t["image"][1],
                            "mimeType": mimetypes.guess_type(t["image"][1])[0],
                        }
                    }
                    if t["image"][0] == "url"
                    else {"inlineData": {"mimeType": t["image"][1], "data": t["image"][2]}}
                )
        else:
            if t["thinking"]:
                parts.append(
                    {
                        "text": t["thinking"][0],
                        "thought": True,
                        "thoughtSignature": t["thinking"][1],
                    }
                )
            if t["text"]:
                parts.append({"text": t["text"]})
            parts += [{"functionCall": {"id": c, "name": n, "args": a}} for c, n, a in t["calls"]]
        out["contents"].append({"role": "model" if role == "assistant" else "user", "parts": parts})
    return out


def build_responses(conv):
    import json

    out = {"model": "gpt-5", "input": []}
    if conv["system"]:
        out["instructions"] = conv["system"]
    for n, (role, t) in enumerate(conv["turns"]):
        if role == "user":
            out["input"] += [
                {"type": "function_call_output", "call_id": c, "output": r}
                for c, _, r in t["results"]
            ]
            content = [{"type": "input_text", "text": x} for x in t["texts"]]
            if t["image"]:
                url = (
                    t["image"][1]
                    if t["image"][0] == "url"
                    else f"data:{t['image'][1]};base64,{t['image'][2]}"
                )
                content.append({"type": "input_image", "image_url": url, "detail": "auto"})
            out["input"].append({"role": "user", "content": content})
        else:
            if t["thinking"]:
                out["input"].append(
                    {
                        "type": "reasoning",
                        "id": f"rs_{n}",
                        "encrypted_content": t["thinking"][1],
                        "summary": [{"type": "summary_text", "text": t["thinking"][0]}],
                    }
                )
            if t["text"]:
                out["input"].append({"type": "message", "role": "assistant", "content": t["text"]})
            out["input"] += [
                {"type": "function_call", "call_id": c, "name": nm, "arguments": json.dumps(a)}
                for c, nm, a in t["calls"]
            ]
    return out


BUILD = {
    "openai_chat": build_chat,
    "claude": build_claude,
    "gemini": build_gemini,
    "openai_responses": build_responses,
}


def _without_thinking(conv):
    turns = [(r, dict(t, thinking=None) if r == "assistant" else t) for r, t in conv["turns"]]
    return dict(conv, turns=turns)


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conv=conversations())
def test_round_trip_keeps_meaning(src, dst, conv):
    if src == "openai_chat":
        conv = _without_thinking(conv)  # Chat requests cannot carry thinking
    payload = BUILD[src](conv)
    sdk_check.REQUEST[src](payload)
    original = meaning.MEANING[src](payload)
    there = translate_request(src, dst, payload, policy="lenient", model="m")
    sdk_check.REQUEST[dst](there.payload)
    assert meaning.comparable(src, dst, meaning.MEANING[dst](there.payload)) == meaning.comparable(
        src, dst, original
    )
    back = translate_request(dst, src, there.payload, policy="lenient", model="m")
    assert meaning.comparable(src, dst, meaning.MEANING[src](back.payload)) == meaning.comparable(
        src, dst, original
    )
    if {src, dst} == {"claude", "gemini"}:
        # The Claude <-> Gemini pair is lossless: the whole conversation comes back unchanged.
        assert back.warnings == [] and there.warnings == []
        key = "messages" if src == "claude" else "contents"
        assert back.payload[key] == payload[key]


# Responses ---------------------------------------------------------------------------------------


@st.composite
def answers(draw):
    calls = [
        (f"call_{i}", draw(st.sampled_from(["get_weather", "get_time"])), draw(ARGS))
        for i in range(draw(st.integers(0, 2)))
    ]
    text = draw(st.none() | TEXT)
    if text is None and not calls:
        text = draw(TEXT)
    inp, out = draw(st.integers(1, 5000)), draw(st.integers(1, 5000))
    return {
        "thinking": draw(st.none() | st.tuples(TEXT, SIG)),
        "text": text,
        "calls": calls,
        "finish": "tool_calls" if calls else draw(st.sampled_from(["stop", "length"])),
        "usage": (inp, draw(st.integers(0, inp)), out, draw(st.integers(0, out))),
    }


def answer_chat(a):
    import json

    inp, cached, out, reasoning = a["usage"]
    msg = {"role": "assistant", "content": a["text"]}
    if a["calls"]:
        msg["tool_calls"] = [
            {"id": c, "type": "function", "function": {"name": n, "arguments": json.dumps(x)}}
            for c, n, x in a["calls"]
        ]
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": msg, "finish_reason": a["finish"], "logprobs": None}],
        "usage": {
            "prompt_tokens": inp,
            "completion_tokens": out,
            "total_tokens": inp + out,
            "prompt_tokens_details": {"cached_tokens": cached},
            "completion_tokens_details": {"reasoning_tokens": reasoning},
        },
    }


def answer_claude(a):
    inp, cached, out, reasoning = a["usage"]
    content = []
    if a["thinking"]:
        content.append(
            {"type": "thinking", "thinking": a["thinking"][0], "signature": a["thinking"][1]}
        )
    if a["text"]:
        content.append({"type": "text", "text": a["text"]})
    content += [{"type": "tool_use", "id": c, "name": n, "input": x} for c, n, x in a["calls"]]
    stop = {"tool_calls": "tool_use", "stop": "end_turn", "length": "max_tokens"}[a["finish"]]
    return {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "m",
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": {
            "input_tokens": inp - cached,
            "cache_read_input_tokens": cached,
            "output_tokens": out,
            "output_tokens_details": {"thinking_tokens": reasoning},
        },
    }


def answer_gemini(a):
    inp, cached, out, reasoning = a["usage"]
    parts = []
    if a["thinking"]:
        parts.append(
            {"text": a["thinking"][0], "thought": True, "thoughtSignature": a["thinking"][1]}
        )
    if a["text"]:
        parts.append({"text": a["text"]})
    parts += [{"functionCall": {"id": c, "name": n, "args": x}} for c, n, x in a["calls"]]
    return {
        "candidates": [
            {
                "content": {"role": "model", "parts": parts},
                "index": 0,
                "finishReason": "MAX_TOKENS" if a["finish"] == "length" else "STOP",
            }
        ],
        "usageMetadata": {
            "promptTokenCount": inp,
            "cachedContentTokenCount": cached,
            "candidatesTokenCount": out - reasoning,
            "thoughtsTokenCount": reasoning,
            "totalTokenCount": inp + out,
        },
        "modelVersion": "m",
        "responseId": "r",
    }


def answer_responses(a):
    import json

    inp, cached, out, reasoning = a["usage"]
    output = []
    if a["thinking"]:
        output.append(
            {
                "type": "reasoning",
                "id": "rs_1",
                "encrypted_content": a["thinking"][1],
                "summary": [{"type": "summary_text", "text": a["thinking"][0]}],
            }
        )
    if a["text"]:
        output.append(
            {
                "type": "message",
                "id": "msg_1",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": a["text"], "annotations": []}],
            }
        )
    output += [
        {
            "type": "function_call",
            "id": f"fc_{c}",
            "call_id": c,
            "name": n,
            "arguments": json.dumps(x),
            "status": "completed",
        }
        for c, n, x in a["calls"]
    ]
    length = a["finish"] == "length"
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "m",
        "output": output,
        "status": "incomplete" if length else "completed",
        "incomplete_details": {"reason": "max_output_tokens"} if length else None,
        "usage": {
            "input_tokens": inp,
            "output_tokens": out,
            "total_tokens": inp + out,
            "input_tokens_details": {"cached_tokens": cached, "cache_write_tokens": 0},
            "output_tokens_details": {"reasoning_tokens": reasoning},
        },
        "error": None,
        "instructions": None,
        "metadata": {},
        "parallel_tool_calls": True,
        "temperature": None,
        "tool_choice": "auto",
        "tools": [],
        "top_p": None,
    }


ANSWER = {
    "openai_chat": answer_chat,
    "claude": answer_claude,
    "gemini": answer_gemini,
    "openai_responses": answer_responses,
}


def read_answer(fmt, p):
    """(thinking, text, calls, finish, usage) read back per format, without the translators."""
    import json

    if fmt == "openai_chat":
        c, u = p["choices"][0], p["usage"]
        calls = [
            (t["id"], t["function"]["name"], json.loads(t["function"]["arguments"]))
            for t in c["message"].get("tool_calls") or []
        ]
        usage = (
            u["prompt_tokens"],
            u.get("prompt_tokens_details", {}).get("cached_tokens", 0),
            u["completion_tokens"],
            u.get("completion_tokens_details", {}).get("reasoning_tokens", 0),
        )
        return None, c["message"]["content"] or None, calls, c["finish_reason"], usage
    if fmt == "claude":
        b, u = p["content"], p["usage"]
        th = [(x["thinking"], x["signature"]) for x in b if x["type"] == "thinking"]
        text = "".join(x["text"] for x in b if x["type"] == "text") or None
        calls = [(x["id"], x["name"], x["input"]) for x in b if x["type"] == "tool_use"]
        cached = u.get("cache_read_input_tokens", 0)
        usage = (
            u["input_tokens"] + cached,
            cached,
            u["output_tokens"],
            u.get("output_tokens_details", {}).get("thinking_tokens", 0),
        )
        finish = {"tool_use": "tool_calls", "end_turn": "stop", "max_tokens": "length"}[
            p["stop_reason"]
        ]
        return (th[0] if th else None), text, calls, finish, usage
    if fmt == "gemini":
        c, u = p["candidates"][0], p["usageMetadata"]
        parts = c["content"]["parts"]
        th = [(x["text"], x["thoughtSignature"]) for x in parts if x.get("thought")]
        text = "".join(x["text"] for x in parts if "text" in x and not x.get("thought")) or None
        calls = [
            (x["functionCall"].get("id"), x["functionCall"]["name"], x["functionCall"]["args"])
            for x in parts
            if "functionCall" in x
        ]
        finish = (
            "length" if c["finishReason"] == "MAX_TOKENS" else "tool_calls" if calls else "stop"
        )
        usage = (
            u["promptTokenCount"],
            u.get("cachedContentTokenCount", 0),
            u.get("candidatesTokenCount", 0) + u.get("thoughtsTokenCount", 0),
            u.get("thoughtsTokenCount", 0),
        )
        return (th[0] if th else None), text, calls, finish, usage
    out, u = p["output"], p["usage"]
    th = [
        ("".join(s["text"] for s in i["summary"]), i.get("encrypted_content"))
        for i in out
        if i["type"] == "reasoning"
    ]
    text = "".join(c["text"] for i in out if i["type"] == "message" for c in i["content"]) or None
    calls = [
        (i["call_id"], i["name"], json.loads(i["arguments"]))
        for i in out
        if i["type"] == "function_call"
    ]
    finish = "length" if p["status"] == "incomplete" else "tool_calls" if calls else "stop"
    usage = (
        u["input_tokens"],
        u["input_tokens_details"]["cached_tokens"],
        u["output_tokens"],
        u["output_tokens_details"]["reasoning_tokens"],
    )
    return (th[0] if th else None), text, calls, finish, usage


def _comparable(src, dst, said):
    thinking, text, calls, finish, usage = said
    if not ({src, dst} <= meaning.HAS_THINKING):
        thinking = None
    return thinking, text, calls, finish, usage


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=answers())
def test_response_round_trip_keeps_meaning(src, dst, answer):
    from allllms_translators import translate_response

    if src == "openai_chat":
        answer = dict(answer, thinking=None)
    payload = ANSWER[src](answer)
    sdk_check.RESPONSE[src](payload)
    original = _comparable(src, dst, read_answer(src, payload))
    there = translate_response(src, dst, payload, policy="lenient")
    sdk_check.RESPONSE[dst](there.payload)
    assert _comparable(src, dst, read_answer(dst, there.payload)) == original
    back = translate_response(dst, src, there.payload, policy="lenient")
    assert _comparable(src, dst, read_answer(src, back.payload)) == original
