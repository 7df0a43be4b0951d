"""How an Article looks in Jupyter and in a terminal."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._article import Article

_BLOCK_STYLE = {
    "label": "color:#888;text-transform:uppercase;font-size:small",
    "headline": "font-weight:bold;font-size:larger",
    "body": "",
    "tail": "color:#aaa",
}
_QUOTE_STYLE = "background:#fff3c4;border-bottom:2px solid #e0a800"


def _marked(article: "Article", start: int, end: int) -> str:
    """HTML for text[start:end] with the quotes inside it highlighted and
    their speakers shown on hover."""
    out: List[str] = []
    pos = start
    for q in article.quotes:
        if q.end <= start or q.start >= end:
            continue
        q_start, q_end = max(q.start, pos), min(q.end, end)
        out.append(html.escape(article.text[pos:q_start]))
        who = q.speaker_name or "no speaker"
        out.append(f'<span style="{_QUOTE_STYLE}" title="{q.kind.value}: {html.escape(who)}">'
                   f"{html.escape(article.text[q_start:q_end])}</span>")
        pos = q_end
    out.append(html.escape(article.text[pos:end]))
    return "".join(out)


def article_html(article: "Article") -> str:
    """An HTML view of the article: styled blocks, quotes highlighted with
    their speakers on hover, and a table of the quotes."""
    parts = ['<div class="copydesk-article">']
    for b in article.blocks:
        parts.append(f'<p style="margin:0.3em 0;{_BLOCK_STYLE.get(b.kind, "")}" title="{b.kind}">'
                     f"{_marked(article, b.span.start, b.span.end)}</p>")
    if article.quotes:
        parts.append('<table><tr><th>kind</th><th>speaker</th><th>cue</th><th>quote</th></tr>')
        for q in article.quotes:
            parts.append(
                f"<tr><td>{q.kind.value}</td><td>{html.escape(q.speaker_name or '')}</td>"
                f"<td>{html.escape(q.cue.text if q.cue else '')}</td>"
                f"<td>{html.escape(_clip(q.text, 120))}</td></tr>")
        parts.append("</table>")
    parts.append("</div>")
    return "".join(parts)


def _clip(text: str, width: int = 100) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def article_text(article: "Article") -> str:
    """A plain-text report of the article, as the command line prints it."""
    lines: List[str] = []
    headline = article.headline
    lines.append(f"headline:  {headline.text if headline else '(none)'}")
    d = article.dateline
    if d is None:
        lines.append("dateline:  (none)")
    else:
        places = " / ".join(loc.name + (f" ({loc.region})" if loc.region else "") for loc in d.locations)
        when = d.date.isoformat() if d.date else (f"{d.month}-{d.day}" if d.month else "no date")
        agency = d.agency.name if d.agency else "no agency"
        lines.append(f"dateline:  {d.text!r} -> {places or 'no place'}; {when}; {agency}")
    body = [b for b in article.blocks if b.kind == "body"]
    tail = [b for b in article.blocks if b.kind == "tail"]
    lines.append(f"body:      {len(body)} paragraphs, {len(article.sentences)} sentences"
                 + (f"; {len(tail)} tail lines set aside" if tail else ""))
    if article.edits:
        lines.append(f"cleanup:   {len(article.edits)} repairs")
    lines.append(f"quotes:    {len(article.quotes)}")
    for q in article.quotes:
        speaker = q.speaker_name or "(no speaker)"
        via = f" via {q.speaker.text!r}" if q.speaker and q.speaker.text != q.speaker_name else ""
        cue = q.cue.text if q.cue else "-"
        lines.append(f"  {q.kind.value:<8} {speaker}{via} [{cue}]")
        lines.append(f"           {_clip(q.text, 90)}")
    return "\n".join(lines)
