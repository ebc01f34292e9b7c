"""Realistic request/response fixtures, one typical conversation per format plus per-kind extras."""

from __future__ import annotations

PNG = (  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9Q"
    "DwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
WEATHER_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "description": "City name"},
        "unit": {"type": "string", "enum": ["c", "f"]},
    },
    "required": ["city"],
}
TIME_SCHEMA = {"type": "object", "properties": {"tz": {"type": "string"}}, "required": ["tz"]}

CHAT_REQUEST = {
    "model": "gpt-4o",
    "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {
            "role": "user",
            "content": [
                {
                    "type": "text",
                    "text": "What is in this picture, and what's the weather in Paris?",
                },
                {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}},
            ],
        },
        {
            "role": "assistant",
            "content": "Let me check the weather.",
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                },
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "18C and sunny"},
        {"role": "user", "content": "Thanks! And the time there?"},
    ],
    "tools": [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather for a city",
                "parameters": WEATHER_SCHEMA,
            },
        },
        {
            "type": "function",
            "function": {
                "name": "get_time",
                "description": "Time in a zone",
                "parameters": TIME_SCHEMA,
            },
        },
    ],
    "tool_choice": "auto",
    "max_completion_tokens": 4096,
    "temperature": 0,
    "top_p": 0.9,
    "stop": ["END"],
}

CLAUDE_REQUEST = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 4096,
    "system": "You are a helpful assistant.",
    "messages": [
        {
            "role": "user",
            "content": [
                {
                    "type": "text",
                    "text": "What is in this picture, and what's the weather in Paris?",
                },
                {
                    "type": "image",
                    "source": {"type": "base64", "media_type": "image/png", "data": PNG},
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "thinking",
                    "thinking": "The user wants weather.",
                    "signature": "c2lnLWNsYXVkZS0xLXNpZ25hdHVyZQ==",
                },
                {"type": "text", "text": "Let me check the weather."},
                {
                    "type": "tool_use",
                    "id": "toolu_1",
                    "name": "get_weather",
                    "input": {"city": "Paris"},
                },
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C and sunny"},
                {"type": "text", "text": "Thanks! And the time there?"},
            ],
        },
    ],
    "tools": [
        {
            "name": "get_weather",
            "description": "Weather for a city",
            "input_schema": WEATHER_SCHEMA,
        },
        {"name": "get_time", "description": "Time in a zone", "input_schema": TIME_SCHEMA},
    ],
    "tool_choice": {"type": "auto"},
    "thinking": {"type": "enabled", "budget_tokens": 2048},
    "temperature": 1,
    "stop_sequences": ["END"],
}

GEMINI_REQUEST = {
    "systemInstruction": {"parts": [{"text": "You are a helpful assistant."}]},
    "contents": [
        {
            "role": "user",
            "parts": [
                {"text": "What is in this picture, and what's the weather in Paris?"},
                {"inlineData": {"mimeType": "image/png", "data": PNG}},
            ],
        },
        {
            "role": "model",
            "parts": [
                {
                    "text": "The user wants weather.",
                    "thought": True,
                    "thoughtSignature": "c2lnLWdlbS0xLXNpZ25hdHVyZQ==",
                },
                {"text": "Let me check the weather."},
                {
                    "functionCall": {
                        "id": "fc_1",
                        "name": "get_weather",
                        "args": {"city": "Paris"},
                    },
                    "thoughtSignature": "c2lnLWdlbS0yLXNpZ25hdHVyZQ==",
                },
            ],
        },
        {
            "role": "user",
            "parts": [
                {
                    "functionResponse": {
                        "id": "fc_1",
                        "name": "get_weather",
                        "response": {"output": "18C and sunny"},
                    }
                },
                {"text": "Thanks! And the time there?"},
            ],
        },
    ],
    "tools": [
        {
            "functionDeclarations": [
                {
                    "name": "get_weather",
                    "description": "Weather for a city",
                    "parameters": WEATHER_SCHEMA,
                },
                {"name": "get_time", "description": "Time in a zone", "parameters": TIME_SCHEMA},
            ]
        }
    ],
    "toolConfig": {"functionCallingConfig": {"mode": "AUTO"}},
    "generationConfig": {
        "maxOutputTokens": 4096,
        "temperature": 0,
        "topP": 0.9,
        "stopSequences": ["END"],
        "thinkingConfig": {"thinkingBudget": 2048, "includeThoughts": True},
    },
}

