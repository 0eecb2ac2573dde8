"""The engine's front door: a corpus path in, a `Briefing` out. Every face starts here."""

from __future__ import annotations

from pathlib import Path

from briefing.corpus import CorpusError, load_corpus
from briefing.extract import extract
from briefing.model import Briefing
from briefing.resolve import resolve_briefing


def open_briefing(root: Path) -> Briefing:
    """Read, extract and resolve the corpus at `root`; `CorpusError` if it holds no article."""
    corpus = load_corpus(root)
    if not corpus.articles:
        reasons = "; ".join(f"{skip.path}: {skip.reason}" for skip in corpus.skipped[:3])
        raise CorpusError(f"{root}: no articles found" + (f" ({reasons})" if reasons else ""))
    facts = {article.path: extract(article.text) for article in corpus.articles}
    return resolve_briefing(corpus, facts)
