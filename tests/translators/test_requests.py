"""Requests, all 12 directions: typical conversation plus one test per content kind / pitfall."""

from __future__ import annotations

import base64

import pytest
import tx_meaning as meaning
from allllms_translators import TranslationError, translate_request
from tx_fixtures import PNG, REQUESTS
from tx_helpers import DIRECTION_IDS, DIRECTIONS, FORMATS, chat, paths, req

WAV = base64.b64encode(b"RIFF....WAVEfmt ").decode()
PDF = base64.b64encode(b"%PDF-1.4 tiny").decode()


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_typical_request_keeps_its_meaning(src, dst):
    result = req(src, dst, REQUESTS[src], policy="lenient")
    want = meaning.comparable(src, dst, meaning.MEANING[src](REQUESTS[src]))
    got = meaning.comparable(src, dst, meaning.MEANING[dst](result.payload))
    assert got == want


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_typical_request_strict_refuses_only_what_target_lacks(src, dst):
    lossy = {
        ("claude", "openai_chat"),
        ("gemini", "openai_chat"),
        ("openai_responses", "openai_chat"),
        ("openai_chat", "openai_responses"),
        ("claude", "openai_responses"),
        ("gemini", "openai_responses"),
    }
    if (src, dst) in lossy:
        with pytest.raises(TranslationError) as err:
            translate_request(src, dst, REQUESTS[src], policy="strict", model="m")
        assert err.value.path  # names the source field
    else:
        assert req(src, dst, REQUESTS[src]).warnings == []


# System prompts -----------------------------------------------------------------------------------


def _late_system():
    return chat(
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello"},
        {"role": "system", "content": "Now answer in French."},
        {"role": "user", "content": "Bye"},
    )


@pytest.mark.parametrize("dst", ["claude", "gemini"])
def test_late_system_prompt_is_refused_in_strict_and_hoisted_with_warning(dst):
    with pytest.raises(TranslationError) as err:
        req("openai_chat", dst, _late_system())
    assert err.value.path == "messages[3]"
    result = req("openai_chat", dst, _late_system(), policy="lenient")
    assert paths(result) == ["messages[3]"]
    m = meaning.MEANING[dst](result.payload)
    assert m["system"] == ["Be brief.\n\nNow answer in French."] or m["system"] == [
        "Be brief.",
        "Now answer in French.",
    ]
    assert [r for r, _ in m["turns"]] == ["user", "assistant", "user"]


def test_late_system_prompt_stays_in_place_for_responses():
    out = req("openai_chat", "openai_responses", _late_system()).payload
    assert [i.get("role") for i in out["input"]] == [
        "system",
        "user",
        "assistant",
        "system",
        "user",
    ]


def test_developer_role_is_kept_between_openai_formats_and_is_system_for_claude():
    body = chat({"role": "developer", "content": "Rules."}, {"role": "user", "content": "Hi"})
    assert req("openai_chat", "openai_responses", body).payload["input"][0]["role"] == "developer"
    assert req("openai_chat", "claude", body).payload["system"] == "Rules."


def test_claude_system_blocks_with_cache_control_survive_to_claude_and_are_a_loss_elsewhere():
    body = {
        "model": "c",
        "max_tokens": 10,
        "messages": [{"role": "user", "content": "Hi"}],
        "system": [{"type": "text", "text": "Long prompt", "cache_control": {"type": "ephemeral"}}],
    }
    out = req("claude", "openai_chat", body, policy="lenient")
    assert paths(out) == ["system[0].cache_control"]
    back = req("openai_chat", "claude", out.payload).payload
    assert back["system"] == "Long prompt"
    with pytest.raises(TranslationError, match=r"system\[0\]\.cache_control"):
        req("claude", "gemini", body)


# Roles and turns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("dst", ["claude", "gemini"])
def test_consecutive_same_role_messages_merge_into_one_turn_with_several_blocks(dst):
    body = chat({"role": "user", "content": "one"}, {"role": "user", "content": "two"})
    out = req("openai_chat", dst, body).payload
    turns = out["messages"] if dst == "claude" else out["contents"]
    assert len(turns) == 1
    blocks = turns[0]["content"] if dst == "claude" else turns[0]["parts"]
    assert [b["text"] for b in blocks] == ["one", "two"]


