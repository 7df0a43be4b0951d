# Type stubs for the private extension module copydesk._copydesk.
from typing import Any, Dict, Iterable, List, Optional, Tuple

__version__: str

def paragraph_spans(text: str) -> List[Tuple[int, int]]: ...
def blocks(text: str) -> List[Tuple[str, int, int]]: ...
def analyze(
    text: str, published: Optional[Tuple[int, int, int]], splitter: Optional[_SentenceSplitter]
) -> Dict[str, Any]: ...
def analyze_many(
    texts: Iterable[str],
    threads: int,
    published: Optional[Tuple[int, int, int]],
    splitter: Optional[_SentenceSplitter],
) -> List[Dict[str, Any]]: ...
def parse_dateline(
    text: str,
    published: Optional[Tuple[int, int, int]],
    max_prefix_bytes: int,
    allow_lowercase: bool,
) -> Optional[Tuple[Any, ...]]: ...

class _SentenceSplitter:
    def spans(self, text: str) -> List[Tuple[int, int]]: ...
    def split(self, text: str) -> List[str]: ...

def make_sentence_splitter(
    language: str, extra_abbreviations: List[str], non_breaking_words: List[str]
) -> Tuple[Optional[_SentenceSplitter], str]: ...
def sentence_languages() -> List[str]: ...
