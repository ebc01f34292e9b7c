"""Shared test helpers."""

from __future__ import annotations

import copy
import itertools

import tx_sdk_check as sdk_check
from allllms_translators import translate_request, translate_response

FORMATS = ["openai_chat", "claude", "gemini", "openai_responses"]
DIRECTIONS = [(a, b) for a, b in itertools.permutations(FORMATS, 2)]
DIRECTION_IDS = [f"{a}->{b}" for a, b in DIRECTIONS]


def req(src, dst, payload, policy="strict", model="test-model"):
    """Translate a request; check the input is untouched and the output passes the SDK types."""
    before = copy.deepcopy(payload)
    result = translate_request(src, dst, payload, policy=policy, model=model)
    assert payload == before, "the translator mutated its input"
    sdk_check.REQUEST[dst](result.payload)
    return result


def resp(src, dst, payload, policy="strict", model="test-model"):
    before = copy.deepcopy(payload)
    result = translate_response(src, dst, payload, policy=policy, model=model)
    assert payload == before, "the translator mutated its input"
    sdk_check.RESPONSE[dst](result.payload)
    return result


def chat(*messages, **extra):
    return {"model": "gpt-4o", "messages": list(messages), **extra}


def paths(result):
    return [w.path for w in result.warnings]