def test_empty_text_is_not_sent_to_claude_and_no_placeholder_is_invented():
    body = chat(
        {
            "role": "user",
            "content": [{"type": "text", "text": ""}, {"type": "text", "text": "real"}],
        }
    )
    out = req("openai_chat", "claude", body).payload
    assert out["messages"][0]["content"] == [{"type": "text", "text": "real"}]


def test_gemini_roles_are_user_and_model_and_function_responses_sit_in_user_turns():
    out = req("openai_chat", "gemini", REQUESTS["openai_chat"]).payload
    assert [c["role"] for c in out["contents"]] == ["user", "model", "user"]
    assert "functionResponse" in out["contents"][2]["parts"][0]


# Images, audio, documents -------------------------------------------------------------------------


def _image_msg(url):
    return chat({"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]})


@pytest.mark.parametrize("dst", ["claude", "gemini", "openai_responses"])
def test_data_url_images_become_inline_base64(dst):
    out = req("openai_chat", dst, _image_msg(f"data:image/png;base64,{PNG}")).payload
    assert meaning.MEANING[dst](out)["turns"][0][1] == [("image", "image/png", PNG)]


@pytest.mark.parametrize("dst", ["claude", "gemini", "openai_responses"])
def test_https_images_stay_urls_and_are_never_downloaded(dst, monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("the translator opened a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    url = "https://example.com/cat.jpg"
    out = req("openai_chat", dst, _image_msg(url)).payload
    assert meaning.MEANING[dst](out)["turns"][0][1] == [("image", url, None)]
    if dst == "claude":
        assert out["messages"][0]["content"][0]["source"] == {"type": "url", "url": url}
    if dst == "gemini":
        assert out["contents"][0]["parts"][0]["fileData"] == {
            "fileUri": url,
            "mimeType": "image/jpeg",
        }


@pytest.mark.parametrize("src", ["claude", "gemini", "openai_responses"])
def test_url_images_back_to_chat_are_urls_not_broken_data_urls(src):
    body = req("openai_chat", src, _image_msg("https://example.com/cat.jpg")).payload
    out = req(src, "openai_chat", body).payload
    assert out["messages"][0]["content"][0]["image_url"]["url"] == "https://example.com/cat.jpg"


def test_image_detail_is_kept_for_responses_and_a_loss_for_claude():
    body = chat(
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": "https://x/a.png", "detail": "low"}}
            ],
        }
    )
    assert (
        req("openai_chat", "openai_responses", body).payload["input"][0]["content"][0]["detail"]
        == "low"
    )
    with pytest.raises(TranslationError, match=r"messages\[0\].content\[0\]"):
        req("openai_chat", "claude", body)


def _audio():
    return chat(
        {
            "role": "user",
            "content": [{"type": "input_audio", "input_audio": {"data": WAV, "format": "wav"}}],
        }
    )


def test_audio_goes_to_gemini_inline_and_back():
    out = req("openai_chat", "gemini", _audio()).payload
    assert out["contents"][0]["parts"][0] == {"inlineData": {"mimeType": "audio/wav", "data": WAV}}
    back = req("gemini", "openai_chat", out).payload
    assert back["messages"][0]["content"][0] == {
        "type": "input_audio",
        "input_audio": {"data": WAV, "format": "wav"},
    }


@pytest.mark.parametrize("dst", ["claude", "openai_responses"])
def test_audio_is_a_loss_where_the_target_has_no_audio_input(dst):
    with pytest.raises(TranslationError, match=r"messages\[0\].content\[0\]"):
        req("openai_chat", dst, _audio())


def _pdf():
    return chat(
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Summarise"},
                {
                    "type": "file",
                    "file": {
                        "file_data": f"data:application/pdf;base64,{PDF}",
                        "filename": "a.pdf",
                    },
                },
            ],
        }
    )


