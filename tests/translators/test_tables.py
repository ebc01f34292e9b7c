"""The tables: schema-valid, consistent with the spec root, really driving the generated code."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys

import jsonschema
import pytest
import tx_render as render
import yaml
from tx_fixtures import RESPONSES

ROOT = render.ROOT
SCHEMA = json.loads((ROOT / "src" / "specgen" / "translations.schema.json").read_text())
GENERATED = render.GENERATED


def _errors(tables):
    return [
        f"{list(e.absolute_path)}: {e.message}"
        for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(tables)
    ]


def test_translations_yaml_is_valid_against_its_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert _errors(render.load_tables()) == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda t: t["finish_reasons"]["claude"]["encode"].pop(
            "pause"
        ),  # a hub reason left unencodable
        lambda t: t["finish_reasons"]["gemini"].pop("decode_default"),  # no declared default
        lambda t: t["tool_choice"]["modes"]["auto"].pop("gemini"),
        lambda t: t["parameters"][0].update(openai_chat=5),
        lambda t: t["errors"][0].update(gemini="invalid argument"),
        lambda t: t["usage"]["claude"]["input_includes"].append("reasoning"),
    ],
)
def test_schema_rejects_broken_tables(mutate):
    tables = render.load_tables()
    mutate(tables)
    assert _errors(tables)


def test_error_table_matches_the_spec_x_error_dialects():
    spec = yaml.load((ROOT / "spec" / "allllms.yaml").read_text(), Loader=yaml.CSafeLoader)
    assert render.load_tables()["errors"] == spec["x-error-dialects"]


@pytest.fixture(scope="module")
def rendered():
    return render.render(render.load_tables())


def test_generated_tree_is_what_the_templates_render(rendered):
    files = rendered
    on_disk = {
        p.relative_to(GENERATED).as_posix(): p.read_text()
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sorted(files) == sorted(on_disk), "run: make generate"
    stale = [name for name in files if files[name] != on_disk[name]]
    assert not stale, f"stale generated files {stale}; run: make generate"


def test_rendered_python_is_black_stable(rendered):
    from specgen.format import format_python

    unstable = [
        name
        for name, text in rendered.items()
        if name.endswith(".py") and format_python(text) != text
    ]
    assert not unstable, f"templates rendering code black would change: {unstable}"


def test_generated_files_start_with_the_header(rendered):
    for name, text in rendered.items():
        first = text.splitlines()[0].removeprefix("<!-- ")  # Markdown files use an HTML comment
        assert first.startswith(render.HEADER_START.removeprefix("# ")) or first.startswith(
            render.HEADER_START
        ), name


def test_rendering_is_deterministic():
    tables = render.load_tables()
    assert render.render(tables) == render.render(copy.deepcopy(tables))


def _load_variant(tables, tmp_path, name):
    """Render with `tables` into tmp_path and import that package under its own name."""
    render.write(render.render(tables), tmp_path)
    pkg_dir = tmp_path / "allllms_translators"
    spec = importlib.util.spec_from_file_location(
        name, pkg_dir / "__init__.py", submodule_search_locations=[str(pkg_dir)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_changing_a_table_entry_changes_the_translator(tmp_path):
    tables = render.load_tables()
    tables["finish_reasons"]["claude"]["encode"]["tool_calls"] = "end_turn"
    tables["tool_choice"]["modes"]["required"]["claude"] = "auto"
    tables["claude_default_max_tokens"] = 1234
    variant = _load_variant(tables, tmp_path, "allllms_translators_variant")
    try:
        out = variant.translate_response("openai_chat", "claude", RESPONSES["openai_chat"]).payload
        assert out["stop_reason"] == "end_turn"
        body = {
            "model": "m",
            "messages": [{"role": "user", "content": "x"}],
            "tool_choice": "required",
        }
        req = variant.translate_request("openai_chat", "claude", body).payload
        assert req["tool_choice"] == {"type": "auto"} and req["max_tokens"] == 1234
    finally:
        for mod in [m for m in sys.modules if m.startswith("allllms_translators_variant")]:
            del sys.modules[mod]
    # ...while the committed package still says tool_use.
    from allllms_translators import translate_response

    assert (
        translate_response("openai_chat", "claude", RESPONSES["openai_chat"]).payload["stop_reason"]
        == "tool_use"
    )


def test_package_is_vendorable_without_specgen_or_pydantic():
    import ast

    for path in (GENERATED / "allllms_translators").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in {
                    "__future__",
                    "typing",
                    "json",
                    "os",
                    "time",
                    "copy",
                    "base64",
                    "mimetypes",
                    "re",
                }, f"{path.name} imports {name}"
    assert (GENERATED / "allllms_translators" / "py.typed").exists()
    assert "allllms_translators" in (GENERATED / "pyproject.toml").read_text()


def test_finish_tables_are_consistent_both_ways():
    """Every encoded value decodes again, and decode(encode(r)) keeps r's class where it can."""
    tables = render.load_tables()["finish_reasons"]
    for fmt in ("openai_chat", "claude", "gemini", "openai_responses"):
        table = tables[fmt]
        for hub, value in table["encode"].items():
            assert (
                value in table["decode"]
            ), f"{fmt}: {hub} encodes to {value!r}, which is not decodable"
        assert table["decode"][table["encode"]["length"]] == "length", fmt


def test_parameter_paths_are_unique_per_format():
    rows = render.load_tables()["parameters"]
    for fmt in ("openai_chat", "claude", "gemini", "openai_responses"):
        paths = [r[fmt] for r in rows if r[fmt]] + [
            a for r in rows for a in r.get("aliases", {}).get(fmt, [])
        ]
        assert len(paths) == len(set(paths)), fmt


def test_late_system_prompt_rule_comes_from_the_table(tmp_path):
    tables = render.load_tables()
    tables["late_system_prompt"] = "refuse"
    variant = _load_variant(tables, tmp_path, "allllms_translators_refuse")
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "a"}, {"role": "system", "content": "late"}],
    }
    try:
        with pytest.raises(ValueError, match=r"messages\[1\]"):
            variant.translate_request("openai_chat", "claude", body, policy="lenient")
    finally:
        for mod in [m for m in sys.modules if m.startswith("allllms_translators_refuse")]:
            del sys.modules[mod]


def test_generated_package_type_checks(tmp_path):
    """The package ships py.typed, so it must pass mypy itself."""
    import subprocess

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--python-version",
            "3.11",
            "--disallow-untyped-defs",
            "--ignore-missing-imports",
            "--cache-dir",
            str(tmp_path / "cache"),
            "allllms_translators",
        ],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
