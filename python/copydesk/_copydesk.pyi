# Type stubs for the private extension module copydesk._copydesk.
from typing import Any, Dict, Iterable, List, Optional, Tuple

__version__: str

def paragraph_spans(text: str) -> List[Tuple[int, int]]: ...
def analyze(text: str) -> Dict[str, Any]: ...
def analyze_many(texts: Iterable[str], threads: int = ...) -> List[Dict[str, Any]]: ...
def parse_dateline(
    text: str,
    published: Optional[Tuple[int, int, int]],
    max_prefix_bytes: int,
    allow_lowercase: bool,
) -> Optional[Tuple[Any, ...]]: ...
