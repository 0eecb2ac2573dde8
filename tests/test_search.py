"""Search: the query language, its filters over the briefing, ranking, snippets, suggestions and
clear messages for queries that cannot be read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.engine import Desk, open_desk
from briefing.search import MARK_END, MARK_START, QueryError, parse, snippet_parts

ARTICLES: dict[str, str | bytes] = {
    "proposal.txt": " date 2025-05-28 Russia proposes a second round\nRussian Foreign Minister "
    "Sergey Lavrov said the second round of negotiations will take place in Istanbul on June 2. "
    "Ukrainian President Volodymyr Zelensky did not answer at once.",
    "palace.md": "---\ntitle: Delegations arrive at the palace\ndate: 2025-06-02\noutlet: Reuters\n"
    "---\n\nThe delegations met at Istanbul's Çırağan Palace at 13:00. President Volodymyr Zelenskyy "
    "said a ceasefire was the aim.",
    "drones.txt": " date 2025-06-01 Drones strike airfields\nOn Sunday, Ukrainian drones struck "
    "bombers at airfields deep inside Russia. A truce looks far away.",
    "history.txt": " date 2025-05-16 Looking back\nThe first round of talks ended with a prisoner "
    "swap. Negotiators in Istanbul agreed to exchange 1,000 prisoners each.",
}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    root = tmp_path_factory.mktemp("search") / "corpus"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(str(text), encoding="utf-8")
    return open_desk(root, cache=False)


def found(desk: Desk, query: str) -> list[str]:
    return sorted(hit.article for hit in desk.search(query).hits)


# -- words, phrases and operators ---------------------------------------------------------------


def test_words_must_all_be_there(desk: Desk) -> None:
    assert found(desk, "istanbul negotiations") == ["proposal.txt"]
    assert found(desk, "Istanbul") == ["history.txt", "palace.md", "proposal.txt"]


def test_letters_with_and_without_accents_find_each_other(desk: Desk) -> None:
    assert found(desk, "Ciragan") == ["palace.md"]
    assert found(desk, "çırağan") == ["palace.md"]


def test_a_phrase_must_stand_as_written(desk: Desk) -> None:
    assert found(desk, '"second round"') == ["proposal.txt"]
    assert found(desk, '"round second"') == []


def test_or_takes_either_word(desk: Desk) -> None:
    assert found(desk, "ceasefire OR truce") == ["drones.txt", "palace.md"]


def test_a_dash_or_not_leaves_a_word_out(desk: Desk) -> None:
    assert found(desk, "Zelensky OR Zelenskyy -ceasefire") == ["proposal.txt"]
    assert found(desk, "Zelensky OR Zelenskyy NOT ceasefire") == ["proposal.txt"]
    assert found(desk, 'round -"second round"') == ["history.txt"]


def test_a_star_finds_words_that_start_so(desk: Desk) -> None:
    assert found(desk, "negotiat*") == ["history.txt", "proposal.txt"]


def test_characters_that_mean_something_to_sqlite_are_plain_text(desk: Desk) -> None:
    for query in ("13:00", "AND", "(round", "round)", "^round", "+round", "round;", "NEAR(a b)"):
        desk.search(query)  # no error from the index
    assert found(desk, "13:00") == ["palace.md"]


# -- filters ------------------------------------------------------------------------------------


def test_a_person_filter_takes_any_spelling_the_briefing_merged(desk: Desk) -> None:
    assert found(desk, "person:Zelenskyy") == ["palace.md", "proposal.txt"]
    assert found(desk, "person:zelensky") == ["palace.md", "proposal.txt"]
    assert found(desk, 'person:"Volodymyr Zelensky" ceasefire') == ["palace.md"]


def test_a_venue_filter_takes_the_places_within_it(desk: Desk) -> None:
    assert found(desk, "venue:Istanbul") == ["history.txt", "palace.md", "proposal.txt"]


def test_date_filters_use_the_article_date(desk: Desk) -> None:
    assert found(desk, "date:2025-06") == ["drones.txt", "palace.md"]
    assert found(desk, "date:2025-06-01") == ["drones.txt"]
    assert found(desk, "after:2025-05-28") == ["drones.txt", "palace.md", "proposal.txt"]
    assert found(desk, "before:2025-05-28 round") == ["history.txt", "proposal.txt"]


def test_an_outlet_filter(desk: Desk) -> None:
    assert found(desk, "outlet:reuters") == ["palace.md"]


# -- what comes back ----------------------------------------------------------------------------


def test_a_title_weighs_more_than_the_text(desk: Desk) -> None:
    hits = desk.search("drones OR delegations").hits
    assert [hit.article for hit in hits][:2] in (
        ["drones.txt", "palace.md"],
        ["palace.md", "drones.txt"],
    )
    assert all(hit.score > 0 for hit in hits)


def test_a_word_in_the_title_outranks_the_same_word_repeated_in_the_text(
    corpus: Callable[[dict[str, str | bytes]], Path],
) -> None:
    filler = {
        f"other-{n}.txt": f" date 2025-06-01 Market report {n}\nPrices rose." for n in range(3)
    }
    root = corpus(
        {
            "title.txt": " date 2025-06-01 Ceasefire agreed\nThe sides signed the paper in Doha.",
            "text.txt": " date 2025-06-01 Talks end\nThe ceasefire was signed in Doha. The "
            "ceasefire holds, and the ceasefire is watched.",
            **filler,
        }
    )
    hits = open_desk(root, cache=False).search("ceasefire").hits
    assert [hit.article for hit in hits] == ["title.txt", "text.txt"]


def test_snippets_mark_the_words_found(desk: Desk) -> None:
    [hit] = desk.search("Ciragan").hits
    assert f"{MARK_START}Çırağan{MARK_END}" in hit.snippet
    assert ("Çırağan", True) in snippet_parts(hit.snippet)
    assert hit.date == "2025-06-02" and hit.title == "Delegations arrive at the palace"


def test_no_hits_suggest_the_nearest_names_and_words(desk: Desk) -> None:
    results = desk.search("Zelenski")
    assert results.total == 0 and results.hits == []
    assert "Zelensky" in results.suggestions
    assert "negotiations" in desk.search("negotiatons").suggestions
    assert "Volodymyr Zelensky" in desk.search("person:Zelenskiy").suggestions


def test_results_count_all_hits_and_show_a_page(desk: Desk) -> None:
    results = desk.search("a OR the", limit=2)
    assert results.total == 4 and len(results.hits) == 2
    assert results.took_ms > 0


# -- queries that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"second round', "quotation mark is not closed"),
        ("NOT", "NOT at the end"),
        ("talks NOT", "NOT at the end"),
        ("OR", "OR needs a word on each side"),
        ("talks OR", "OR at the end"),
        ("OR talks", "OR needs a word on each side"),
        ("-talks", "not only words to leave out"),
        ("", "type a word"),
        ("   ", "type a word"),
        ("persn:Lavrov", "there is no filter 'persn:'"),
        ("person:", "'person:' needs a value"),
        ("date:June", "is not a date"),
        ("after:2025-13-01", "is not a date"),
    ],
)
def test_a_malformed_query_gets_a_clear_message(desk: Desk, query: str, says: str) -> None:
    with pytest.raises(QueryError, match=says):
        desk.search(query)


def test_parse_reads_the_language() -> None:
    query = parse('"second round" Istanbul OR Ankara -drones negotiat* person:Lavrov')
    assert (
        query.match
        == '("second round") AND ("Istanbul" OR "Ankara") AND ("negotiat"*) NOT "drones"'
    )
    assert query.filters == [("person", "Lavrov")]


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def folder(corpus: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return corpus(ARTICLES)


def test_search_json_shape(folder: Path) -> None:
    result = CliRunner().invoke(main, ["search", "Ciragan", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert set(answer) == {"query", "total", "took_ms", "hits", "suggestions"}
    [hit] = answer["hits"]
    assert set(hit) == {"article", "title", "date", "score", "snippet"}
    assert "**Çırağan**" in hit["snippet"]


def test_search_prints_hits_and_suggestions(folder: Path) -> None:
    result = CliRunner().invoke(main, ["search", "Zelenski", str(folder)])
    assert result.exit_code == 0
    assert "0 articles match Zelenski" in result.output
    assert "Did you mean: Zelensky" in result.output


def test_a_malformed_query_on_the_command_line_is_an_error_message(folder: Path) -> None:
    result = CliRunner().invoke(main, ["search", '"unclosed', str(folder)])
    assert result.exit_code == 1
    assert "quotation mark is not closed" in result.output
    assert "Traceback" not in result.output and "sqlite" not in result.output.lower()
