"""One realistic source stream per format: thinking + signature, text, two tool calls with argument
fragments, finish reason, usage. All four mean the same thing (see EXPECTED)."""

from __future__ import annotations

import base64
import json

SIG = base64.b64encode(b"stream-signature").decode()
ARGS1 = {"city": "Paris", "unit": "c"}
ARGS2 = {"tz": "Europe/Paris"}
EXPECTED = {
    "thinking": "Let me think.",
    "text": "Checking both.",
    "calls": [("get_weather", ARGS1), ("get_time", ARGS2)],
}


def _split(s, n=3):
    step = max(1, len(s) // n)
    return [s[i : i + step] for i in range(0, len(s), step)]


def chat_stream(extra_text_chunks=0):
    base = {
        "id": "chatcmpl-s",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "gpt-4o",
    }

    def c(delta, finish=None):
        return {
            **base,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }

    out = [c({"role": "assistant", "content": ""})]
    for piece in ["Checking", " both."] + ["" for _ in range(extra_text_chunks)]:
        if piece:
            out.append(c({"content": piece}))
    for i, (name, args, cid) in enumerate(
        [("get_weather", ARGS1, "call_a"), ("get_time", ARGS2, "call_b")]
    ):
        out.append(
            c(
                {
                    "tool_calls": [
                        {
                            "index": i,
                            "id": cid,
                            "type": "function",
                            "function": {"name": name, "arguments": ""},
                        }
                    ]
                }
            )
        )
        for frag in _split(json.dumps(args)):
            out.append(c({"tool_calls": [{"index": i, "function": {"arguments": frag}}]}))
    out.append(c({}, "tool_calls"))
    out.append(
        {
            **base,
            "choices": [],
            "usage": {
                "prompt_tokens": 100,
                "completion_tokens": 30,
                "total_tokens": 130,
                "prompt_tokens_details": {"cached_tokens": 40},
                "completion_tokens_details": {"reasoning_tokens": 10},
            },
        }
    )
    return out


def claude_stream():
    out = [
        {
            "type": "message_start",
            "message": {
                "id": "msg_s",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-5",
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 60, "output_tokens": 1, "cache_read_input_tokens": 40},
            },
        },
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "thinking", "thinking": "", "signature": ""},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": "Let me"},
        },
        {"type": "ping"},
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": " think."},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "signature_delta", "signature": SIG},
        },
        {"type": "content_block_stop", "index": 0},
        {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
        {
            "type": "content_block_delta",
            "index": 1,
            "delta": {"type": "text_delta", "text": "Checking"},
        },
        {
            "type": "content_block_delta",
            "index": 1,
            "delta": {"type": "text_delta", "text": " both."},
        },
        {"type": "content_block_stop", "index": 1},
    ]
    for i, (name, args, tid) in enumerate(
        [("get_weather", ARGS1, "toolu_a"), ("get_time", ARGS2, "toolu_b")], start=2
    ):
        out.append(
            {
                "type": "content_block_start",
                "index": i,
                "content_block": {"type": "tool_use", "id": tid, "name": name, "input": {}},
            }
        )
        for frag in _split(json.dumps(args)):
            out.append(
                {
                    "type": "content_block_delta",
                    "index": i,
                    "delta": {"type": "input_json_delta", "partial_json": frag},
                }
            )
        out.append({"type": "content_block_stop", "index": i})
    out.append(
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 30, "output_tokens_details": {"thinking_tokens": 10}},
        }
    )
    out.append({"type": "message_stop"})
    return out


def gemini_stream():
    meta = {"modelVersion": "gemini-2.5-pro", "responseId": "g-s"}

    def c(parts, finish=None, usage=None):
        cand = {"content": {"role": "model", "parts": parts}, "index": 0}
        if finish:
            cand["finishReason"] = finish
        out = {"candidates": [cand], **meta}
        if usage:
            out["usageMetadata"] = usage
        return out

    return [
        c([{"text": "Let me", "thought": True}]),
        c([{"text": " think.", "thought": True, "thoughtSignature": SIG}]),
        c([{"text": "Checking"}]),
        c([{"text": " both."}]),
        c(
            [
                {"functionCall": {"id": "fc_a", "name": "get_weather", "args": ARGS1}},
                {"functionCall": {"id": "fc_b", "name": "get_time", "args": ARGS2}},
            ],
            "STOP",
            {
                "promptTokenCount": 100,
                "cachedContentTokenCount": 40,
                "candidatesTokenCount": 20,
                "thoughtsTokenCount": 10,
                "totalTokenCount": 130,
            },
        ),
    ]


