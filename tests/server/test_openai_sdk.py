"""The official openai SDK, unmodified, against the generated server with the tests' handlers."""

from __future__ import annotations

import base64
import struct

import openai
import pytest

from tests.server.conftest import KEY

WEATHER_TOOL = {"type": "function", "function": {
    "name": "get_weather", "description": "Weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                   "required": ["city"]}}}


@pytest.fixture(scope="module")
def client(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=KEY, max_retries=0)


def test_models_list_and_retrieve(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["gpt-test", "gpt-test-mini"]
    model = client.models.retrieve("gpt-test-mini")
    assert (model.id, model.owned_by) == ("gpt-test-mini", "tests")


def test_chat_create_echoes_the_prompt(client: openai.OpenAI) -> None:
    answer = client.chat.completions.create(
        model="gpt-test", messages=[{"role": "system", "content": "be brief"},
                                    {"role": "user", "content": "hello there"}])
    assert answer.choices[0].message.content == "echo: hello there"
    assert answer.usage is not None and answer.usage.total_tokens == 12


def test_chat_content_parts_are_accepted(client: openai.OpenAI) -> None:
    answer = client.chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": [
            {"type": "text", "text": "parts"}, {"type": "text", "text": " work"}]}])
    assert answer.choices[0].message.content == "echo: parts work"


def test_chat_create_with_tools(client: openai.OpenAI) -> None:
    answer = client.chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "weather?"}],
        tools=[WEATHER_TOOL])
    call = answer.choices[0].message.tool_calls[0]
    assert answer.choices[0].finish_reason == "tool_calls"
    assert (call.function.name, call.function.arguments) == ("get_weather", '{"city": "Paris"}')


def test_chat_stream_raw(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "one two three"}], stream=True)
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "echo: one two three "
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_chat_stream_with_tools(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="gpt-test", messages=[{"role": "user", "content": "weather?"}],
        tools=[WEATHER_TOOL], stream=True)
    args = ""
    names = set()
    for chunk in stream:
        for call in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
            args += call.function.arguments or ""
            names.add(call.function.name)
    assert args == '{"city": "Rome"}'
    assert "get_weather" in names


def test_chat_completions_stream_helper(client: openai.OpenAI) -> None:
    with client.chat.completions.stream(
            model="gpt-test", messages=[{"role": "user", "content": "helper works"}]) as stream:
        deltas = [e.delta for e in stream if e.type == "content.delta"]
        final = stream.get_final_completion()
    assert "".join(deltas) == "echo: helper works "
    assert final.choices[0].message.content == "echo: helper works "


def test_chat_stream_helper_with_tools(client: openai.OpenAI) -> None:
    with client.chat.completions.stream(
            model="gpt-test", messages=[{"role": "user", "content": "weather?"}],
            tools=[WEATHER_TOOL]) as stream:
        final = stream.get_final_completion()
    call = final.choices[0].message.tool_calls[0]
    assert (call.function.name, call.function.arguments) == ("get_weather", '{"city": "Rome"}')


def test_responses_create(client: openai.OpenAI) -> None:
    answer = client.responses.create(model="gpt-test", input="hi responses")
    assert answer.output_text == "responded: hi responses"


def test_responses_stream_helper(client: openai.OpenAI) -> None:
    with client.responses.stream(model="gpt-test", input="stream me") as stream:
        deltas = [e.delta for e in stream if e.type == "response.output_text.delta"]
        final = stream.get_final_response()
    assert "".join(deltas) == "responded: stream me"
    assert final.output_text == "responded: stream me" and final.id == "resp_test"


def test_completions_create_and_stream(client: openai.OpenAI) -> None:
    answer = client.completions.create(model="gpt-test-instruct", prompt="the prompt")
    assert answer.choices[0].text == " completed: the prompt"
    streamed = client.completions.create(model="gpt-test-instruct", prompt="p2", stream=True)
    assert "".join(c.choices[0].text for c in streamed) == " completed: p2"


def test_embeddings_float_and_base64(client: openai.OpenAI) -> None:
    floats = client.embeddings.create(model="emb", input=["abcd", "ab"], encoding_format="float")
    assert [d.embedding for d in floats.data] == [[4.0, 0.5, -1.25], [2.0, 0.5, -1.25]]
    # Without encoding_format the SDK asks for base64 and decodes float32 little-endian.
    decoded = client.embeddings.create(model="emb", input="abc")
    assert decoded.data[0].embedding == [3.0, 0.5, -1.25]
    raw = client.embeddings.with_raw_response.create(model="emb", input="abc")
    wire = raw.http_response.json()["data"][0]["embedding"]
    assert struct.unpack("<3f", base64.b64decode(wire)) == (3.0, 0.5, -1.25)


def test_images_generate(client: openai.OpenAI) -> None:
    image = client.images.generate(model="gpt-image-1", prompt="a red fox").data[0]
    assert base64.b64decode(image.b64_json) == b"a red fox"
    assert image.revised_prompt == "generated: a red fox"