def test_pdf_documents_in_every_format():
    claude = req("openai_chat", "claude", _pdf()).payload["messages"][0]["content"][1]
    assert claude == {
        "type": "document",
        "source": {"type": "base64", "media_type": "application/pdf", "data": PDF},
        "title": "a.pdf",
    }
    gem = req("openai_chat", "gemini", _pdf()).payload["contents"][0]["parts"][1]
    assert gem == {"inlineData": {"mimeType": "application/pdf", "data": PDF}}
    resp = req("openai_chat", "openai_responses", _pdf()).payload["input"][0]["content"][1]
    assert resp == {
        "type": "input_file",
        "file_data": f"data:application/pdf;base64,{PDF}",
        "filename": "a.pdf",
    }
    for src, body in (
        (
            "claude",
            {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": [claude]}]},
        ),
    ):
        back = req(src, "openai_chat", body).payload["messages"][0]["content"][0]
        assert back["file"]["file_data"] == f"data:application/pdf;base64,{PDF}"


# Tools ------------------------------------------------------------------------------------------

STRICT_SCHEMA = {
    "type": "object",
    "properties": {"q": {"type": ["string", "null"], "minLength": 1}},
    "required": ["q"],
    "additionalProperties": False,
}


@pytest.mark.parametrize("dst", ["claude", "openai_responses"])
def test_full_json_schema_of_tools_is_copied(dst):
    body = chat(
        {"role": "user", "content": "x"},
        tools=[{"type": "function", "function": {"name": "search", "parameters": STRICT_SCHEMA}}],
    )
    out = req("openai_chat", dst, body).payload
    tool = out["tools"][0]
    assert (tool.get("input_schema") or tool.get("parameters")) == STRICT_SCHEMA


def test_gemini_tool_schema_is_reduced_with_a_finding_naming_the_keyword():
    body = chat(
        {"role": "user", "content": "x"},
        tools=[{"type": "function", "function": {"name": "search", "parameters": STRICT_SCHEMA}}],
    )
    with pytest.raises(TranslationError) as err:
        req("openai_chat", "gemini", body)
    assert err.value.path == "tools[0].function.parameters.additionalProperties"
    out = req("openai_chat", "gemini", body, policy="lenient")
    params = out.payload["tools"][0]["functionDeclarations"][0]["parameters"]
    assert params == {
        "type": "object",
        "properties": {"q": {"type": "string", "nullable": True, "minLength": 1}},
        "required": ["q"],
    }
    assert paths(out) == ["tools[0].function.parameters.additionalProperties"]


CHOICES = {
    "openai_chat": {
        "auto": "auto",
        "none": "none",
        "required": "required",
        "tool": {"type": "function", "function": {"name": "get_weather"}},
    },
    "claude": {
        "auto": {"type": "auto"},
        "none": {"type": "none"},
        "required": {"type": "any"},
        "tool": {"type": "tool", "name": "get_weather"},
    },
    "gemini": {
        "auto": {"functionCallingConfig": {"mode": "AUTO"}},
        "none": {"functionCallingConfig": {"mode": "NONE"}},
        "required": {"functionCallingConfig": {"mode": "ANY"}},
        "tool": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}},
    },
    "openai_responses": {
        "auto": "auto",
        "none": "none",
        "required": "required",
        "tool": {"type": "function", "name": "get_weather"},
    },
}
CHOICE_FIELD = {
    "openai_chat": "tool_choice",
    "claude": "tool_choice",
    "gemini": "toolConfig",
    "openai_responses": "tool_choice",
}


@pytest.mark.parametrize("mode", ["auto", "none", "required", "tool"])
@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_tool_choice_modes(src, dst, mode):
    body = dict(REQUESTS[src])
    body[CHOICE_FIELD[src]] = CHOICES[src][mode]
    out = req(src, dst, body, policy="lenient").payload
    assert out[CHOICE_FIELD[dst]] == CHOICES[dst][mode]


def test_parallel_tool_calls_off_maps_to_claude_disable_parallel_and_back():
    body = chat({"role": "user", "content": "x"}, tool_choice="required", parallel_tool_calls=False)
    out = req("openai_chat", "claude", body).payload
    assert out["tool_choice"] == {"type": "any", "disable_parallel_tool_use": True}
    assert req("claude", "openai_chat", out).payload["parallel_tool_calls"] is False
    assert req("claude", "openai_responses", out).payload["parallel_tool_calls"] is False
    with pytest.raises(TranslationError, match="parallel_tool_calls"):
        req("openai_chat", "gemini", body)


