"""How fast briefing is on corpora of 1,000, 10,000 and 100,000 generated articles.

    python benchmarks/speed.py                          1,000 and 10,000 articles
    python benchmarks/speed.py --sizes 100000           one size
    python benchmarks/speed.py --markdown               also the table for the README

For each size: the cold build (`briefing index` in a fresh process, with an empty cache), the warm
open (a fresh process until its briefing is ready), taking in one changed file, search times
(p50/p95 over varied queries of five kinds) and peak memory (all processes of the build). `rg`
over the same folder answers the same words in the same run, as the baseline. Corpora and caches
are kept in benchmarks/out/ (made once per size; the same seed gives the same corpus).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - the generator next to this file

SEARCHES = 20  # queries of each kind
RG_RUNS = 3
OPEN_RUNS = 5
CHANGES = 5
READY = (
    "import sys\n"
    "from pathlib import Path\n"
    "from briefing.engine import open_desk\n"
    "briefing = open_desk(Path(sys.argv[1])).briefing\n"
    "print(len(briefing.events), len(briefing.people), len(briefing.venues))\n"
)


@dataclass
class Kind:
    """One kind of search: our queries, and what `rg` is asked for the same words."""

    name: str
    queries: list[str]
    rg: list[list[str]]
    ours_ms: list[float] = field(default_factory=list)
    rg_ms: list[float] = field(default_factory=list)


@dataclass
class Figures:
    size: int
    megabytes: float
    cold_s: float
    peak_mb: float
    open_s: float
    change_s: float
    kinds: list[Kind]
    cache_mb: float


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--markdown", action="store_true", help="print the README table too")
    args = parser.parse_args(argv)
    if shutil.which("rg") is None:
        sys.exit("rg (ripgrep) is needed for the baseline: apt install ripgrep")
    results = [measure(size) for size in args.sizes]
    if args.markdown:
        print(markdown(results))


def measure(size: int) -> Figures:
    corpus = OUT / f"corpus-{size}"
    if not corpus.exists():
        print(f"writing {size:,} articles to {corpus} ...", flush=True)
        generate.generate(size, corpus)
    cache = OUT / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = str(cache)
    megabytes = sum(path.stat().st_size for path in corpus.rglob("*") if path.is_file()) / 1e6
    print(f"\n== {size:,} articles ({megabytes:,.0f} MB)", flush=True)

    started = time.perf_counter()
    peak = run_watching_memory([sys.executable, "-m", "briefing", "index", str(corpus)])
    cold = time.perf_counter() - started
    print(f"cold build      {cold:8.1f} s    peak memory {peak:,.0f} MB (PSS, all its processes)")

    opens = [timed_process([sys.executable, "-c", READY, str(corpus)]) for _ in range(OPEN_RUNS)]
    print(f"warm open       {statistics.median(opens):8.2f} s    (median of {OPEN_RUNS}, "
          "process start to briefing ready)", flush=True)  # fmt: skip

    from briefing.engine import open_desk

    desk = open_desk(corpus)
    change = statistics.median(take_in_a_change(desk, corpus, number) for number in range(CHANGES))
    print(f"one changed file{change:8.2f} s    (median of {CHANGES})", flush=True)

    kinds = search_kinds(desk)
    for kind in kinds:
        for query in kind.queries:
            started = time.perf_counter()
            desk.search(query)
            kind.ours_ms.append((time.perf_counter() - started) * 1000)
        for words in kind.rg:
            runs = [timed_process(["rg", "-l", "-i", *words, str(corpus)]) for _ in range(RG_RUNS)]
            kind.rg_ms.append(statistics.median(runs) * 1000)
        p50, p95 = percentile(kind.ours_ms, 50), percentile(kind.ours_ms, 95)
        rg = statistics.median(kind.rg_ms)
        print(f"search {kind.name:<12} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms   rg {rg:7.0f} ms "
              f"({rg / p95:,.0f}x the p95)   e.g. {kind.queries[0]!r}", flush=True)  # fmt: skip
    location = desk.store.location
    cache_mb = sum(path.stat().st_size for path in location.parent.glob(location.name + "*")) / 1e6
    print(f"cache           {cache_mb:8.0f} MB", flush=True)
    desk.close()
    return Figures(size, megabytes, cold, peak, statistics.median(opens), change, kinds, cache_mb)


# -- what is measured -----------------------------------------------------------------------------


def take_in_a_change(desk: object, corpus: Path, number: int) -> float:
    """Edit one article (a sentence added) and time the update that takes it in."""
    from briefing.engine import Desk

    assert isinstance(desk, Desk)
    files = sorted(path for path in corpus.rglob("*.txt"))
    path = files[(number * 7919) % len(files)]
    with path.open("a", encoding="utf-8") as article:
        article.write(f"\nThe ministry added a note on Friday, revision {number}.\n")
    started = time.perf_counter()
    done = desk.refresh()
    elapsed = time.perf_counter() - started
    assert done.read == 1, done
    return elapsed


def search_kinds(desk: object) -> list[Kind]:
    """Queries of five kinds drawn from the corpus itself, so that each finds something."""
    from briefing.engine import Desk

    assert isinstance(desk, Desk)
    people = sorted(desk.briefing.people, key=lambda person: (person.article_count, person.id))
    named = [person for person in people if len(person.name.split()) >= 2]
    rare = [person.name.split()[-1] for person in named][:SEARCHES]
    known = [person.name.split()[-1] for person in named[::-1]][:SEARCHES]
    rows = desk.store.connection.execute(
        "SELECT term FROM search_vocab WHERE length(term) >= 5 AND term GLOB '[a-z]*' "
        "ORDER BY doc DESC LIMIT ?",
        (SEARCHES,),
    )
    common = [row[0] for row in rows]
    phrases = [" ".join(claim.split()[index : index + 2])
               for claim in generate.CLAIMS for index in (1, 3)][:SEARCHES]  # fmt: skip
    prefixes = [word[: max(4, len(word) - 3)] for word in common]
    venues = [venue.name for venue in desk.briefing.venues if venue.kind == "city"][:SEARCHES]
    filtered = [f"{common[i % len(common)]} person:{known[i % len(known)]}" if i % 2 else
                f"{common[i % len(common)]} venue:{venues[i % len(venues)]}"
                for i in range(SEARCHES)]  # fmt: skip
    return [
        Kind("rare name", rare, [["-w", name] for name in rare[:5]]),
        Kind("common word", common, [["-w", word] for word in common[:5]]),
        Kind("phrase", [f'"{p}"' for p in phrases], [["-w", p] for p in phrases[:5]]),
        Kind("prefix", [f"{p}*" for p in prefixes], [[f"\\b{p}\\w*"] for p in prefixes[:5]]),
        Kind("filtered", filtered, [["-w", query.split()[0]] for query in filtered[:5]]),
    ]


def percentile(values: list[float], which: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(which / 100 * (len(ordered) - 1)))]


def timed_process(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def run_watching_memory(command: list[str]) -> float:
    """Run a command; the highest memory its processes held together, in MB (Linux /proc)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, errors = process.communicate()
    stop.set()
    watcher.join()
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')}")
    return peak