def test_images_edit_multipart_keeps_every_field(client: openai.OpenAI) -> None:
    image = client.images.edit(
        model="gpt-image-1", prompt="add a hat",
        image=[("a.png", b"\x89PNG1234", "image/png"), ("b.png", b"\x89PNG56", "image/png")],
        input_fidelity="high", n=1).data[0]
    assert image.revised_prompt == "add a hat|2 images|14 bytes|['a.png', 'b.png']"


def test_audio_transcription_and_translation(client: openai.OpenAI) -> None:
    text = client.audio.transcriptions.create(
        model="whisper-1", file=("a.mp3", b"ID3" + b"x" * 97, "audio/mpeg"), language="fr")
    assert text.text == "heard 100 bytes in fr"
    plain = client.audio.transcriptions.create(
        model="whisper-1", file=("a.mp3", b"ID3x", "audio/mpeg"), response_format="text")
    assert plain.strip() == "heard 4 bytes in auto"
    translated = client.audio.translations.create(
        model="whisper-1", file=("a.mp3", b"12345", "audio/mpeg"), prompt="ctx")
    assert translated.text == "translated 5 bytes, prompt=ctx"


def test_audio_speech_streams_binary(client: openai.OpenAI) -> None:
    answer = client.audio.speech.create(model="tts-1", voice="alloy", input="say these words")
    assert answer.read() == b"ID3say;these;words;"
    assert answer.response.headers["content-type"] == "audio/mpeg"
    wav = client.audio.speech.create(model="tts-1", voice="alloy", input="x", response_format="wav")
    assert wav.response.headers["content-type"] == "audio/wav"


def test_moderations(client: openai.OpenAI) -> None:
    assert client.moderations.create(input="I will kill it").results[0].flagged is True
    assert client.moderations.create(input="hello").results[0].flagged is False


def test_videos_create_retrieve_download(client: openai.OpenAI) -> None:
    video = client.videos.create(model="sora-2", prompt="a cat", seconds="8")
    assert (video.id, video.status, video.seconds) == ("video_test", "queued", "8")
    with_ref = client.videos.create(model="sora-2", prompt="a cat",
                                    input_reference=("r.jpg", b"\xff\xd8", "image/jpeg"))
    assert with_ref.model_extra and with_ref.model_extra["has_reference"] is True
    assert client.videos.retrieve("video_42").status == "completed"
    content = client.videos.download_content("video_42")
    assert content.read() == b"\x00\x00\x00\x18ftypmp42video_42"
    assert content.response.headers["content-type"] == "video/mp4"


def test_errors_are_openai_error_classes(client: openai.OpenAI, base: str) -> None:
    bad = openai.OpenAI(base_url=f"{base}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as auth:
        bad.models.list()
    assert auth.value.status_code == 401
    assert auth.value.body["type"] == "authentication_error"
    assert auth.value.body["message"] == "Missing or invalid API key."
    assert auth.value.message.startswith("Error code: 401 - ")
    assert auth.value.request_id and auth.value.request_id.startswith("req_")
    with pytest.raises(openai.NotFoundError) as missing:
        client.models.retrieve("missing")
    assert missing.value.body["message"] == "The model 'missing' does not exist."
    with pytest.raises(openai.RateLimitError) as limited:
        client.chat.completions.create(model="rate-limited",
                                       messages=[{"role": "user", "content": "x"}])
    assert limited.value.code == "rate_limit_exceeded"
    with pytest.raises(openai.BadRequestError) as invalid:
        client.chat.completions.create(model="gpt-test", messages="not a list")  # type: ignore[arg-type]
    assert invalid.value.body["type"] == "invalid_request_error"
    assert invalid.value.body["param"].startswith("messages")
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve("video_missing")


def test_error_raised_mid_stream_reaches_the_sdk(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="fail-mid-stream", messages=[{"role": "user", "content": "a b"}], stream=True)
    seen = []
    with pytest.raises(openai.APIError) as error:
        for chunk in stream:
            seen.append(chunk.choices[0].delta.content)
    assert "upstream broke mid-stream" in str(error.value)
    assert "a " in seen


def test_legacy_fine_tunes_answer_501(client: openai.OpenAI) -> None:
    with pytest.raises(openai.APIStatusError) as error:
        client.get("/fine-tunes", cast_to=object)
    assert error.value.status_code == 501
    assert error.value.body["type"] == "not_implemented_error"


def test_responses_error_event_mid_stream(client: openai.OpenAI, base: str) -> None:
    import httpx

    answer = httpx.post(f"{base}/v1/responses", headers={"authorization": f"Bearer {KEY}"},
                        json={"model": "fail-mid-stream", "input": "x", "stream": True})
    frames = [f for f in answer.text.split("\n\n") if f]
    assert frames[-1].startswith("event: error\ndata: ")
    # The SDK yields Responses' `error` event instead of raising.
    events = list(client.responses.create(model="fail-mid-stream", input="x", stream=True))
    assert events[0].type == "response.created"
    assert (events[-1].type, events[-1].message) == ("error", "responses broke mid-stream")
