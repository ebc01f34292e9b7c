"""Streams, all 12 directions, every translated stream checked by the target format's validator."""

from __future__ import annotations

import pytest
import tx_stream_check as stream_check
from allllms_translators import StreamTranslator, TranslationError
from tx_helpers import DIRECTION_IDS, DIRECTIONS, FORMATS
from tx_stream_fixtures import EXPECTED, SIG, STREAMS

TOOL_FINISH = {
    "openai_chat": "tool_calls",
    "claude": "tool_use",
    "gemini": "STOP",
    "openai_responses": "completed",
}
HAS_THINKING = {"claude", "gemini", "openai_responses"}


def run(src, dst, events, policy="lenient"):
    t = StreamTranslator(src, dst, policy=policy)
    out = []
    for ev in events:
        out.extend(t.feed(ev))
    out.extend(t.finish())
    return out, t


@pytest.mark.parametrize("fmt", FORMATS)
def test_source_fixtures_pass_their_own_validator(fmt):
    said = stream_check.CHECK[fmt](STREAMS[fmt]())
    assert said["text"] == EXPECTED["text"] and said["calls"] == EXPECTED["calls"]


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_stream_translates_text_tools_and_finish(src, dst):
    out, t = run(src, dst, STREAMS[src]())
    said = stream_check.CHECK[dst](out)
    assert said["text"] == EXPECTED["text"]
    assert said["calls"] == EXPECTED["calls"]
    assert said["finish"] == TOOL_FINISH[dst]
    if src in HAS_THINKING and dst in HAS_THINKING:
        assert said["thinking"] == EXPECTED["thinking"]
        assert said["signatures"] == [SIG]
    if dst == "openai_chat" and src in HAS_THINKING:
        assert [w.message.split(" cannot")[0] for w in t.warnings] == [
            "thinking",
            "a thinking signature",
        ]


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_stream_keeps_tool_ids_where_both_sides_have_them(src, dst):
    out, _ = run(src, dst, STREAMS[src]())
    said = stream_check.CHECK[dst](out)
    src_ids = stream_check.CHECK[src](STREAMS[src]())["ids"]
    assert said["ids"] == src_ids


@pytest.mark.parametrize("src", ["claude", "gemini", "openai_responses"])
def test_strict_stream_to_chat_refuses_thinking(src):
    with pytest.raises(TranslationError, match="thinking"):
        run(src, "openai_chat", STREAMS[src](), policy="strict")


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_usage_reaches_the_terminal_event(src, dst):
    out, _ = run(src, dst, STREAMS[src]())
    last = out[-1]
    if dst == "openai_chat":
        assert last["usage"]["prompt_tokens"] == 100 and last["usage"]["completion_tokens"] == 30
    elif dst == "claude":
        delta = out[-2]
        assert delta["type"] == "message_delta"
        assert (
            delta["usage"]["input_tokens"],
            delta["usage"]["cache_read_input_tokens"],
            delta["usage"]["output_tokens"],
        ) == (60, 40, 30)
    elif dst == "gemini":
        assert (
            last["usageMetadata"]["promptTokenCount"] == 100
            and last["usageMetadata"]["totalTokenCount"] == 130
        )
    else:
        assert (
            last["response"]["usage"]["input_tokens"] == 100
            and last["response"]["usage"]["output_tokens"] == 30
        )


@pytest.mark.parametrize("dst", ["claude", "gemini", "openai_responses"])
def test_finish_reason_is_held_until_usage_arrives(dst):
    src_events = STREAMS["openai_chat"]()
    t = StreamTranslator("openai_chat", dst, policy="lenient")
    before_usage = [e for ev in src_events[:-1] for e in t.feed(ev)]
    assert not t.done
    kinds = [e.get("type") for e in before_usage]
    assert "message_delta" not in kinds and "response.completed" not in kinds
    assert all("finishReason" not in e.get("candidates", [{}])[0] for e in before_usage)
    assert t.feed(src_events[-1]) and t.done


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_nothing_after_the_terminal_event(src, dst):
    t = StreamTranslator(src, dst, policy="lenient")
    for ev in STREAMS[src]():
        t.feed(ev)
    assert t.done  # every fixture ends with finish reason and usage
    assert t.finish() == []
    assert t.feed(STREAMS[src]()[1]) == []
    assert t.finish() == []


def test_chat_source_without_usage_ends_at_finish():
    events = STREAMS["openai_chat"]()[:-1]
    out, _ = run("openai_chat", "claude", events)
    said = stream_check.claude(out)
    assert said["finish"] == "tool_use"


@pytest.mark.parametrize("dst", FORMATS)
def test_truncated_source_stream_ends_with_an_error_not_a_fake_finish(dst):
    src = "claude" if dst != "claude" else "openai_chat"
    events = STREAMS[src]()[:6]
    out, _ = run(src, dst, events)
    last = out[-1]
    assert last.get("type") == "error" or "error" in last