RESPONSES_REQUEST = {
    "model": "gpt-5",
    "instructions": "You are a helpful assistant.",
    "input": [
        {
            "role": "user",
            "content": [
                {
                    "type": "input_text",
                    "text": "What is in this picture, and what's the weather in Paris?",
                },
                {
                    "type": "input_image",
                    "image_url": f"data:image/png;base64,{PNG}",
                    "detail": "auto",
                },
            ],
        },
        {
            "type": "reasoning",
            "id": "rs_1",
            "summary": [{"type": "summary_text", "text": "The user wants weather."}],
            "encrypted_content": "ZW5jLTEtc2lnbmF0dXJl",
        },
        {"type": "message", "role": "assistant", "content": "Let me check the weather."},
        {
            "type": "function_call",
            "call_id": "call_1",
            "name": "get_weather",
            "arguments": '{"city":"Paris"}',
        },
        {"type": "function_call_output", "call_id": "call_1", "output": "18C and sunny"},
        {"role": "user", "content": "Thanks! And the time there?"},
    ],
    "tools": [
        {
            "type": "function",
            "name": "get_weather",
            "description": "Weather for a city",
            "parameters": WEATHER_SCHEMA,
            "strict": False,
        },
        {
            "type": "function",
            "name": "get_time",
            "description": "Time in a zone",
            "parameters": TIME_SCHEMA,
            "strict": False,
        },
    ],
    "tool_choice": "auto",
    "max_output_tokens": 4096,
    "temperature": 0,
    "reasoning": {"effort": "low", "summary": "auto"},
}

REQUESTS = {
    "openai_chat": CHAT_REQUEST,
    "claude": CLAUDE_REQUEST,
    "gemini": GEMINI_REQUEST,
    "openai_responses": RESPONSES_REQUEST,
}

CHAT_RESPONSE = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "gpt-4o",
    "choices": [
        {
            "index": 0,
            "finish_reason": "tool_calls",
            "logprobs": None,
            "message": {
                "role": "assistant",
                "content": "Checking.",
                "tool_calls": [
                    {
                        "id": "call_9",
                        "type": "function",
                        "function": {"name": "get_time", "arguments": '{"tz":"Europe/Paris"}'},
                    }
                ],
            },
        }
    ],
    "usage": {
        "prompt_tokens": 100,
        "completion_tokens": 30,
        "total_tokens": 130,
        "prompt_tokens_details": {"cached_tokens": 40},
        "completion_tokens_details": {"reasoning_tokens": 10},
    },
}
CLAUDE_RESPONSE = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5",
    "content": [
        {"type": "thinking", "thinking": "Need the time.", "signature": "c2lnLWMtc2lnbmF0dXJl"},
        {"type": "text", "text": "Checking."},
        {"type": "tool_use", "id": "toolu_9", "name": "get_time", "input": {"tz": "Europe/Paris"}},
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "usage": {
        "input_tokens": 60,
        "output_tokens": 30,
        "cache_read_input_tokens": 40,
        "cache_creation_input_tokens": 0,
    },
}
GEMINI_RESPONSE = {
    "candidates": [
        {
            "index": 0,
            "finishReason": "STOP",
            "content": {
                "role": "model",
                "parts": [
                    {
                        "text": "Need the time.",
                        "thought": True,
                        "thoughtSignature": "c2lnLWctc2lnbmF0dXJl",
                    },
                    {"text": "Checking."},
                    {
                        "functionCall": {
                            "id": "fc_9",
                            "name": "get_time",
                            "args": {"tz": "Europe/Paris"},
                        },
                        "thoughtSignature": "c2lnLWcyLXNpZ25hdHVyZQ==",
                    },
                ],
            },
        }
    ],
    "usageMetadata": {
        "promptTokenCount": 100,
        "candidatesTokenCount": 20,
        "thoughtsTokenCount": 10,
        "cachedContentTokenCount": 40,
        "totalTokenCount": 130,
    },
    "modelVersion": "gemini-2.5-pro",
    "responseId": "resp-g",
}
RESPONSES_RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1700000000,
    "status": "completed",
    "model": "gpt-5",
    "output": [
        {
            "type": "reasoning",
            "id": "rs_9",
            "summary": [{"type": "summary_text", "text": "Need the time."}],
            "encrypted_content": "ZW5jLTktc2lnbmF0dXJl",
        },
        {
            "type": "message",
            "id": "msg_9",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": "Checking.", "annotations": []}],
        },
        {
            "type": "function_call",
            "id": "fc_9",
            "call_id": "call_9",
            "name": "get_time",
            "arguments": '{"tz":"Europe/Paris"}',
            "status": "completed",
        },
    ],
    "usage": {
        "input_tokens": 100,
        "output_tokens": 30,
        "total_tokens": 130,
        "input_tokens_details": {"cached_tokens": 40, "cache_write_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 10},
    },
    "incomplete_details": None,
    "error": None,
    "instructions": None,
    "metadata": {},
    "parallel_tool_calls": True,
    "temperature": None,
    "tool_choice": "auto",
    "tools": [],
    "top_p": None,
}
RESPONSES = {
    "openai_chat": CHAT_RESPONSE,
    "claude": CLAUDE_RESPONSE,
    "gemini": GEMINI_RESPONSE,
    "openai_responses": RESPONSES_RESPONSE,
}