def test_tool_result_name_is_looked_up_by_id_for_gemini():
    out = req("openai_chat", "gemini", REQUESTS["openai_chat"]).payload
    resp = out["contents"][2]["parts"][0]["functionResponse"]
    assert resp == {"id": "call_1", "name": "get_weather", "response": {"output": "18C and sunny"}}


def test_gemini_calls_without_ids_get_minted_ids_that_pair_with_their_responses():
    body = {
        "contents": [
            {"role": "user", "parts": [{"text": "weather in A and B"}]},
            {
                "role": "model",
                "parts": [
                    {"functionCall": {"name": "w", "args": {"c": "A"}}},
                    {"functionCall": {"name": "w", "args": {"c": "B"}}},
                ],
            },
            {
                "role": "user",
                "parts": [
                    {"functionResponse": {"name": "w", "response": {"output": "a"}}},
                    {"functionResponse": {"name": "w", "response": {"output": "b"}}},
                ],
            },
        ]
    }
    for dst in ("openai_chat", "claude", "openai_responses"):
        m = meaning.MEANING[dst](req("gemini", dst, body).payload)
        calls = [i for _, items in m["turns"] for i in items if i[0] == "call"]
        results = [i for _, items in m["turns"] for i in items if i[0] == "result"]
        assert [c[1] for c in calls] == [r[1] for r in results]
        assert len({c[1] for c in calls}) == 2
        assert [r[2] for r in results] == ["a", "b"]
    # ...and the minted ids never reach Gemini again.
    back = req("openai_chat", "gemini", req("gemini", "openai_chat", body).payload).payload
    assert back["contents"] == body["contents"]


@pytest.mark.parametrize("policy", ["strict", "lenient"])
@pytest.mark.parametrize("dst", ["claude", "gemini", "openai_responses"])
def test_invalid_tool_call_json_is_an_error_in_both_policies(dst, policy):
    body = chat(
        {"role": "user", "content": "x"},
        {
            "role": "assistant",
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": '{"a": '}}
            ],
        },
    )
    with pytest.raises(TranslationError) as err:
        translate_request("openai_chat", dst, body, policy=policy)
    assert err.value.path == "messages[1].tool_calls[0].function.arguments"


def test_responses_invalid_function_call_arguments_are_an_error():
    body = {
        "model": "m",
        "input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": "nope"}],
    }
    with pytest.raises(TranslationError, match=r"input\[0\].arguments"):
        translate_request("openai_responses", "claude", body, policy="lenient")


def test_assistant_text_beside_tool_calls_is_kept_everywhere():
    for dst in ("claude", "gemini", "openai_responses"):
        m = meaning.MEANING[dst](
            req("openai_chat", dst, REQUESTS["openai_chat"], policy="lenient").payload
        )
        assistant = next(items for role, items in m["turns"] if role == "assistant")
        assert [i[0] for i in assistant] == ["text", "call"]


def _error_result():
    return {
        "model": "c",
        "max_tokens": 10,
        "messages": [
            {"role": "user", "content": "x"},
            {
                "role": "assistant",
                "content": [{"type": "tool_use", "id": "t1", "name": "f", "input": {}}],
            },
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": "t1",
                        "is_error": True,
                        "content": [
                            {"type": "text", "text": "boom"},
                            {
                                "type": "image",
                                "source": {
                                    "type": "base64",
                                    "media_type": "image/png",
                                    "data": PNG,
                                },
                            },
                        ],
                    }
                ],
            },
        ],
    }


def test_tool_error_results_and_images_in_results_reach_gemini():
    out = req("claude", "gemini", _error_result()).payload
    resp = out["contents"][2]["parts"][0]["functionResponse"]
    assert resp["response"] == {"error": "boom"}
    assert resp["parts"] == [{"inlineData": {"mimeType": "image/png", "data": PNG}}]
    back = req("gemini", "claude", out).payload
    assert back["messages"][2]["content"][0]["is_error"] is True
    assert back["messages"][2]["content"][0]["content"][1]["type"] == "image"


