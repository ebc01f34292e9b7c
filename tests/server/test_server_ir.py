"""The server decisions specgen makes in the IR (`Api.server`), checked on the real spec."""

from __future__ import annotations

from functools import cache

from specgen import ir
from specgen.build import build
from specgen.load import load_yaml
from tests.server.spec_requests import SPEC


@cache
def server() -> dict[str, ir.ServerOperation]:
    api = build(load_yaml(str(SPEC)))
    return {s.operation_id: s for s in api.server}


def test_every_operation_has_one_server_entry() -> None:
    api = build(load_yaml(str(SPEC)))
    assert [s.operation_id for s in api.server] == [o.operation_id for o in api.operations]
    assert "ChatCompletionRequest" in api.server_models


def test_v1_gemini_aliases_default_to_the_v1beta_handlers() -> None:
    ops = server()
    assert ops["generateContentV1"].delegate_to == "generate_content"
    assert ops["streamGenerateContentV1"].delegate_to == "stream_generate_content"
    assert ops["generateContent"].delegate_to == ""
    assert ops["createChatCompletion"].delegate_to == ""


def test_answer_shape_by_caller_format() -> None:
    ops = server()
    assert set(ops["listModels"].formats) == {"openai", "claude", "gemini"}
    assert ops["createChatCompletion"].formats == ()


def test_returns_and_signatures() -> None:
    ops = server()
    chat = ops["createChatCompletion"]
    assert chat.returns == "ChatCompletionResponse | AsyncIterator[ChatCompletionStreamResponse]"
    assert chat.signature == ("body: ChatCompletionRequest", "ctx: RequestContext")
    assert ops["streamGenerateContent"].returns == "AsyncIterator[GeminiResponse]"
    assert ops["createSpeech"].returns == "Binary | bytes"
    jimeng = ops["createJimengVideo"]
    assert jimeng.signature[0] == (
        'action: Literal["CVSync2AsyncSubmitTask", "CVSync2AsyncGetResult"]')


def test_binary_media_types_keep_the_spec_order() -> None:
    ops = server()
    assert ops["downloadVideoContent"].binary_media_types[0] == "video/mp4"
    assert ops["createSpeech"].binary_media_types[0] == "audio/mpeg"


def test_mock_plans() -> None:
    ops = server()
    retrieve = ops["retrieveVideo"].mock
    assert retrieve.select == "lifecycle"
    assert [n for n, _ in retrieve.examples] == ["in_progress", "completed"]  # `failed` dropped
    jimeng = ops["createJimengVideo"].mock
    assert jimeng.select == "action" and jimeng.select_param == "action"
    assert [n for n, _ in jimeng.examples] == ["submitted", "done"]
    assert ops["createEmbedding"].mock.select == "paired"
    assert ops["listModels"].mock.select == "format"
    assert ops["listFiles"].mock.kind == "none"  # x-unimplemented: the mock answers 501 too
    assert ops["createRealtimeSession"].mock.kind == "websocket"
    assert len(ops["createMessage"].mock.stream_events) > 3


def test_form_array_fields() -> None:
    kinds = server()["createTranscription"].body_kinds
    assert kinds[0][:2] == ("multipart/form-data", "multipart")
    assert "timestamp_granularities" in kinds[0][3]