def responses_stream():
    seq = iter(range(1000))
    rid = "resp_s"

    def e(kind, **f):
        return {"type": kind, "sequence_number": next(seq), **f}

    def resp(status, output, usage=None):
        return {
            "id": rid,
            "object": "response",
            "created_at": 1700000000,
            "status": status,
            "model": "gpt-5",
            "output": output,
            "usage": usage,
            "incomplete_details": None,
            "error": None,
            "instructions": None,
            "metadata": {},
            "parallel_tool_calls": True,
            "temperature": None,
            "tool_choice": "auto",
            "tools": [],
            "top_p": None,
        }

    rs = {"id": "rs_s", "type": "reasoning", "summary": []}
    rs_done = {
        **rs,
        "summary": [{"type": "summary_text", "text": "Let me think."}],
        "encrypted_content": SIG,
    }
    msg = {
        "id": "msg_s",
        "type": "message",
        "role": "assistant",
        "status": "in_progress",
        "content": [],
    }
    part = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
    done_part = {**part, "text": "Checking both."}
    msg_done = {**msg, "status": "completed", "content": [done_part]}
    out = [
        e("response.created", response=resp("in_progress", [])),
        e("response.in_progress", response=resp("in_progress", [])),
        e("response.output_item.added", output_index=0, item=rs),
        e(
            "response.reasoning_summary_part.added",
            item_id="rs_s",
            output_index=0,
            summary_index=0,
            part={"type": "summary_text", "text": ""},
        ),
        e(
            "response.reasoning_summary_text.delta",
            item_id="rs_s",
            output_index=0,
            summary_index=0,
            delta="Let me",
        ),
        e(
            "response.reasoning_summary_text.delta",
            item_id="rs_s",
            output_index=0,
            summary_index=0,
            delta=" think.",
        ),
        e(
            "response.reasoning_summary_text.done",
            item_id="rs_s",
            output_index=0,
            summary_index=0,
            text="Let me think.",
        ),
        e(
            "response.reasoning_summary_part.done",
            item_id="rs_s",
            output_index=0,
            summary_index=0,
            part={"type": "summary_text", "text": "Let me think."},
        ),
        e("response.output_item.done", output_index=0, item=rs_done),
        e("response.output_item.added", output_index=1, item=msg),
        e(
            "response.content_part.added",
            item_id="msg_s",
            output_index=1,
            content_index=0,
            part=part,
        ),
        e(
            "response.output_text.delta",
            item_id="msg_s",
            output_index=1,
            content_index=0,
            delta="Checking",
            logprobs=[],
        ),
        e(
            "response.output_text.delta",
            item_id="msg_s",
            output_index=1,
            content_index=0,
            delta=" both.",
            logprobs=[],
        ),
        e(
            "response.output_text.done",
            item_id="msg_s",
            output_index=1,
            content_index=0,
            text="Checking both.",
            logprobs=[],
        ),
        e(
            "response.content_part.done",
            item_id="msg_s",
            output_index=1,
            content_index=0,
            part=done_part,
        ),
        e("response.output_item.done", output_index=1, item=msg_done),
    ]
    items = [rs_done, msg_done]
    for i, (name, args, cid) in enumerate(
        [("get_weather", ARGS1, "call_a"), ("get_time", ARGS2, "call_b")], start=2
    ):
        item = {
            "id": f"fc_{i}",
            "type": "function_call",
            "call_id": cid,
            "name": name,
            "arguments": "",
            "status": "in_progress",
        }
        out.append(e("response.output_item.added", output_index=i, item=item))
        for frag in _split(json.dumps(args)):
            out.append(
                e(
                    "response.function_call_arguments.delta",
                    item_id=item["id"],
                    output_index=i,
                    delta=frag,
                )
            )
        done = {**item, "arguments": json.dumps(args), "status": "completed"}
        out.append(
            e(
                "response.function_call_arguments.done",
                item_id=item["id"],
                output_index=i,
                arguments=json.dumps(args),
            )
        )
        out.append(e("response.output_item.done", output_index=i, item=done))
        items.append(done)
    usage = {
        "input_tokens": 100,
        "output_tokens": 30,
        "total_tokens": 130,
        "input_tokens_details": {"cached_tokens": 40, "cache_write_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 10},
    }
    out.append(e("response.completed", response=resp("completed", items, usage)))
    return out


STREAMS = {
    "openai_chat": chat_stream,
    "claude": claude_stream,
    "gemini": gemini_stream,
    "openai_responses": responses_stream,
}
