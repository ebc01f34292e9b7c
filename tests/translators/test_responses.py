"""Non-streaming responses, all 12 directions: content, finish reasons, usage semantics."""

from __future__ import annotations

import typing

import anthropic.types as at
import pytest
import tx_sdk_check as sdk_check
from allllms_translators import TranslationError, tables
from google.genai import types as gt
from openai.types.chat import chat_completion
from tx_fixtures import RESPONSES
from tx_helpers import DIRECTION_IDS, DIRECTIONS, paths, resp


def summary(fmt, payload):
    """(texts joined, [(name, args)], finish class) of a response, read per format."""
    if fmt == "openai_chat":
        c = payload["choices"][0]
        m = c["message"]
        import json

        calls = [
            (t["function"]["name"], json.loads(t["function"]["arguments"]))
            for t in m.get("tool_calls") or []
        ]
        return m.get("content") or "", calls, c["finish_reason"]
    if fmt == "claude":
        text = "".join(b["text"] for b in payload["content"] if b["type"] == "text")
        calls = [(b["name"], b["input"]) for b in payload["content"] if b["type"] == "tool_use"]
        return text, calls, payload["stop_reason"]
    if fmt == "gemini":
        parts = payload["candidates"][0]["content"]["parts"]
        text = "".join(p["text"] for p in parts if "text" in p and not p.get("thought"))
        calls = [
            (p["functionCall"]["name"], p["functionCall"]["args"])
            for p in parts
            if "functionCall" in p
        ]
        return text, calls, payload["candidates"][0]["finishReason"]
    import json

    text = "".join(
        c["text"]
        for i in payload["output"]
        if i["type"] == "message"
        for c in i["content"]
        if c["type"] == "output_text"
    )
    calls = [
        (i["name"], json.loads(i["arguments"]))
        for i in payload["output"]
        if i["type"] == "function_call"
    ]
    return text, calls, payload["status"]


TOOL_FINISH = {
    "openai_chat": "tool_calls",
    "claude": "tool_use",
    "gemini": "STOP",
    "openai_responses": "completed",
}


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_typical_response_keeps_text_tool_calls_and_finish(src, dst):
    out = resp(src, dst, RESPONSES[src], policy="lenient").payload
    text, calls, finish = summary(dst, out)
    assert text == "Checking."
    assert calls == [("get_time", {"tz": "Europe/Paris"})]
    assert finish == TOOL_FINISH[dst]


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_usage_keeps_totals_cached_and_reasoning_semantics(src, dst):
    """Every fixture means: 100 input tokens of which 40 cached, 30 output of which 10 reasoning."""
    out = resp(src, dst, RESPONSES[src], policy="lenient").payload
    if dst == "openai_chat":
        u = out["usage"]
        assert (
            u["prompt_tokens"],
            u["prompt_tokens_details"]["cached_tokens"],
            u["completion_tokens"],
            u["total_tokens"],
        ) == (100, 40, 30, 130)
    elif dst == "claude":
        u = out["usage"]
        # Claude input_tokens exclude cache reads: no double counting.
        assert (u["input_tokens"], u["cache_read_input_tokens"], u["output_tokens"]) == (60, 40, 30)
    elif dst == "gemini":
        u = out["usageMetadata"]
        # Gemini reports thoughts apart from candidates.
        assert (
            u["promptTokenCount"],
            u["cachedContentTokenCount"],
            u["candidatesTokenCount"],
            u["totalTokenCount"],
        ) == (100, 40, 30 - u.get("thoughtsTokenCount", 0), 130)
    else:
        u = out["usage"]
        assert (
            u["input_tokens"],
            u["input_tokens_details"]["cached_tokens"],
            u["output_tokens"],
            u["total_tokens"],
        ) == (100, 40, 30, 130)
    reasoning = {
        "openai_chat": lambda: out["usage"]
        .get("completion_tokens_details", {})
        .get("reasoning_tokens", 0),
        "claude": lambda: out["usage"].get("output_tokens_details", {}).get("thinking_tokens", 0),
        "gemini": lambda: out["usageMetadata"].get("thoughtsTokenCount", 0),
        "openai_responses": lambda: out["usage"]["output_tokens_details"]["reasoning_tokens"],
    }[dst]()
    # The Claude fixture reports no thinking_tokens detail; the others report 10.
    assert reasoning == (0 if src == "claude" else 10)