def test_tool_error_flag_and_result_images_are_losses_for_chat():
    with pytest.raises(TranslationError, match=r"messages\[2\].content\[0\]"):
        req("claude", "openai_chat", _error_result())
    out = req("claude", "openai_chat", _error_result(), policy="lenient")
    assert paths(out) == ["messages[2].content[0]", "messages[2].content[0].content[1]"]
    assert out.payload["messages"][2] == {"role": "tool", "tool_call_id": "t1", "content": "boom"}


def test_images_in_results_reach_responses_as_output_list():
    out = req("claude", "openai_responses", _error_result(), policy="lenient")
    item = out.payload["input"][2]
    assert item["type"] == "function_call_output"
    assert [p["type"] for p in item["output"]] == ["input_text", "input_image"]


# Thinking ---------------------------------------------------------------------------------------


def test_claude_thinking_signature_survives_gemini_and_back():
    gem = req("claude", "gemini", REQUESTS["claude"]).payload
    part = gem["contents"][1]["parts"][0]
    assert part == {
        "text": "The user wants weather.",
        "thought": True,
        "thoughtSignature": REQUESTS["claude"]["messages"][1]["content"][0]["signature"],
    }
    back = req("gemini", "claude", gem).payload
    assert back["messages"] == REQUESTS["claude"]["messages"]


def test_gemini_signatures_on_function_calls_survive_claude_and_responses_round_trips():
    for via in ("claude", "openai_responses"):
        mid = req("gemini", via, REQUESTS["gemini"], model="g", policy="lenient").payload
        back = req(via, "gemini", mid).payload
        assert back["contents"] == REQUESTS["gemini"]["contents"], via


def test_claude_thinking_signature_survives_responses_as_encrypted_content():
    mid = req("claude", "openai_responses", REQUESTS["claude"], policy="lenient").payload
    reasoning = next(i for i in mid["input"] if i["type"] == "reasoning")
    assert (
        reasoning["encrypted_content"]
        == REQUESTS["claude"]["messages"][1]["content"][0]["signature"]
    )
    assert (
        req("openai_responses", "claude", mid, policy="lenient").payload["messages"]
        == REQUESTS["claude"]["messages"]
    )


def test_redacted_thinking_is_kept_for_claude_and_a_loss_elsewhere():
    body = {
        "model": "c",
        "max_tokens": 10,
        "messages": [
            {"role": "user", "content": "x"},
            {
                "role": "assistant",
                "content": [
                    {"type": "redacted_thinking", "data": "opaque"},
                    {"type": "text", "text": "y"},
                ],
            },
            {"role": "user", "content": "z"},
        ],
    }
    for dst in ("gemini", "openai_chat", "openai_responses"):
        with pytest.raises(TranslationError, match=r"messages\[1\].content\[0\]"):
            req("claude", dst, body)


EFFORTS = [("low", 2048), ("medium", 8192), ("high", 16384)]


@pytest.mark.parametrize("effort,budget", EFFORTS)
def test_reasoning_effort_thinking_budget_and_thinking_config(effort, budget):
    body = chat(
        {"role": "user", "content": "x"}, reasoning_effort=effort, max_completion_tokens=32000
    )
    claude = req("openai_chat", "claude", body).payload
    assert claude["thinking"] == {"type": "enabled", "budget_tokens": budget}
    assert req("claude", "openai_chat", claude).payload["reasoning_effort"] == effort
    gem = req("openai_chat", "gemini", body).payload
    assert gem["generationConfig"]["thinkingConfig"] == {"thinkingLevel": effort}
    assert req("claude", "gemini", claude).payload["generationConfig"]["thinkingConfig"] == {
        "thinkingBudget": budget
    }
    assert req("openai_chat", "openai_responses", body).payload["reasoning"] == {"effort": effort}


