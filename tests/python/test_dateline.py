"""Datelines from Python: the golden cases shared with the C++ tests, the
Python types, publication dates and bad input."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import time

import pytest

import copydesk as cd
from conftest import load_cases

CASES = load_cases("dateline.jsonl")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_golden(case):
    text = case["text"]
    d = cd.parse_dateline(text, published=case["published"])
    expect = case["expect"]
    if expect is None:
        assert d is None, d and d.text
        return
    assert d is not None
    assert [loc.text for loc in d.locations] == expect["locations"]
    assert (d.month, d.day, d.year) == (expect["month"], expect["day"], expect["year"])
    if expect["agency"] is None:
        assert d.agency is None
    else:
        assert (d.agency.name, d.agency.text) == (expect["agency"], expect["agency_text"])
    assert text[d.body_start:].startswith(expect["body"])
    if "names" in expect:
        assert [loc.name for loc in d.locations] == expect["names"]
    if "date" in expect:
        assert d.date_span.text == expect["date"]
    if "regions" in expect:
        assert [[s.text for s in loc.region_spans] for loc in d.locations] == expect["regions"]


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"]], ids=lambda c: c["id"])
def test_spans_index_the_text(case):
    text = case["text"]
    d = cd.parse_dateline(text)
    assert text[d.start:d.end] == d.text
    assert d.end <= d.body_start <= len(text)
    for loc in d.locations:
        assert text[loc.start:loc.end] == loc.text
        assert d.start <= loc.start <= loc.end <= d.end
        assert text[loc.city_span.start:loc.city_span.end] == loc.city
    if d.agency:
        assert text[d.agency.start:d.agency.end] == d.agency.text


def test_offsets_are_str_indices_after_non_ascii():
    text = "«Preámbulo»\nBOGOTÁ, 7 jun (EFE).- El Congreso aprobó la reforma."
    d = cd.parse_dateline(text)
    assert d.locations[0].text == "BOGOTÁ"
    assert d.locations[0].name == "Bogotá"
    assert text[d.body_start:].startswith("El Congreso")


def test_location_parts():
    d = cd.parse_dateline("Srinagar (Jammu and Kashmir) [India], May 22 (ANI): Tourists came.")
    (loc,) = d.locations
    assert loc.city == "Srinagar"
    assert loc.region == "Jammu and Kashmir, India"
    assert cd.parse_dateline("HONOLULU (AP) — Waves.").locations[0].region is None


@pytest.mark.parametrize(
    "published",
    [dt.date(2024, 1, 1), dt.datetime(2024, 1, 1, 8, 30), "2024-01-01", "2024-01-01T08:30:00"],
)
def test_published_forms_resolve_the_year(published):
    d = cd.parse_dateline("MANILA, Dec. 31 (Xinhua) -- Fireworks lit the bay.", published=published)
    assert d.year == 2023
    assert d.date == dt.date(2023, 12, 31)
    assert not d.year_written


def test_without_publication_the_year_is_unknown():
    d = cd.parse_dateline("MANILA, Dec. 31 (Xinhua) -- Fireworks lit the bay.")
    assert d.year is None and d.date is None
    assert (d.month, d.day) == (12, 31)


def test_dateline_without_date_takes_publication_year():
    d = cd.parse_dateline("CAIRO (AP) — Prices rose.", published="2024-03-06")
    assert (d.month, d.day, d.year, d.date) == (None, None, 2024, None)


@pytest.mark.parametrize("bad", ["yesterday", "2023-02-30", "15/11/2023", ""])
def test_bad_published_string_raises_config_error(bad):
    with pytest.raises(cd.ConfigError):
        cd.parse_dateline("CAIRO (AP) — Prices rose.", published=bad)
    assert issubclass(cd.ConfigError, ValueError)


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        cd.parse_dateline(b"CAIRO (AP) - x")
    with pytest.raises(TypeError):
        cd.parse_dateline("CAIRO (AP) - x", published=20240306)


def test_pickles_and_converts_to_plain_types():
    d = cd.parse_dateline("TOKYO/SEOUL, Sept. 5 (Yonhap) -- Officials met.", published="2023-09-05")
    assert pickle.loads(pickle.dumps(d)) == d
    plain = json.loads(json.dumps(d.to_dict()))
    assert plain["date"] == "2023-09-05"
    assert [loc["text"] for loc in plain["locations"]] == ["TOKYO", "SEOUL"]
    assert plain["agency"]["name"] == "Yonhap"


def test_bad_input_gives_an_answer():
    assert cd.parse_dateline("") is None
    assert cd.parse_dateline("\x00\x01\ufffd\udcff (AP) \u2014") is None
    d = cd.parse_dateline("\udcffLONDON (AP) — Text.")
    assert d is None or d.body_start <= len("\udcffLONDON (AP) — Text.")


def test_huge_text_without_spaces_returns_fast():
    huge = "A" * (100 * 1024 * 1024)
    started = time.perf_counter()
    assert cd.parse_dateline(huge) is None
    assert time.perf_counter() - started < 0.5


def test_max_prefix_bytes_bounds_the_search():
    text = "Headline\n" + "\n" * 50 + "LONDON, Nov 2 (Reuters) - Text."
    assert cd.parse_dateline(text) is not None
    assert cd.parse_dateline(text, max_prefix_bytes=40) is None
