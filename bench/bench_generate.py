"""Generation benchmark: specgen vs the datamodel-codegen CLI on the same spec, side by side.

Run: `make bench` (or `.venv/bin/python bench/bench_generate.py [--repeat N]`).
Every measurement is a fresh subprocess (imports included, as a user would pay them) and the
median of N runs. Reports:
  full      `specgen generate` into an empty directory           target ≤ 1.0x baseline
  no-op     `specgen generate` again over its own output         target ≤ 0.2x full
  10x spec  full generation of a synthetic spec 10x the size     target ≤ 10x full
  baseline  `datamodel-codegen` CLI writing models from the same spec (its default formatting)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "allllms.yaml"
BIN = Path(sys.executable).parent


def timed(cmd: list[str], before: object = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(repeat: int, make_cmd, prepare=lambda: None) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        prepare()
        samples.append(timed(make_cmd()))
    return statistics.median(samples)


def scaled_spec(factor: int, target_dir: Path) -> Path:
    """The spec with its paths and schemas copied `factor` times under new names."""
    from specgen.validate.structure import referenced_components

    doc = yaml.safe_load(SPEC.read_text())
    schemas = doc["components"]["schemas"]
    # Documented schemas no route uses are kept once; copies of them would be unused components.
    used = {p.rsplit("/", 1)[1] for p in referenced_components(doc)}
    paths, new_schemas = {}, {}
    for n in range(factor):
        suffix = "" if n == 0 else f"Copy{n}"

        def rename(node, suffix=suffix):  # type: ignore[no-untyped-def]
            if isinstance(node, dict):
                out = {k: rename(v) for k, v in node.items()}
                for key in ("$ref",):
                    if isinstance(node.get(key), str) and node[key].startswith(
                        "#/components/schemas/"
                    ):
                        out[key] = node[key] + suffix
                if suffix:  # each documented entry stays covered once, by the original
                    out.pop("x-doc-entry", None)
                if isinstance(node.get("operationId"), str):
                    out["operationId"] = node["operationId"] + suffix
                if isinstance(node.get("x-stream"), dict):
                    out["x-stream"] = {
                        **node["x-stream"],
                        "event-schema": node["x-stream"]["event-schema"] + suffix,
                    }
                if isinstance(node.get("x-websocket"), dict):
                    out["x-websocket"] = {k: v + suffix for k, v in node["x-websocket"].items()}
                if (
                    isinstance(node.get("discriminator"), dict)
                    and "mapping" in node["discriminator"]
                ):
                    out["discriminator"] = {
                        **node["discriminator"],
                        "mapping": {
                            k: v + suffix for k, v in node["discriminator"]["mapping"].items()
                        },
                    }
                return out
            if isinstance(node, list):
                return [rename(v) for v in node]
            return node

        for path, item in doc["paths"].items():
            paths[(f"/copy{n}" if n else "") + path] = rename(item)
        for name, schema in schemas.items():
            if n == 0 or name in used:
                new_schemas[name + suffix] = rename(schema)
    doc["paths"], doc["components"]["schemas"] = paths, new_schemas
    shutil.copy(SPEC.parent / "docs-index.yaml", target_dir / "docs-index.yaml")
    out = target_dir / "allllms.yaml"
    out.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="specgen-bench-"))
    specgen, dcg = str(BIN / "specgen"), str(BIN / "datamodel-codegen")
    out = work / "out"

    def fresh() -> None:
        shutil.rmtree(out, ignore_errors=True)

    full = median_of(
        args.repeat, lambda: [specgen, "generate", "--spec", str(SPEC), "--out", str(out)], fresh
    )
    noop = median_of(
        args.repeat, lambda: [specgen, "generate", "--spec", str(SPEC), "--out", str(out)]
    )
    baseline = median_of(
        args.repeat,
        lambda: [
            dcg,
            "--input",
            str(SPEC),
            "--input-file-type",
            "openapi",
            "--output",
            str(work / "dcg.py"),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--disable-timestamp",
        ],
    )
    big_dir = work / "big"
    big_dir.mkdir()
    big_spec = scaled_spec(10, big_dir)
    big_out = work / "big-out"
    big = median_of(
        max(1, args.repeat // 2),
        lambda: [specgen, "generate", "--spec", str(big_spec), "--out", str(big_out)],
        lambda: shutil.rmtree(big_out, ignore_errors=True),
    )
    lines = sum(p.read_text().count("\n") for p in out.rglob("*.py"))
    print(
        f"spec: {SPEC.relative_to(ROOT)} ({SPEC.read_text().count(chr(10))} lines); "
        f"generated {lines} Python lines; median of {args.repeat} runs, fresh processes"
    )
    print(f"{'datamodel-codegen CLI (baseline)':36s} {baseline:7.2f} s")
    print(
        f"{'specgen generate, full':36s} {full:7.2f} s   {full / baseline:5.2f}x baseline"
        " (target <= 1.0)"
    )
    print(
        f"{'specgen generate, no-op':36s} {noop:7.2f} s   {noop / full:5.2f}x full"
        "     (target <= 0.2)"
    )
    print(
        f"{'specgen generate, 10x spec':36s} {big:7.2f} s   {big / full:5.2f}x full"
        "     (target <= 10)"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
