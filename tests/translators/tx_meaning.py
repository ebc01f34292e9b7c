"""What a payload means, extracted per format independently of the translators.

meaning(fmt, request) -> {"system": [text], "turns": [(role, [item])]}; items are tuples such as
("text", s), ("image", mime-or-url, data), ("call", id, name, args), ("result", id, text, is_error),
("thinking", text). Adjacent same-role turns are merged and adjacent texts joined, so that layout
choices (one string vs. parts, split turns) do not count as differences.
"""

from __future__ import annotations

import json
from typing import Any


def _img(url: str) -> tuple:
    if url.startswith("data:"):
        head, _, data = url.partition(",")
        return ("image", head[5:].split(";")[0], data)
    return ("image", url, None)


def _add(turns: list, role: str, items: list) -> None:
    if turns and turns[-1][0] == role:
        turns[-1][1].extend(items)
    else:
        turns.append((role, list(items)))


def _join(turns: list) -> list:
    out = []
    for role, items in turns:
        merged: list[tuple] = []
        for item in items:
            if item[0] == "text" and not item[1]:
                continue
            if item[0] == "text" and merged and merged[-1][0] == "text":
                merged[-1] = ("text", merged[-1][1] + item[1])
            else:
                merged.append(item)
        out.append((role, merged))
    return out


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") for p in content or [])


def chat(req: dict) -> dict:
    system, turns = [], []
    for m in req["messages"]:
        role, content = m["role"], m.get("content")
        if role in ("system", "developer"):
            system.append(_text(content))
            continue
        if role == "tool":
            _add(turns, "user", [("result", m["tool_call_id"], _text(content), False)])
            continue
        items = []
        for p in [{"type": "text", "text": content}] if isinstance(content, str) else content or []:
            if p["type"] == "text":
                items.append(("text", p["text"]))
            elif p["type"] == "image_url":
                items.append(_img(p["image_url"]["url"]))
        for c in m.get("tool_calls") or []:
            items.append(
                ("call", c["id"], c["function"]["name"], json.loads(c["function"]["arguments"]))
            )
        _add(turns, role, items)
    return {"system": system, "turns": _join(turns)}


def claude(req: dict) -> dict:
    system = req.get("system") or []
    system = [system] if isinstance(system, str) else [b["text"] for b in system]
    turns = []
    for m in req["messages"]:
        content = m["content"]
        items = []
        for b in [{"type": "text", "text": content}] if isinstance(content, str) else content:
            t = b["type"]
            if t == "text":
                items.append(("text", b["text"]))
            elif t == "image":
                s = b["source"]
                items.append(
                    ("image", s["media_type"], s["data"])
                    if s["type"] == "base64"
                    else ("image", s["url"], None)
                )
            elif t == "tool_use":
                items.append(("call", b["id"], b["name"], b["input"]))
            elif t == "tool_result":
                items.append(
                    ("result", b["tool_use_id"], _text(b.get("content")), bool(b.get("is_error")))
                )
            elif t == "thinking" and b["thinking"]:
                items.append(("thinking", b["thinking"]))
        _add(turns, m["role"], items)
    return {"system": system, "turns": _join(turns)}


def gemini(req: dict) -> dict:
    system = [p["text"] for p in (req.get("systemInstruction") or {}).get("parts", [])]
    turns = []
    for c in req.get("contents", []):
        items = []
        for p in c["parts"]:
            if "text" in p:
                items.append(("thinking", p["text"]) if p.get("thought") else ("text", p["text"]))
            elif "inlineData" in p:
                items.append(("image", p["inlineData"]["mimeType"], p["inlineData"]["data"]))
            elif "fileData" in p:
                items.append(("image", p["fileData"]["fileUri"], None))
            elif "functionCall" in p:
                f = p["functionCall"]
                items.append(("call", f.get("id"), f["name"], f.get("args") or {}))
            elif "functionResponse" in p:
                f = p["functionResponse"]
                r = f["response"]
                err = set(r) == {"error"}
                text = (
                    r.get("error")
                    if err
                    else r["output"] if set(r) == {"output"} else json.dumps(r)
                )
                items.append(("result", f.get("id"), text, err))
        _add(turns, "assistant" if c["role"] == "model" else "user", items)
    return {"system": system, "turns": _join(turns)}


def responses(req: dict) -> dict:
    system = [req["instructions"]] if req.get("instructions") else []
    turns = []
    items_in = req["input"]
    if isinstance(items_in, str):
        items_in = [{"role": "user", "content": items_in}]
    for it in items_in:
        kind = it.get("type", "message")
        if kind == "message":
            if it["role"] in ("system", "developer"):
                system.append(
                    _text(it["content"]) if not isinstance(it["content"], str) else it["content"]
                )
                continue
            content = it["content"]
            items = []
            for p in (
                [{"type": "input_text", "text": content}] if isinstance(content, str) else content
            ):
                if p["type"] in ("input_text", "output_text"):
                    items.append(("text", p["text"]))
                elif p["type"] == "input_image":
                    items.append(_img(p["image_url"]))
            _add(turns, it["role"], items)
        elif kind == "function_call":
            _add(
                turns,
                "assistant",
                [("call", it["call_id"], it["name"], json.loads(it["arguments"]))],
            )
        elif kind == "function_call_output":
            _add(turns, "user", [("result", it["call_id"], _text(it["output"]), False)])
        elif kind == "reasoning":
            text = "".join(s["text"] for s in it.get("summary") or [])
            if text:
                _add(turns, "assistant", [("thinking", text)])
    return {"system": system, "turns": _join(turns)}


MEANING = {"openai_chat": chat, "claude": claude, "gemini": gemini, "openai_responses": responses}
HAS_THINKING = {"claude", "gemini", "openai_responses"}
HAS_IDS = {"openai_chat", "claude", "openai_responses"}


def comparable(fmt_a: str, fmt_b: str, m: dict) -> dict:
    """Drop from a meaning what one of two formats cannot hold (thinking, tool ids)."""
    turns = []
    for role, items in m["turns"]:
        kept = []
        for item in items:
            if item[0] == "thinking" and not (fmt_a in HAS_THINKING and fmt_b in HAS_THINKING):
                continue
            if item[0] in ("call", "result") and not (fmt_a in HAS_IDS and fmt_b in HAS_IDS):
                item = (item[0], None, *item[2:])
            kept.append(item)
        turns.append((role, kept))
    return {"system": ["\n\n".join(m["system"])] if m["system"] else [], "turns": _join(turns)}
