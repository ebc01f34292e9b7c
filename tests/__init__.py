"""specgen's tests; a package so `python -m tests.golden_cases` works from the repo root."""