def test_thinking_budget_stays_below_claude_max_tokens():
    body = chat({"role": "user", "content": "x"}, reasoning_effort="high")
    out = req("openai_chat", "claude", body).payload
    assert out["thinking"]["budget_tokens"] < out["max_tokens"]
    small = chat(
        {"role": "user", "content": "x"}, reasoning_effort="high", max_completion_tokens=100
    )
    with pytest.raises(TranslationError, match="reasoning_effort"):
        req("openai_chat", "claude", small)


# Structured output --------------------------------------------------------------------------------

SCHEMA = {
    "type": "object",
    "properties": {"a": {"type": "integer"}},
    "required": ["a"],
    "additionalProperties": False,
}


def test_structured_output_in_every_format():
    body = chat(
        {"role": "user", "content": "x"},
        response_format={
            "type": "json_schema",
            "json_schema": {"name": "r", "schema": SCHEMA, "strict": True},
        },
    )
    claude = req("openai_chat", "claude", body).payload
    assert claude["output_config"] == {"format": {"type": "json_schema", "schema": SCHEMA}}
    gem = req("openai_chat", "gemini", body).payload
    assert gem["generationConfig"] == {
        "responseMimeType": "application/json",
        "responseJsonSchema": SCHEMA,
    }
    resp = req("openai_chat", "openai_responses", body).payload
    assert resp["text"] == {
        "format": {"type": "json_schema", "name": "r", "schema": SCHEMA, "strict": True}
    }
    assert (
        req("openai_responses", "openai_chat", resp).payload["response_format"]
        == body["response_format"]
    )
    for src, payload in (("claude", claude), ("gemini", gem)):
        back = req(src, "openai_chat", payload).payload["response_format"]
        assert back["json_schema"]["schema"] == SCHEMA


def test_json_mode_without_schema_is_a_loss_for_claude_only():
    body = chat({"role": "user", "content": "x"}, response_format={"type": "json_object"})
    assert req("openai_chat", "gemini", body).payload["generationConfig"] == {
        "responseMimeType": "application/json"
    }
    with pytest.raises(TranslationError, match="response_format"):
        req("openai_chat", "claude", body)


# Parameters -------------------------------------------------------------------------------------


@pytest.mark.parametrize("src,dst", DIRECTIONS, ids=DIRECTION_IDS)
def test_zero_temperature_is_kept(src, dst):
    body = req("openai_chat", src, chat({"role": "user", "content": "x"}, temperature=0)).payload
    out = req(src, dst, body).payload
    value = out["generationConfig"]["temperature"] if dst == "gemini" else out["temperature"]
    assert value == 0


def test_gemini_takes_at_most_five_stop_sequences():
    body = chat({"role": "user", "content": "x"}, stop=["a", "b", "c", "d"])
    claude = req("openai_chat", "claude", body).payload
    claude["stop_sequences"] = claude["stop_sequences"] + ["e", "f"]
    with pytest.raises(TranslationError, match=r"stop_sequences\[5:\]"):
        req("claude", "gemini", claude)
    out = req("claude", "gemini", claude, policy="lenient").payload
    assert out["generationConfig"]["stopSequences"] == ["a", "b", "c", "d", "e"]
    assert req("gemini", "openai_chat", req("openai_chat", "gemini", body).payload).payload[
        "stop"
    ] == ["a", "b", "c", "d"]


def test_single_stop_string_becomes_a_list():
    assert req("openai_chat", "claude", chat({"role": "user", "content": "x"}, stop="END")).payload[
        "stop_sequences"
    ] == ["END"]


def test_n_seed_logprobs_penalties_map_to_gemini_and_back():
    body = chat(
        {"role": "user", "content": "x"},
        n=2,
        seed=7,
        logprobs=True,
        top_logprobs=3,
        presence_penalty=0.5,
        frequency_penalty=0.25,
    )
    gen = req("openai_chat", "gemini", body).payload["generationConfig"]
    assert gen == {
        "candidateCount": 2,
        "seed": 7,
        "responseLogprobs": True,
        "logprobs": 3,
        "presencePenalty": 0.5,
        "frequencyPenalty": 0.25,
    }
    back = req(
        "gemini", "openai_chat", req("openai_chat", "gemini", body).payload, model="gpt-4o"
    ).payload
    assert {
        k: back[k]
        for k in ("n", "seed", "logprobs", "top_logprobs", "presence_penalty", "frequency_penalty")
    } == {
        k: body[k]
        for k in ("n", "seed", "logprobs", "top_logprobs", "presence_penalty", "frequency_penalty")
    }


