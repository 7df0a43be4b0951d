"""Shared helpers for the Python tests: the golden cases in tests/data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_cases(file_name: str) -> List[Dict[str, Any]]:
    """Every non-blank line of tests/data/<file_name>, parsed as JSON."""
    with open(DATA_DIR / file_name, encoding="utf-8") as f:
        cases = [json.loads(line) for line in f if line.strip()]
    assert cases, f"{file_name} has no cases"
    return cases