def test_claude_reasoning_tokens_come_from_output_tokens_details():
    body = dict(
        RESPONSES["claude"],
        usage={
            "input_tokens": 5,
            "output_tokens": 30,
            "output_tokens_details": {"thinking_tokens": 12},
        },
    )
    out = resp("claude", "gemini", body).payload["usageMetadata"]
    assert (out["candidatesTokenCount"], out["thoughtsTokenCount"]) == (18, 12)


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_thinking_survives_where_target_has_it_and_is_a_loss_otherwise(src, dst):
    if src == "openai_chat":
        assert resp(src, dst, RESPONSES[src]).warnings == []
        return
    if dst == "openai_chat":
        with pytest.raises(TranslationError):
            resp(src, dst, RESPONSES[src])
        return
    out = resp(src, dst, RESPONSES[src]).payload
    if dst == "claude":
        assert (
            out["content"][0]["type"] == "thinking"
            and out["content"][0]["thinking"] == "Need the time."
        )
    elif dst == "gemini":
        assert out["candidates"][0]["content"]["parts"][0]["thought"] is True
    else:
        assert out["output"][0]["type"] == "reasoning"


def test_claude_gemini_signatures_and_tool_ids_survive_responses():
    gem = resp("claude", "gemini", RESPONSES["claude"]).payload
    parts = gem["candidates"][0]["content"]["parts"]
    assert parts[0]["thoughtSignature"] == RESPONSES["claude"]["content"][0]["signature"]
    assert parts[2]["functionCall"]["id"] == "toolu_9"
    assert resp("gemini", "claude", gem).payload["content"] == RESPONSES["claude"]["content"]
    claude = resp("gemini", "claude", RESPONSES["gemini"]).payload
    assert (
        resp("claude", "gemini", claude).payload["candidates"] == RESPONSES["gemini"]["candidates"]
    )


def test_several_text_blocks_are_concatenated_in_order():
    body = dict(
        RESPONSES["claude"],
        content=[
            {"type": "text", "text": "a"},
            {"type": "text", "text": "b"},
            {"type": "text", "text": "c"},
        ],
        stop_reason="end_turn",
    )
    assert resp("claude", "openai_chat", body).payload["choices"][0]["message"]["content"] == "abc"


def test_chat_text_and_tool_calls_both_reach_claude():
    out = resp("openai_chat", "claude", RESPONSES["openai_chat"]).payload
    assert [b["type"] for b in out["content"]] == ["text", "tool_use"]
    assert out["content"][1]["id"] == "call_9"


def test_gemini_stop_with_function_calls_means_tool_calls():
    assert (
        resp("gemini", "openai_chat", RESPONSES["gemini"], policy="lenient").payload["choices"][0][
            "finish_reason"
        ]
        == "tool_calls"
    )


def test_gemini_blocked_prompt_is_a_content_filter_not_an_empty_answer():
    body = {
        "promptFeedback": {"blockReason": "SAFETY"},
        "usageMetadata": {"promptTokenCount": 7, "totalTokenCount": 7},
    }
    chat = resp("gemini", "openai_chat", body).payload
    assert chat["choices"][0]["finish_reason"] == "content_filter"
    assert resp("gemini", "claude", body).payload["stop_reason"] == "refusal"
    out = resp("gemini", "openai_responses", body).payload
    assert (out["status"], out["incomplete_details"]) == (
        "incomplete",
        {"reason": "content_filter"},
    )


@pytest.mark.parametrize(
    "reason,want",
    [
        ("MAX_TOKENS", "length"),
        ("SAFETY", "content_filter"),
        ("RECITATION", "content_filter"),
        ("MALFORMED_FUNCTION_CALL", "stop"),
        ("SOMETHING_NEW", "stop"),
    ],
)
def test_gemini_finish_reasons_to_chat(reason, want):
    body = {
        "candidates": [
            {"content": {"role": "model", "parts": [{"text": "x"}]}, "finishReason": reason}
        ]
    }
    assert resp("gemini", "openai_chat", body).payload["choices"][0]["finish_reason"] == want


@pytest.mark.parametrize(
    "reason,status",
    [
        ("max_tokens", ("incomplete", {"reason": "max_output_tokens"})),
        ("refusal", ("completed", None)),
        ("end_turn", ("completed", None)),
    ],
)
def test_claude_stop_reasons_to_responses(reason, status):
    body = dict(RESPONSES["claude"], content=[{"type": "text", "text": "x"}], stop_reason=reason)
    out = resp("claude", "openai_responses", body).payload
    assert (out["status"], out["incomplete_details"]) == status


