"""How long extraction takes per article, in this process: the part of a build the workers do.

    python benchmarks/extraction.py                    1,000 generated articles, 5 runs
    python benchmarks/extraction.py DIR --runs 3       the articles of any corpus

Each run reads the corpus once, then extracts every article's facts with the sentence memory
cleared, so that every run does all the work; it prints the median, minimum and maximum of the
milliseconds of CPU per article. To compare two versions of the engine, run it under each in turn
(the same corpus, the same machine, one after the other) and quote the ratio of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - the generator next to this file

from briefing import extract as extraction  # noqa: E402
from briefing.corpus import load_corpus  # noqa: E402
from briefing.extract.gazetteer import reference  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, help="default: 1,000 generated articles")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    root = args.corpus
    if root is None:
        root = HERE / "out" / "extraction-1k"
        if not root.exists():
            generate.main(["1000", str(root)])
    texts = list(load_corpus(root).texts.values())
    reference()  # the gazetteer is built or loaded once per process, not per article
    per_article = []
    for _ in range(args.runs):
        extraction._read.cache_clear()
        extraction._remembered_places.clear()
        started = time.process_time()  # CPU time: a shared machine's other work counts less
        for text in texts:
            extraction.extract(text)
        per_article.append((time.process_time() - started) * 1000 / len(texts))
    print(
        f"{len(texts)} articles, {args.runs} runs: median {statistics.median(per_article):.3f} ms"
        f" of CPU per article (min {min(per_article):.3f}, max {max(per_article):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