@pytest.mark.parametrize("dst", ["openai_chat", "claude", "openai_responses"])
def test_gemini_error_inside_a_200_stream_becomes_the_targets_error_event(dst):
    error = {"error": {"code": 429, "message": "slow down", "status": "RESOURCE_EXHAUSTED"}}
    events = [*STREAMS["gemini"]()[:2], error]
    out, t = run("gemini", dst, events)
    assert t.done
    last = out[-1]
    if dst == "openai_chat":
        assert last == {
            "error": {
                "message": "slow down",
                "type": "rate_limit_error",
                "param": None,
                "code": None,
            }
        }
    elif dst == "claude":
        assert last == {
            "type": "error",
            "error": {"type": "rate_limit_error", "message": "slow down"},
        }
    else:
        assert last["type"] == "error" and last["code"] == "rate_limit_error"


def test_claude_signature_on_an_empty_thinking_block_moves_to_the_next_gemini_part_and_back():
    events = STREAMS["gemini"]()
    events[-1]["candidates"][0]["content"]["parts"][0]["thoughtSignature"] = "c2lnLWZj"
    claude, _ = run("gemini", "claude", events)
    back, _ = run("claude", "gemini", claude)
    calls = [p for e in back for p in e["candidates"][0]["content"]["parts"] if "functionCall" in p]
    assert calls[0]["thoughtSignature"] == "c2lnLWZj"
    assert "thoughtSignature" not in calls[1]


def test_invalid_streamed_tool_arguments_are_an_error_in_lenient_mode():
    events = STREAMS["openai_chat"]()
    for ev in events:
        for ch in ev["choices"]:
            for call in ch["delta"].get("tool_calls") or []:
                if call["function"].get("arguments"):
                    call["function"]["arguments"] = "{bad"
    with pytest.raises(TranslationError, match="arguments"):
        run("openai_chat", "gemini", events, policy="lenient")


def test_claude_tool_indices_after_text_and_thinking_are_dense_in_chat():
    out, _ = run("claude", "openai_chat", STREAMS["claude"]())
    indices = [
        c["index"]
        for e in out
        for ch in e["choices"]
        for c in ch["delta"].get("tool_calls") or []
        if "id" in c
    ]
    assert indices == [0, 1]


def test_gemini_calls_restarting_at_index_zero_each_chunk_stay_distinct():
    events = STREAMS["gemini"]()
    last = events.pop()
    parts = last["candidates"][0]["content"]["parts"]
    events.append(
        {**last, "candidates": [{"content": {"role": "model", "parts": parts[:1]}, "index": 0}]}
    )
    del events[-1]["usageMetadata"]
    events.append(
        {
            **last,
            "candidates": [
                {**last["candidates"][0], "content": {"role": "model", "parts": parts[1:]}}
            ],
        }
    )
    out, _ = run("gemini", "openai_chat", events)
    said = stream_check.chat(out)
    assert said["calls"] == EXPECTED["calls"]


def test_same_format_stream_passes_through():
    events = STREAMS["claude"]()
    out, _ = run("claude", "claude", events)
    assert out == events


# Property: arbitrary fragmentation, every direction, there and back ------------------------------

import itertools  # noqa: E402
import json as _json  # noqa: E402
import string  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=string.ascii_letters + " .,", min_size=1, max_size=20)
_ARGS = st.dictionaries(
    st.sampled_from(["a", "b", "c"]), st.one_of(_TEXT, st.integers(), st.booleans()), max_size=3
)


def _pieces(draw, s):
    cuts = (
        sorted(draw(st.sets(st.integers(1, max(1, len(s) - 1)), max_size=4))) if len(s) > 1 else []
    )
    bounds = [0, *cuts, len(s)]
    return [s[a:b] for a, b in itertools.pairwise(bounds) if s[a:b]]