def test_stop_sequence_is_kept_between_claude_and_itself_through_gemini_as_plain_stop():
    body = dict(
        RESPONSES["claude"],
        content=[{"type": "text", "text": "x"}],
        stop_reason="stop_sequence",
        stop_sequence="END",
    )
    assert resp("claude", "gemini", body).payload["candidates"][0]["finishReason"] == "STOP"


def test_more_than_one_choice_is_a_loss_for_claude_and_responses():
    body = dict(
        RESPONSES["openai_chat"],
        choices=[
            {
                "index": i,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": f"c{i}"},
            }
            for i in range(2)
        ],
    )
    for dst in ("claude", "openai_responses"):
        with pytest.raises(TranslationError, match=r"choices\[1\]"):
            resp("openai_chat", dst, body)
    gem = resp("openai_chat", "gemini", body).payload
    assert [c["content"]["parts"][0]["text"] for c in gem["candidates"]] == ["c0", "c1"]


def test_logprobs_are_a_loss():
    body = dict(RESPONSES["openai_chat"])
    body["choices"] = [dict(body["choices"][0], logprobs={"content": []})]
    out = resp("openai_chat", "claude", body, policy="lenient")
    assert paths(out) == ["choices[0].logprobs"]


def test_invalid_tool_arguments_in_a_response_are_an_error_in_lenient_mode_too():
    body = dict(RESPONSES["openai_chat"])
    msg = dict(
        body["choices"][0]["message"],
        tool_calls=[
            {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{oops"}}
        ],
    )
    body["choices"] = [dict(body["choices"][0], message=msg)]
    with pytest.raises(
        TranslationError, match=r"choices\[0\].message.tool_calls\[0\].function.arguments"
    ):
        resp("openai_chat", "claude", body, policy="lenient")


# Completeness of the finish-reason tables against the SDKs' own enums ----------------------------


def test_finish_tables_cover_every_sdk_enum_value():
    assert set(typing.get_args(at.StopReason)) <= set(tables.FINISH_DECODE["claude"])
    assert {e.value for e in gt.FinishReason} <= set(tables.FINISH_DECODE["gemini"])
    literal = chat_completion.Choice.model_fields["finish_reason"].annotation
    assert set(typing.get_args(literal)) <= set(tables.FINISH_DECODE["openai_chat"])
    for fmt in tables.FORMATS:
        assert set(tables.FINISH_ENCODE[fmt]) == set(tables.FINISH_REASONS["hub"])


# Errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status,claude,gemini,openai",
    [(r["status"], r["claude"], r["gemini"], r["openai"]) for r in tables.ERRORS],
)
def test_error_bodies_follow_the_error_table(status, claude, gemini, openai):
    from allllms_translators import translate_error

    src = {"type": "error", "error": {"type": claude, "message": "m"}}
    _, body = translate_error("claude", "gemini", src, status=status).payload
    assert body == {"error": {"code": status, "message": "m", "status": gemini}}
    _, chat = translate_error("gemini", "openai_chat", body).payload
    assert chat["error"]["type"] == openai and chat["error"]["message"] == "m"


def test_error_status_is_recovered_from_the_type_when_not_given():
    from allllms_translators import translate_error

    status, body = translate_error(
        "openai_chat", "claude", {"error": {"message": "slow", "type": "rate_limit_error"}}
    ).payload
    assert status == 429 and body == {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "slow"},
    }


# 413 -> `request_too_large` is what Anthropic's API documents, but anthropic 2.14's ErrorResponse
# union has no such member; it is checked on its own below.
@pytest.mark.parametrize("status", sorted({r["status"] for r in tables.ERRORS} - {413}))
def test_error_bodies_parse_with_the_sdk_error_types(status):
    from allllms_translators import translate_error

    src = {"error": {"code": status, "message": "m", "status": "X"}}
    _, claude = translate_error("gemini", "claude", src).payload
    sdk_check.no_extra(at.ErrorResponse.model_validate(claude))
    _, chat = translate_error("gemini", "openai_chat", src).payload
    assert set(chat["error"]) == {"message", "type", "param", "code"}


def test_413_is_request_too_large_for_claude():
    from allllms_translators import translate_error

    _, claude = translate_error(
        "openai_chat", "claude", {"error": {"message": "big"}}, status=413
    ).payload
    assert claude == {"type": "error", "error": {"type": "request_too_large", "message": "big"}}
