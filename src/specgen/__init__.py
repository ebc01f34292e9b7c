"""specgen: render a canonical OpenAPI spec of an LLM gateway into vendorable Python packages.

The pipeline is the layout: load → validate → ir → render → format → write.
"""

__version__ = "0.1.0"
