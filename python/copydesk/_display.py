"""How an Article looks in Jupyter and in a terminal."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, List

if TYPE_CHECKING:
    from ._article import Article


def article_html(article: "Article") -> str:
    """An HTML view of the article: one block per paragraph."""
    blocks = [
        f'<p style="margin:0.3em 0"><small style="color:#888">¶{i + 1}</small> '
        f"{html.escape(p.text)}</p>"
        for i, p in enumerate(article.paragraphs)
    ]
    return '<div class="copydesk-article">' + "".join(blocks) + "</div>"


def article_text(article: "Article") -> str:
    """A plain-text report of the article, as the command line prints it."""
    lines: List[str] = [f"paragraphs: {len(article.paragraphs)}"]
    for i, p in enumerate(article.paragraphs, 1):
        first_line = p.text.splitlines()[0] if p.text else ""
        lines.append(f"  [{i}] {p.start}-{p.end}  {first_line[:100]}")
    return "\n".join(lines)
