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


def article_html(article: "Article") -> str:
    """An HTML view of the article: one styled block per paragraph."""
    blocks = [
        f'<p style="margin:0.3em 0;{_BLOCK_STYLE.get(b.kind, "")}" title="{b.kind}">'
        f"{html.escape(b.text)}</p>"
        for b in article.blocks
    ]
    return '<div class="copydesk-article">' + "".join(blocks) + "</div>"


def _clip(text: str, width: int = 100) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def article_text(article: "Article") -> str:
    """A plain-text report of the article, as the command line prints it."""
    lines: List[str] = []
    headline = article.headline
    lines.append(f"headline: {headline.text if headline else '(none)'}")
    body = [b for b in article.blocks if b.kind == "body"]
    lines.append(f"body: {len(body)} paragraphs")
    for b in body:
        lines.append(f"  {b.span.start:>6}-{b.span.end:<6} {_clip(b.text)}")
    tail = [b for b in article.blocks if b.kind == "tail"]
    if tail:
        lines.append(f"tail (not part of the story): {len(tail)} lines")
    return "\n".join(lines)
