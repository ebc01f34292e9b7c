"""Every operation is routed; unimplemented handlers answer 501 in the route's dialect; auth,
validation and unknown paths answer in dialect, never FastAPI's 422 or a 500."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.server.conftest import ServerThread
from tests.server.spec_requests import SpecRequest, requests

REQUESTS = [r for r in requests() if not r.websocket]
IDS = [r.operation_id for r in REQUESTS]


@pytest.fixture(scope="module")
def bare() -> Iterator[str]:
    """A server whose handlers implement nothing."""
    from allllms_server import Handlers, create_app

    with ServerThread(create_app(Handlers())) as server:
        yield server.base


def assert_dialect(answer: httpx.Response, dialect: str, status: int) -> dict:
    assert answer.status_code == status, answer.text
    body = answer.json()
    if dialect == "claude":
        assert body["type"] == "error" and set(body["error"]) == {"type", "message"}
        assert body["request_id"] == answer.headers["request-id"]
    elif dialect == "gemini":
        assert set(body["error"]) == {"code", "message", "status"}
        assert body["error"]["code"] == status
    else:
        assert set(body["error"]) == {"message", "type", "param", "code"}
    return body


def test_the_spec_has_every_kind_of_route() -> None:
    assert len(REQUESTS) >= 40
    assert {r.dialect for r in REQUESTS} == {"openai", "claude", "gemini"}


@pytest.mark.parametrize("request_", REQUESTS, ids=IDS)
def test_unimplemented_handler_answers_501_in_dialect(bare: str, request_: SpecRequest) -> None:
    answer = httpx.request(request_.method, bare + request_.path,
                           **request_.send_kwargs("any-key"))
    body = assert_dialect(answer, request_.dialect, 501)
    text = str(body)
    assert request_.operation_id in text
    if request_.dialect == "gemini":
        assert body["error"]["status"] == "UNIMPLEMENTED"
    elif request_.dialect == "openai":
        assert body["error"]["type"] == "not_implemented_error"


@pytest.mark.parametrize("request_", [r for r in REQUESTS if r.unimplemented],
                         ids=[r.operation_id for r in REQUESTS if r.unimplemented])
def test_x_unimplemented_routes_answer_501_on_the_mock(mock_server: ServerThread,
                                                       request_: SpecRequest) -> None:
    answer = httpx.request(request_.method, mock_server.base + request_.path,
                           **request_.send_kwargs("k"))
    assert_dialect(answer, request_.dialect, 501)


@pytest.mark.parametrize("request_", REQUESTS, ids=IDS)
def test_missing_key_is_401_in_dialect(bare: str, request_: SpecRequest) -> None:
    kwargs = request_.send_kwargs("k")
    kwargs["headers"] = {}
    answer = httpx.request(request_.method, bare + request_.path, **kwargs)
    body = assert_dialect(answer, request_.dialect, 401)
    assert "API key" in str(body)


@pytest.mark.parametrize("request_", [r for r in REQUESTS if r.json is not None],
                         ids=[r.operation_id for r in REQUESTS if r.json is not None])
def test_invalid_json_and_schema_violations_are_400_in_dialect(bare: str,
                                                               request_: SpecRequest) -> None:
    kwargs = request_.send_kwargs("k")
    kwargs.pop("json")
    broken = httpx.request(request_.method, bare + request_.path,
                           content=b'{"model": ', **{**kwargs, "headers": {
                               **kwargs["headers"], "content-type": "application/json"}})
    body = assert_dialect(broken, request_.dialect, 400)
    assert "not valid JSON" in str(body)
    wrong = httpx.request(request_.method, bare + request_.path, json=["not", "an", "object"],
                          **kwargs)
    assert_dialect(wrong, request_.dialect, 400)


@pytest.mark.parametrize(("path", "headers", "dialect"), [
    ("/v1/no-such-thing", {"authorization": "Bearer k"}, "openai"),
    ("/v1beta/models/gemini-test:noSuchAction", {"x-goog-api-key": "k"}, "gemini"),
    ("/v1beta/models/gemini-test:noSuchAction", {}, "gemini"),
    ("/v1/messages/count_nothing", {"x-api-key": "k", "anthropic-version": "2023-06-01"},
     "claude"),
])
def test_unknown_paths_are_404_in_dialect(bare: str, path: str, headers: dict[str, str],
                                          dialect: str) -> None:
    body = assert_dialect(httpx.post(bare + path, headers=headers, json={}), dialect, 404)
    assert path in str(body)


def test_wrong_method_is_405_in_dialect(bare: str) -> None:
    assert_dialect(httpx.get(bare + "/v1/chat/completions", headers={"authorization": "Bearer k"}),
                   "openai", 405)


def test_model_path_with_colon_action_routes_by_action(base: str) -> None:
    for prefix in ("/v1", "/v1beta"):
        url = f"{base}{prefix}/models/gemini-1.5-pro-002:generateContent"
        answer = httpx.post(url, headers={"x-goog-api-key": "gemini-key"},
                            json={"contents": [{"parts": [{"text": "dots"}]}]})
        assert answer.json()["candidates"][0]["content"]["parts"][0]["text"] == \
            "gemini gemini-1.5-pro-002: dots"


def test_shared_paths_list_every_allowed_method(bare: str) -> None:
    answer = httpx.request("OPTIONS", bare + "/v1/files", headers={"authorization": "Bearer k"})
    assert answer.status_code == 405
    assert set(answer.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}
    assert answer.json()["error"]["type"] == "invalid_request_error"
    # and both operations on the shared path are reached
    assert "listFiles" in httpx.get(bare + "/v1/files", headers={"authorization": "Bearer k"}).text
    assert "deleteModel" in httpx.delete(bare + "/v1/models/m",
                                         headers={"authorization": "Bearer k"}).text


def test_single_form_value_of_an_array_field_is_a_list(base: str) -> None:
    """`timestamp_granularities=segment` sent once (not as `[]`) is still the array."""
    answer = httpx.post(f"{base}/v1/audio/transcriptions",
                        headers={"authorization": "Bearer sk-test-key"},
                        data={"model": "whisper-1", "timestamp_granularities": "segment"},
                        files={"file": ("a.wav", b"RIFF1234", "audio/wav")})
    assert answer.status_code == 200, answer.text
    assert answer.json()["text"] == "heard 8 bytes in auto"


def test_colon_action_paths_answer_405_with_their_own_methods(bare: str) -> None:
    answer = httpx.request("OPTIONS", bare + "/v1/models/gemini-test:generateContent",
                           headers={"x-goog-api-key": "k"})
    assert answer.status_code == 405 and answer.headers["allow"] == "POST"
    assert answer.json()["error"]["status"] == "INVALID_ARGUMENT"