def test_claude_cannot_say_n_seed_or_logprobs():
    body = chat({"role": "user", "content": "x"}, n=2, seed=7, logprobs=True)
    out = req("openai_chat", "claude", body, policy="lenient")
    assert paths(out) == ["seed", "n", "logprobs"]
    neutral = chat({"role": "user", "content": "x"}, n=1, logprobs=False)
    assert req("openai_chat", "claude", neutral).warnings == []


def test_user_maps_to_claude_metadata_user_id():
    out = req("openai_chat", "claude", chat({"role": "user", "content": "x"}, user="u-1")).payload
    assert out["metadata"] == {"user_id": "u-1"}
    assert req("claude", "openai_responses", out).payload["user"] == "u-1"


# Refusals and unknown fields --------------------------------------------------------------------


@pytest.mark.parametrize("field", ["previous_response_id", "conversation"])
@pytest.mark.parametrize("policy", ["strict", "lenient"])
def test_stateful_responses_fields_are_refused(field, policy):
    body = {"model": "m", "input": "hi", field: "resp_123"}
    with pytest.raises(TranslationError) as err:
        translate_request("openai_responses", "claude", body, policy=policy)
    assert err.value.path == field


@pytest.mark.parametrize("src", FORMATS)
def test_unknown_fields_are_reported_never_dropped_silently(src):
    body = dict(REQUESTS[src], frobnicate=True)
    dst = "claude" if src != "claude" else "openai_chat"
    out = req(src, dst, body, policy="lenient")
    assert "frobnicate" in paths(out)


def test_gemini_target_gets_model_and_stream_in_the_result_not_the_body():
    result = req("openai_chat", "gemini", chat({"role": "user", "content": "x"}, stream=True))
    assert result.model == "gpt-4o" and result.stream is True
    assert "model" not in result.payload and "stream" not in result.payload


def test_chat_target_streams_ask_for_usage():
    out = req(
        "claude", "openai_chat", dict(REQUESTS["claude"], stream=True), policy="lenient"
    ).payload
    assert out["stream_options"] == {"include_usage": True}


def test_unknown_format_and_policy_are_rejected():
    with pytest.raises(ValueError):
        translate_request("openai_chat", "mistral", {})
    with pytest.raises(ValueError):
        translate_request("openai_chat", "claude", REQUESTS["openai_chat"], policy="maybe")


def test_adaptive_thinking_is_gemini_dynamic_budget_and_a_loss_for_openai():
    body = {
        "model": "c",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": "x"}],
        "thinking": {"type": "adaptive"},
    }
    gem = req("claude", "gemini", body).payload
    assert gem["generationConfig"]["thinkingConfig"] == {"thinkingBudget": -1}
    assert req("gemini", "claude", gem, model="c").payload["thinking"] == {"type": "adaptive"}
    for dst in ("openai_chat", "openai_responses"):
        with pytest.raises(TranslationError, match="thinking"):
            req("claude", dst, body)


# Responses-specific ------------------------------------------------------------------------------


@pytest.mark.parametrize("dst", ["openai_chat", "claude", "gemini"])
def test_responses_string_input_and_instructions(dst):
    body = {"model": "gpt-5", "instructions": "Be terse.", "input": "Hello"}
    m = meaning.MEANING[dst](req("openai_responses", dst, body).payload)
    assert m == {"system": ["Be terse."], "turns": [("user", [("text", "Hello")])]}


def test_responses_reasoning_item_becomes_a_signed_gemini_thought_and_back():
    gem = req("openai_responses", "gemini", REQUESTS["openai_responses"], policy="lenient").payload
    thought = gem["contents"][1]["parts"][0]
    assert thought == {
        "text": "The user wants weather.",
        "thought": True,
        "thoughtSignature": REQUESTS["openai_responses"]["input"][1]["encrypted_content"],
    }
    back = req("gemini", "openai_responses", gem, policy="lenient").payload
    reasoning = next(i for i in back["input"] if i["type"] == "reasoning")
    assert reasoning["encrypted_content"] == thought["thoughtSignature"]


