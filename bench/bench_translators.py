"""Benchmark the generated translators (a script, not a test).

    .venv/bin/python bench/bench_translators.py

Prints, per ordered direction, the median µs of one request translation of the typical request
(system + 3 turns + one image + 2 tools + tool_choice) next to the floor,
json.loads(json.dumps(payload))
of the same payload, as a ratio; then stream events/s for a 200-event stream with tool calls.
LiteLLM's OpenAI -> Anthropic/Gemini request translation is added when litellm is importable.
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "generated" / "allllms_translators"))
sys.path.insert(0, str(ROOT / "tests" / "translators"))

from allllms_translators import StreamTranslator, translate_request  # noqa: E402
from tx_fixtures import REQUESTS  # noqa: E402
from tx_stream_fixtures import chat_stream  # noqa: E402

FORMATS = ["openai_chat", "claude", "gemini", "openai_responses"]


def _loops(fn) -> int:
    number, t = 1, 0.0
    while t < 0.02:
        number *= 2
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        t = time.perf_counter() - t0
    return number


def median_us(fn, *, repeat=7) -> float:
    return paired_us(fn, repeat=repeat)[0]


def paired_us(*fns, repeat=9) -> list:
    """Median µs per call of each fn, measured in alternating rounds (noise hits all alike)."""
    loops = [_loops(fn) for fn in fns]
    runs: list = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            t0 = time.perf_counter()
            for _ in range(loops[k]):
                fn()
            runs[k].append((time.perf_counter() - t0) / loops[k])
    return [statistics.median(r) * 1e6 for r in runs]


def bench_requests() -> None:
    print(
        "Requests: typical request, median µs per call (ratio = translator / json round trip floor)"
    )
    print(f"{'direction':36} {'translate':>10} {'floor':>8} {'ratio':>6}")
    worst = 0.0
    for src, dst in itertools.permutations(FORMATS, 2):
        payload = REQUESTS[src]
        floor, us = paired_us(
            lambda p=payload: json.loads(json.dumps(p)),
            lambda s=src, d=dst, p=payload: translate_request(s, d, p, policy="lenient", model="m"),
        )
        worst = max(worst, us / floor)
        print(f"{src + ' -> ' + dst:36} {us:10.1f} {floor:8.1f} {us / floor:6.2f}")
    print(f"worst ratio: {worst:.2f} (target <= 3)")
    _litellm(REQUESTS["openai_chat"])


def _litellm(payload) -> None:
    try:
        import litellm  # noqa: F401
    except ImportError:
        print("litellm not importable: comparison skipped (optional)")
        return
    from litellm.llms.anthropic.chat.transformation import AnthropicConfig

    cfg = AnthropicConfig()
    msgs, params = payload["messages"], {
        k: v for k, v in payload.items() if k not in ("model", "messages")
    }

    def run():
        optional = cfg.map_openai_params(params, {}, payload["model"], drop_params=True)
        cfg.transform_request(payload["model"], msgs, optional, {}, {})

    lit = median_us(run)
    ours = median_us(lambda: translate_request("openai_chat", "claude", payload, policy="lenient"))
    print(
        f"LiteLLM openai -> anthropic: {lit:.1f} µs, ours {ours:.1f} µs, {lit / ours:.1f}x faster"
    )


def _streams() -> dict:
    """A 200-event stream with text and two tool calls per format (translated from Chat once)."""
    base = chat_stream(extra_text_chunks=0)
    text = base[1]
    chat = (
        [base[0]]
        + [
            dict(text, choices=[{**text["choices"][0], "delta": {"content": f"w{i} "}}])
            for i in range(200 - len(base))
        ]
        + base[1:]
    )
    streams = {"openai_chat": chat}
    for dst in FORMATS[1:]:
        t = StreamTranslator("openai_chat", dst, policy="lenient")
        streams[dst] = [e for ev in chat for e in t.feed(ev)] + t.finish()
    return streams


def bench_streams() -> None:
    streams = _streams()
    print("\nStreams: source events/s through StreamTranslator (200-event streams with tool calls)")
    print(f"{'direction':36} {'events':>6} {'events/s':>12}")
    worst = float("inf")
    for src, dst in itertools.permutations(FORMATS, 2):
        events = streams[src]

        def run(src=src, dst=dst, events=events):
            t = StreamTranslator(src, dst, policy="lenient")
            for ev in events:
                t.feed(ev)
            t.finish()

        us = median_us(run, repeat=5)
        rate = len(events) / (us / 1e6)
        worst = min(worst, rate)
        print(f"{src + ' -> ' + dst:36} {len(events):6d} {rate:12,.0f}")
    print(f"slowest: {worst:,.0f} events/s (target >= 50,000)")


if __name__ == "__main__":
    bench_requests()
    bench_streams()
