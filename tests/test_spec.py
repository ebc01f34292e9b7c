"""The canonical spec itself: valid, and covering everything the published docs list."""

from __future__ import annotations

import re

from specgen.spec import check_spec, load_spec_files
from specgen.validate.coverage import doc_entry_tags
from specgen.validate.walk import operations
from tests.conftest import ROOT, SPEC

DOCS_TXT = ROOT.parent / "shared" / "reference" / "docs-index.txt"


def test_spec_has_no_findings() -> None:
    assert [str(f) for f in check_spec(load_spec_files(SPEC))] == []


def test_every_documented_entry_is_covered_exactly_once() -> None:
    files = load_spec_files(SPEC)
    assert files.docs_index is not None
    ids = [e["id"] for e in files.docs_index.data["entries"]]
    tagged = [entry for entry, _ in doc_entry_tags(files.source)]
    assert len(ids) == 43
    assert sorted(tagged) == sorted(ids)


def test_every_documented_schema_name_exists() -> None:
    files = load_spec_files(SPEC)
    assert files.docs_index is not None
    names = files.docs_index.data["schemas"]
    schemas = files.source.data["components"]["schemas"]
    assert len(names) == 50
    assert [n for n in names if n not in schemas] == []


def test_docs_index_yaml_matches_the_published_table_of_contents() -> None:
    # The YAML is our transcription of the published index; check it against the original.
    text = DOCS_TXT.read_text()
    toc = text.split("  1. List Models", 1)[0]
    schema_part = toc.split("• Schemas", 1)[1]
    published_schemas = re.findall(r"• (\w+)\n", schema_part)[1:]  # the first is the heading
    files = load_spec_files(SPEC)
    assert files.docs_index is not None
    assert files.docs_index.data["schemas"] == published_schemas
    for entry in files.docs_index.data["entries"]:
        assert f"• {entry['title']}" in toc, entry


def test_streaming_operations_declare_their_events() -> None:
    doc = load_spec_files(SPEC).source.data
    streaming = {
        o.op["operationId"]: o.op["x-stream"]["framing"]
        for o in operations(doc)
        if "x-stream" in o.op
    }
    assert streaming["createChatCompletion"] == "data-done"
    assert streaming["createCompletion"] == "data-done"
    assert streaming["createResponse"] == "event-data"
    assert streaming["createMessage"] == "event-data"
    assert streaming["streamGenerateContent"] == "data-only"
    assert streaming["streamGenerateContentV1"] == "data-only"


def test_security_schemes_per_dialect() -> None:
    doc = load_spec_files(SPEC).source.data
    for o in operations(doc):
        schemes = {name for req in o.op.get("security", []) for name in req}
        assert "BearerAuth" in schemes, o.op["operationId"]
        if o.path.startswith("/v1/messages"):
            assert "ApiKeyAuth" in schemes
        if ":" in o.path.rsplit("/", 1)[-1]:  # Gemini colon actions
            assert {"GoogleApiKey", "GoogleApiKeyQuery"} <= schemes, o.op["operationId"]