def test_gemini_structured_output_and_tools_reach_responses():
    body = {
        "contents": [{"role": "user", "parts": [{"text": "x"}]}],
        "tools": [{"functionDeclarations": [{"name": "f", "parameters": {"type": "OBJECT"}}]}],
        "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["f"]}},
        "generationConfig": {
            "responseMimeType": "application/json",
            "responseSchema": {"type": "OBJECT"},
        },
    }
    out = req("gemini", "openai_responses", body).payload
    assert out["tools"] == [
        {"type": "function", "name": "f", "parameters": {"type": "object"}, "strict": None}
    ]
    assert out["tool_choice"] == {"type": "function", "name": "f"}
    assert out["text"]["format"]["schema"] == {"type": "object"}


def test_responses_function_output_with_an_image_reaches_claude_tool_result():
    body = {
        "model": "m",
        "input": [
            {"role": "user", "content": "look"},
            {"type": "function_call", "call_id": "c1", "name": "shot", "arguments": "{}"},
            {
                "type": "function_call_output",
                "call_id": "c1",
                "output": [
                    {"type": "input_text", "text": "here"},
                    {
                        "type": "input_image",
                        "image_url": f"data:image/png;base64,{PNG}",
                        "detail": "auto",
                    },
                ],
            },
        ],
    }
    out = req("openai_responses", "claude", body).payload
    result = out["messages"][2]["content"][0]
    assert result["tool_use_id"] == "c1"
    assert [b["type"] for b in result["content"]] == ["text", "image"]


def test_a_gemini_request_without_a_model_needs_one_for_other_formats():
    body = {"contents": [{"role": "user", "parts": [{"text": "x"}]}]}
    with pytest.raises(TranslationError) as err:
        translate_request("gemini", "claude", body, policy="lenient")
    assert err.value.path == "model"
    out = translate_request("gemini", "claude", body, model="claude-x").payload
    assert out["model"] == "claude-x"


@pytest.mark.parametrize("policy", ["strict", "lenient"])
def test_tool_names_the_target_rejects_are_an_error(policy):
    body = {
        "contents": [{"role": "user", "parts": [{"text": "x"}]}],
        "tools": [{"functionDeclarations": [{"name": "maps.lookup", "description": "d"}]}],
    }
    with pytest.raises(TranslationError) as err:
        translate_request("gemini", "openai_chat", body, policy=policy, model="m")
    assert err.value.path == "tools[0].functionDeclarations[0].name"
    long_name = "f" * 100
    chat_body = chat(
        {"role": "user", "content": "x"},
        tools=[{"type": "function", "function": {"name": long_name}}],
    )
    assert req("openai_chat", "claude", chat_body).payload["tools"][0]["name"] == long_name
    with pytest.raises(TranslationError, match="not a valid openai_responses tool name"):
        translate_request(
            "claude", "openai_responses", req("openai_chat", "claude", chat_body).payload
        )


def test_gemini_requests_are_read_in_snake_case_too_but_user_data_keeps_its_keys():
    # google-genai sends some nested fields in snake_case; protobuf JSON accepts both spellings.
    body = {
        "contents": [{"role": "user", "parts": [
            {"inline_data": {"mime_type": "image/png", "data": PNG}},
            {"function_call": {"name": "lookup", "args": {"user_id": 7}}},
        ]}],
        "generation_config": {"max_output_tokens": 4000,
                              "thinking_config": {"include_thoughts": True, "thinking_budget": 2048}},
    }
    result = translate_request("gemini", "claude", body, policy="strict", model="claude-x")
    image, call = result.payload["messages"][0]["content"]
    assert image["source"] == {"type": "base64", "media_type": "image/png", "data": PNG}
    assert call["input"] == {"user_id": 7}  # function arguments are not renamed
    assert result.payload["max_tokens"] == 4000
    assert result.payload["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert result.warnings == []
