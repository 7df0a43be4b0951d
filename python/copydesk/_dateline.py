"""Datelines: where and when a story was filed, and by whom.

>>> import copydesk
>>> d = copydesk.parse_dateline("SEOUL, Nov. 15 (Yonhap) -- North Korea ...",
...                             published="2023-11-15")
>>> d.locations[0].name, d.date, d.agency.name
('Seoul', datetime.date(2023, 11, 15), 'Yonhap')
>>> d.body_start
27

Offsets are ``str`` indices into the text given to :func:`parse_dateline`.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple, Union

from . import _copydesk
from ._span import Span
from ._errors import ConfigError

PublishedDate = Union[_dt.date, _dt.datetime, str, None]


def _build(cls: Any, **fields: Any) -> Any:
    """An instance of the frozen dataclass ``cls`` from trusted fields.

    Filling ``__dict__`` directly skips the generated ``__init__``, whose
    frozen-attribute writes cost more than the parse itself.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


@dataclass(frozen=True)
class DatelineLocation:
    """One place of a dateline.

    ``text`` is the place as written with its qualifiers ("COLUMBUS, Ohio",
    "Srinagar (Jammu and Kashmir) [India]"); ``city`` the city alone
    ("COLUMBUS"); ``region`` the qualifiers without brackets, joined by ", "
    ("Ohio", "Jammu and Kashmir, India"), or None; ``name`` the city for
    display ("ST. LOUIS" -> "St. Louis"; mixed-case cities stay as written).
    """

    start: int
    end: int
    text: str
    city: str
    region: Optional[str]
    name: str
    city_span: Span
    region_spans: Tuple[Span, ...]

    def to_dict(self) -> Dict[str, Any]:
        """The place as plain values."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "city": self.city,
            "region": self.region,
            "name": self.name,
            "city_span": self.city_span.to_dict(),
            "region_spans": [s.to_dict() for s in self.region_spans],
        }


@dataclass(frozen=True)
class DatelineAgency:
    """The credited agency: ``text`` as written without brackets or slashes
    ("BUSINESS WIRE"), ``name`` its canonical name ("Business Wire")."""

    start: int
    end: int
    text: str
    name: str

    def to_dict(self) -> Dict[str, Any]:
        """The agency as plain values."""
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name}


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline.

    ``start``/``end``/``text``: the dateline through its separator
    ("SEOUL, Nov. 15 (Yonhap) --"). ``locations``: the places in order (empty
    for "(CNN) —"). ``month``/``day``: the written date, None when the
    dateline has none (AP style); ``date_span`` where it is written.
    ``year``: the written year, else resolved from ``published`` (the latest
    year that puts the date no later than the day after publication; the
    publication year when the dateline has no date), else None.
    ``agency``: the credited agency or None. ``body_start``: where the story
    body begins.
    """

    start: int
    end: int
    text: str
    locations: Tuple[DatelineLocation, ...]
    month: Optional[int]
    day: Optional[int]
    year: Optional[int]
    year_written: bool
    date_span: Optional[Span]
    agency: Optional[DatelineAgency]
    body_start: int

    @property
    def date(self) -> Optional[_dt.date]:
        """The dateline date as a ``datetime.date``, or None when the month,
        day or year is unknown."""
        if self.month is None or self.day is None or self.year is None:
            return None
        return _dt.date(self.year, self.month, self.day)

    @classmethod
    def _from_core(cls, text: str, core: Tuple[Any, ...]) -> "Dateline":
        """From the tuple copydesk._copydesk.parse_dateline returns."""
        start, end, places, date, month, day, year, year_written, agency_core, body_start = core
        locations = []
        for p_start, p_end, c_start, c_end, regions, name in places:
            city = Span.of(text, (c_start, c_end))
            region_spans = tuple(Span.of(text, r) for r in regions)
            locations.append(
                _build(
                    DatelineLocation,
                    start=p_start,
                    end=p_end,
                    text=text[p_start:p_end],
                    city=city.text,
                    region=", ".join(s.text for s in region_spans) if region_spans else None,
                    name=name,
                    city_span=city,
                    region_spans=region_spans,
                )
            )
        agency = None
        if agency_core is not None:
            a_start, a_end, a_name = agency_core
            agency = _build(
                DatelineAgency, start=a_start, end=a_end, text=text[a_start:a_end], name=a_name
            )
        return _build(
            cls,
            start=start,
            end=end,
            text=text[start:end],
            locations=tuple(locations),
            month=month or None,
            day=day or None,
            year=year,
            year_written=year_written,
            date_span=Span.of(text, date) if date is not None else None,
            agency=agency,
            body_start=body_start,
        )

    def to_dict(self) -> Dict[str, Any]:
        """The dateline as plain values (for JSON, pandas or Arrow); ``date``
        is an ISO string or None."""
        date = self.date
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "locations": [loc.to_dict() for loc in self.locations],
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "year_written": self.year_written,
            "date": date.isoformat() if date else None,
            "date_span": self.date_span.to_dict() if self.date_span else None,
            "agency": self.agency.to_dict() if self.agency else None,
            "body_start": self.body_start,
        }


def _published_tuple(published: PublishedDate) -> Optional[Tuple[int, int, int]]:
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        published = published.date()
    if isinstance(published, _dt.date):
        return (published.year, published.month, published.day)
    if isinstance(published, str):
        try:
            day = _dt.date.fromisoformat(published)
        except ValueError:
            try:
                day = _dt.datetime.fromisoformat(published).date()
            except ValueError:
                raise ConfigError(
                    f"published must be an ISO date such as '2023-11-15', not {published!r}"
                ) from None
        return (day.year, day.month, day.day)
    raise TypeError(
        "published must be a datetime.date, a datetime.datetime, an ISO date string "
        f"or None, not {type(published).__name__}"
    )


def parse_dateline(
    text: str,
    *,
    published: PublishedDate = None,
    max_prefix_bytes: int = 640,
    allow_lowercase: bool = False,
) -> Optional[Dateline]:
    """The dateline that opens ``text``, or None when it has none.

    Preamble lines (section label, headline, byline, advisories such as
    "(ATTN: ...)", a source credit) may come first. Only the first
    ``max_prefix_bytes`` bytes of UTF-8 are read, so the cost does not grow with
    the story. ``published`` (a ``datetime.date``, ``datetime.datetime`` or ISO
    string) resolves the year of a dateline that does not write it; a string
    that is not an ISO date raises :class:`copydesk.ConfigError`.
    ``allow_lowercase`` accepts place names in lower case.
    """
    if not isinstance(text, str):
        raise TypeError(f"copydesk expects text as str, not {type(text).__name__}")
    if max_prefix_bytes < 0:
        raise ConfigError("max_prefix_bytes must not be negative")
    core = _copydesk.parse_dateline(
        text, _published_tuple(published), min(max_prefix_bytes, 2**32 - 1), bool(allow_lowercase)
    )
    return None if core is None else Dateline._from_core(text, core)
