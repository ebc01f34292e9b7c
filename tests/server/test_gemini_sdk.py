"""The official google-genai SDK (3.x calls /v1/models/...:action) and ?key= with httpx."""

from __future__ import annotations

import httpx
import pytest
from google import genai
from google.genai import errors, types


@pytest.fixture(scope="module")
def client(base: str) -> genai.Client:
    return genai.Client(api_key="gemini-key", http_options=types.HttpOptions(base_url=base))


def test_generate_content(client: genai.Client) -> None:
    answer = client.models.generate_content(model="gemini-test", contents="what is up")
    assert answer.text == "gemini gemini-test: what is up"
    assert answer.usage_metadata.total_token_count == 9


def test_generate_content_stream(client: genai.Client) -> None:
    chunks = list(client.models.generate_content_stream(model="gemini-test", contents="flow"))
    assert [c.text for c in chunks] == ["gemini", " streams:", " flow"]
    assert chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP


def test_batch_embed(client: genai.Client) -> None:
    answer = client.models.embed_content(model="text-embedding-test", contents=["abc", "abcdef"])
    assert [e.values for e in answer.embeddings] == [[3.0, 0.0], [6.0, 1.0]]


def test_list_models(client: genai.Client) -> None:
    assert [m.name for m in client.models.list()] == ["models/gemini-test"]


def test_errors_are_genai_error_classes(client: genai.Client, base: str) -> None:
    bad = genai.Client(api_key="wrong", http_options=types.HttpOptions(base_url=base))
    with pytest.raises(errors.ClientError) as auth:
        bad.models.generate_content(model="gemini-test", contents="x")
    assert (auth.value.code, auth.value.status) == (401, "UNAUTHENTICATED")
    assert auth.value.message == "Missing or invalid API key."
    with pytest.raises(errors.ClientError) as missing:
        client.models.generate_content(model="missing-model", contents="x")
    assert (missing.value.code, missing.value.status) == (404, "NOT_FOUND")
    assert missing.value.message == "models/missing-model is not found."


def test_error_mid_stream_raises_server_error(client: genai.Client) -> None:
    with pytest.raises(errors.ServerError) as error:
        list(client.models.generate_content_stream(model="fail-mid-stream", contents="x"))
    assert (error.value.code, error.value.status) == (503, "UNAVAILABLE")


def test_v1beta_with_query_key(base: str) -> None:
    body = {"contents": [{"role": "user", "parts": [{"text": "query key"}]}]}
    answer = httpx.post(f"{base}/v1beta/models/gemini-test:generateContent?key=gemini-key",
                        json=body)
    assert answer.status_code == 200
    assert answer.json()["candidates"][0]["content"]["parts"][0]["text"] == \
        "gemini gemini-test: query key"
    listing = httpx.get(f"{base}/v1/models?key=gemini-key").json()
    assert listing["models"][0]["name"] == "models/gemini-test"
    rejected = httpx.post(f"{base}/v1beta/models/gemini-test:generateContent?key=bad", json=body)
    assert rejected.status_code == 401
    assert rejected.json() == {"error": {"code": 401, "message": "Missing or invalid API key.",
                                         "status": "UNAUTHENTICATED"}}


def test_stream_action_framing_is_exact(base: str) -> None:
    body = {"contents": [{"role": "user", "parts": [{"text": "exact"}]}]}
    answer = httpx.post(f"{base}/v1beta/models/gemini-test:streamGenerateContent?alt=sse",
                        json=body, headers={"x-goog-api-key": "gemini-key"})
    assert answer.headers["content-type"].startswith("text/event-stream")
    frames = answer.text.split("\n\n")
    assert frames[-1] == "" and all(f.startswith("data: {") for f in frames[:-1])
    assert "event:" not in answer.text and "[DONE]" not in answer.text
    # Without alt=sse the stream action answers one JSON array.
    array = httpx.post(f"{base}/v1beta/models/gemini-test:streamGenerateContent",
                       json=body, headers={"x-goog-api-key": "gemini-key"}).json()
    assert [c["candidates"][0]["content"]["parts"][0]["text"] for c in array] == \
        ["gemini", " streams:", " exact"]
