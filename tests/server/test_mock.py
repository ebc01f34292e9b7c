"""The generated mock handlers (what `make serve` runs): the three SDKs get the spec's examples;
httpx covers the routes the SDKs do not (Qwen, Kling, Jimeng, generic video, rerank)."""

from __future__ import annotations

from collections.abc import Iterator

import anthropic
import httpx
import openai
import pytest
from google import genai
from google.genai import types

from tests.server.conftest import ServerThread
from tests.server.spec_requests import resolve, spec

AUTH = {"authorization": "Bearer any"}


def example(path: str, method: str, name: str, status: str = "200",
            media: str = "application/json") -> object:
    content = resolve(spec()["paths"][path][method]["responses"][status])["content"][media]
    return content["examples"][name]["value"]


def request_example(path: str, method: str, name: str, media: str = "application/json") -> object:
    return spec()["paths"][path][method]["requestBody"]["content"][media]["examples"][name]["value"]


@pytest.fixture(scope="module")
def url(mock_server: ServerThread) -> Iterator[str]:
    yield mock_server.base


def test_openai_sdk_against_the_mock(url: str) -> None:
    client = openai.OpenAI(base_url=f"{url}/v1", api_key="any", max_retries=0)
    listed = example("/v1/models", "get", "openai")
    assert [m.id for m in client.models.list()] == [m["id"] for m in listed["data"]]
    with client.chat.completions.stream(
            model="gpt-4o", messages=[{"role": "user", "content": "hi"}]) as stream:
        final = stream.get_final_completion()
    events = example("/v1/chat/completions", "post", next(iter(
        spec()["paths"]["/v1/chat/completions"]["post"]["responses"]["200"]["content"]
        ["text/event-stream"]["examples"])), media="text/event-stream")
    expected = "".join(e["choices"][0]["delta"].get("content") or ""
                       for e in events if e["choices"])
    assert final.choices[0].message.content == expected and expected
    with client.responses.stream(model="gpt-4o", input="hi") as rstream:
        assert rstream.get_final_response().output_text
    video = client.videos.create(model="sora-2", prompt="x")
    # The task moves from queued to completed across status calls.
    states = [client.videos.retrieve(video.id).status for _ in range(3)]
    assert video.status == "queued" and states == ["in_progress", "completed", "completed"]
    assert client.videos.download_content(video.id).read()[4:8] == b"ftyp"
    assert client.audio.speech.create(model="tts-1", voice="alloy", input="x").read()[:3] == b"ID3"
    embedding = client.embeddings.create(model="text-embedding-3-small", input="x")
    assert len(embedding.data[0].embedding) > 0


def test_anthropic_sdk_against_the_mock(url: str) -> None:
    client = anthropic.Anthropic(base_url=url, api_key="any", max_retries=0)
    with client.messages.stream(model="claude-sonnet-4-5", max_tokens=64,
                                messages=[{"role": "user", "content": "hi"}]) as stream:
        text = "".join(stream.text_stream)
    assert text.startswith("Waves fold")
    message = client.messages.create(model="claude-sonnet-4-5", max_tokens=64,
                                     messages=[{"role": "user", "content": "hi"}])
    assert message.content and message.content[0].type in ("text", "thinking")
    claude_list = example("/v1/models", "get", "claude")
    assert [m.id for m in client.models.list()] == [m["id"] for m in claude_list["data"]]


def test_gemini_sdk_against_the_mock(url: str) -> None:
    client = genai.Client(api_key="any", http_options=types.HttpOptions(base_url=url))
    assert client.models.generate_content(model="gemini-2.5-flash", contents="hi").text
    chunks = [c.text for c in client.models.generate_content_stream(model="gemini-2.5-flash",
                                                                     contents="hi")]
    assert len(chunks) >= 2 and all(chunks)
    assert client.models.embed_content(model="text-embedding-004", contents=["a"]).embeddings
    assert [m.name for m in client.models.list()]


def test_qwen_image_formats_pick_the_matching_example(url: str) -> None:
    qwen = httpx.post(f"{url}/v1/images/generations", headers=AUTH,
                      json=request_example("/v1/images/generations", "post", "qwen"))
    assert qwen.json() == example("/v1/images/generations", "post", "qwen")
    edit = httpx.post(f"{url}/v1/images/edits", headers=AUTH,
                      json=request_example("/v1/images/edits", "post", "qwen"))
    assert edit.json() == example("/v1/images/edits", "post", "qwen")
    openai_edit = httpx.post(f"{url}/v1/images/edits", headers=AUTH,
                             data={"prompt": "scarf", "model": "gpt-image-1"},
                             files={"image": ("a.png", b"\x89PNG", "image/png")})
    assert openai_edit.json() == example("/v1/images/edits", "post", "openai")


def test_kling_task_lifecycle(url: str) -> None:
    submitted = httpx.post(f"{url}/kling/v1/videos/text2video", headers=AUTH, json=request_example(
        "/kling/v1/videos/text2video", "post", "text2video")).json()
    assert submitted["status"] == "queued"
    task = submitted["task_id"]
    status = httpx.get(f"{url}/kling/v1/videos/text2video/{task}", headers=AUTH).json()
    assert status["task_id"] == task and status["status"] in ("in_progress", "completed",
                                                              "succeed")


def test_generic_video_task_moves_from_queued_to_completed(url: str) -> None:
    body = request_example("/v1/video/generations", "post", "text_to_video")
    task = httpx.post(f"{url}/v1/video/generations", headers=AUTH, json=body).json()["task_id"]
    states = [httpx.get(f"{url}/v1/video/generations/{task}-x", headers=AUTH).json()["status"]
              for _ in range(3)]
    assert states == ["queued", "completed", "completed"]


def test_jimeng_action_query_parameter(url: str) -> None:
    query = {"Version": "2022-08-31"}
    submit = httpx.post(f"{url}/jimeng/", params={**query, "Action": "CVSync2AsyncSubmitTask"},
                        headers=AUTH, json=request_example("/jimeng/", "post", "submit")).json()
    assert submit["data"]["task_id"]
    result = httpx.post(f"{url}/jimeng/", params={**query, "Action": "CVSync2AsyncGetResult"},
                        headers=AUTH, json=request_example("/jimeng/", "post", "get_result")).json()
    assert result["data"]["status"] == "done" and result["data"]["video_url"].endswith(".mp4")
    bad = httpx.post(f"{url}/jimeng/", params={**query, "Action": "Nope"}, headers=AUTH, json={})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "Action"


def test_rerank(url: str) -> None:
    answer = httpx.post(f"{url}/v1/rerank", headers=AUTH,
                        json=request_example("/v1/rerank", "post", "capitals"))
    assert answer.json() == example("/v1/rerank", "post", "capitals")
    assert answer.json()["results"][0]["relevance_score"] > 0.9
