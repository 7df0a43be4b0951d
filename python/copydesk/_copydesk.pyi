# Type stubs for the private extension module copydesk._copydesk.
from typing import Any, Dict, Iterable, List, Optional, Tuple

__version__: str

class QuoteRecord:
    """The stored fields of a copydesk.Quote (offsets -1 when absent)."""
    start: int
    end: int
    speaker_name: Optional[str]
    _cue_start: int
    _cue_end: int
    _speaker_start: int
    _speaker_end: int
    _confidence: float
    _kind: str
    _source: str
    def __init__(
        self, start: int, end: int, kind: str, cue_start: int, cue_end: int,
        speaker_start: int, speaker_end: int, speaker_name: Optional[str], confidence: float,
        source: str,
    ) -> None: ...

def set_quote_class(cls: type) -> None: ...
def find_quotes(
    text: str, attribute_speakers: bool, report_uncued_fragments: bool
) -> List[Any]: ...
def paragraph_spans(text: str) -> List[Tuple[int, int]]: ...
def blocks(text: str) -> List[Tuple[str, int, int]]: ...
def analyze(
    text: str,
    profile: str,
    normalize_options: Dict[str, Any],
    published: Optional[Tuple[int, int, int]],
    splitter: Optional[_SentenceSplitter],
) -> Dict[str, Any]: ...
def analyze_many(
    texts: Iterable[str],
    threads: int,
    profile: str,
    normalize_options: Dict[str, Any],
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
def analyze(text: str) -> Dict[str, Any]: ...
def analyze_many(texts: Iterable[str], threads: int = ...) -> List[Dict[str, Any]]: ...

class CleanTextCore:
    @property
    def text(self) -> str: ...
    @property
    def edits(self) -> List[Tuple[str, Tuple[int, int], Tuple[int, int]]]: ...
    def to_raw(self, start: int, end: int) -> Tuple[int, int]: ...
    def to_clean(self, start: int, end: int) -> Tuple[int, int]: ...

def normalize_options(profile: str, overrides: Dict[str, Any]) -> Any: ...
def normalize(text: str, options: Any) -> str: ...
def clean(text: str, options: Any) -> CleanTextCore: ...