def tree_rss_mb(root: int) -> float:
    """The memory a process and its children hold, counting pages they share once (PSS)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
            except OSError:
                continue
    tree, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                todo.append(pid)
    return sum(_pss_kb(pid) for pid in tree) / 1000


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# -- the README table -----------------------------------------------------------------------------


def markdown(results: list[Figures]) -> str:
    rows = [
        ("articles (MB)", lambda f: f"{f.size:,} ({f.megabytes:,.0f} MB)"),
        ("cold build", lambda f: f"{f.cold_s:,.1f} s"),
        ("warm open", lambda f: f"{f.open_s:.2f} s"),
        ("one changed file", lambda f: f"{f.change_s:.2f} s"),
        ("peak memory (build)", lambda f: f"{f.peak_mb:,.0f} MB"),
        ("cache on disk", lambda f: f"{f.cache_mb:,.0f} MB"),
    ]
    for index, kind in enumerate(results[0].kinds):
        rows.append((f"search {kind.name} p50 / p95", _search_cell(index)))
    lines = ["| | " + " | ".join(f"{f.size:,}" for f in results) + " |",
             "|---|" + "---|" * len(results)]  # fmt: skip
    lines += [f"| {name} | " + " | ".join(cell(f) for f in results) + " |" for name, cell in rows]
    return "\n".join(lines)


def _search_cell(index: int) -> Callable[[Figures], str]:
    def cell(figures: Figures) -> str:
        kind = figures.kinds[index]
        p95 = percentile(kind.ours_ms, 95)
        ratio = statistics.median(kind.rg_ms) / p95
        return f"{percentile(kind.ours_ms, 50):.1f} / {p95:.1f} ms ({ratio:,.0f}x rg)"

    return cell


if __name__ == "__main__":
    main()