@st.composite
def claude_streams(draw):
    thinking = draw(st.none() | _TEXT)
    text = draw(st.none() | _TEXT)
    calls = [
        (f"toolu_{i}", draw(st.sampled_from(["f", "g"])), draw(_ARGS))
        for i in range(draw(st.integers(0, 2)))
    ]
    if text is None and not calls:
        text = draw(_TEXT)
    events = [
        {
            "type": "message_start",
            "message": {
                "id": "msg_p",
                "type": "message",
                "role": "assistant",
                "model": "m",
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 7, "output_tokens": 1},
            },
        }
    ]
    index = 0
    if thinking:
        events.append(
            {
                "type": "content_block_start",
                "index": index,
                "content_block": {"type": "thinking", "thinking": "", "signature": ""},
            }
        )
        events += [
            {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "thinking_delta", "thinking": p},
            }
            for p in _pieces(draw, thinking)
        ]
        events.append(
            {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "signature_delta", "signature": SIG},
            }
        )
        events.append({"type": "content_block_stop", "index": index})
        index += 1
    if text:
        events.append(
            {
                "type": "content_block_start",
                "index": index,
                "content_block": {"type": "text", "text": ""},
            }
        )
        events += [
            {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "text_delta", "text": p},
            }
            for p in _pieces(draw, text)
        ]
        events.append({"type": "content_block_stop", "index": index})
        index += 1
    for cid, name, args in calls:
        events.append(
            {
                "type": "content_block_start",
                "index": index,
                "content_block": {"type": "tool_use", "id": cid, "name": name, "input": {}},
            }
        )
        events += [
            {
                "type": "content_block_delta",
                "index": index,
                "delta": {"type": "input_json_delta", "partial_json": p},
            }
            for p in _pieces(draw, _json.dumps(args))
        ]
        events.append({"type": "content_block_stop", "index": index})
        index += 1
    events.append(
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use" if calls else "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": 9},
        }
    )
    events.append({"type": "message_stop"})
    expected = {
        "thinking": thinking or "",
        "text": text or "",
        "calls": [(n, a) for _, n, a in calls],
    }
    return events, expected


def _content(said, src, dst):
    keep_thinking = {src, dst} <= HAS_THINKING
    return {
        "thinking": said["thinking"] if keep_thinking else "",
        "signatures": said["signatures"] if keep_thinking else [],
        "text": said["text"],
        "calls": said["calls"],
    }


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=claude_streams())
def test_any_fragmentation_translates_there_and_back(src, dst, case):
    events, expected = case
    stream_check.claude(events)
    source = events if src == "claude" else run("claude", src, events)[0]
    want = _content(
        dict(
            expected,
            thinking=expected["thinking"] if src in HAS_THINKING else "",
            signatures=[SIG] if expected["thinking"] and src in HAS_THINKING else [],
        ),
        src,
        dst,
    )
    there, _ = run(src, dst, source)
    assert _content(stream_check.CHECK[dst](there), src, dst) == want
    back, _ = run(dst, src, there)
    assert _content(stream_check.CHECK[src](back), src, dst) == want


@pytest.mark.parametrize(
    "dst,want",
    [("openai_chat", "length"), ("gemini", "MAX_TOKENS"), ("openai_responses", "incomplete")],
)
def test_claude_max_tokens_in_a_stream_finishes_as_length(dst, want):
    events = STREAMS["claude"]()
    events[-2]["delta"]["stop_reason"] = "max_tokens"
    out, _ = run("claude", dst, events)
    said = stream_check.CHECK[dst](out)
    assert said["finish"] == want
    if dst == "openai_responses":
        assert out[-1]["type"] == "response.incomplete"
        assert out[-1]["response"]["incomplete_details"] == {"reason": "max_output_tokens"}


def test_gemini_blocked_prompt_in_a_stream_is_a_content_filter():
    events = [
        {"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 3}}
    ]
    out, _ = run("gemini", "openai_chat", events)
    assert stream_check.chat(out)["finish"] == "content_filter"
    out, _ = run("gemini", "claude", events)
    assert stream_check.claude(out)["finish"] == "refusal"


def test_strict_stream_refuses_redacted_thinking_outside_claude():
    events = STREAMS["claude"]()
    events.insert(
        1,
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "redacted_thinking", "data": "opaque"},
        },
    )
    events.insert(2, {"type": "content_block_stop", "index": 0})
    for ev in events[3:]:
        if "index" in ev:
            ev["index"] += 1
    stream_check.claude(events)
    with pytest.raises(TranslationError, match="redacted_thinking"):
        run("claude", "gemini", events, policy="strict")
    _, t = run("claude", "gemini", events)
    assert [w.message.split(" cannot")[0] for w in t.warnings] == ["a redacted_thinking block"]


@pytest.mark.parametrize("via", ["gemini", "openai_responses"])
def test_claude_thinking_keeps_its_signature_through_another_format_and_back(via):
    there, _ = run("claude", via, STREAMS["claude"]())
    back, _ = run(via, "claude", there)
    assert stream_check.claude(back)["thinking_blocks"] == [(EXPECTED["thinking"], SIG)]


def test_gemini_signature_on_its_own_empty_thought_part_signs_the_thought():
    body = {
        "candidates": [
            {
                "index": 0,
                "finishReason": "STOP",
                "content": {
                    "role": "model",
                    "parts": [
                        {"text": "hmm", "thought": True},
                        {"text": "", "thought": True, "thoughtSignature": SIG},
                        {"text": "answer"},
                    ],
                },
            }
        ]
    }
    from allllms_translators import translate_response

    out = translate_response("gemini", "claude", body).payload
    assert out["content"][0] == {"type": "thinking", "thinking": "hmm", "signature": SIG}
