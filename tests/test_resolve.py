"""Across the corpus: one person per human, one venue per place, dated articles, events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from briefing.model import Briefing, DateSource

Make = Callable[[dict[str, str | bytes]], Briefing]


def person_named(briefing: Briefing, form: str):  # type: ignore[no-untyped-def]
    matches = [p for p in briefing.people if form == p.name or form in p.aliases]
    assert len(matches) == 1, [p.name for p in briefing.people]
    return matches[0]


def venue_named(briefing: Briefing, form: str):  # type: ignore[no-untyped-def]
    matches = [v for v in briefing.venues if form == v.name or form in v.aliases]
    assert len(matches) == 1, [(v.name, v.aliases) for v in briefing.venues]
    return matches[0]


# -- people ---------------------------------------------------------------------------------------


def test_spellings_and_partial_forms_of_one_person_merge(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-05-28 Plans\nPresidential aide Vladimir Medinsky will lead it. "
            "Russian Foreign Minister Sergei Lavrov said so. Ukrainian President Volodymyr Zelensky agreed.",
            "b.txt": " date 2025-06-02 Talks\nThe delegation, headed by V.R. Medinsky, arrived. "
            "Foreign Minister Sergey Lavrov spoke. President Volodymyr Zelenskyy spoke too. "
            "Medinsky said little. Lavrov said more.",
        }
    )
    medinsky = person_named(briefing, "Vladimir Medinsky")
    assert set(medinsky.aliases) == {"V.R. Medinsky", "Medinsky"}
    assert briefing.articles_of("person", medinsky.id) == ["a.txt", "b.txt"]
    assert person_named(briefing, "Sergei Lavrov") is person_named(briefing, "Sergey Lavrov")
    assert person_named(briefing, "Volodymyr Zelensky") is person_named(
        briefing, "Volodymyr Zelenskyy"
    )
    assert len(briefing.people) == 3


def test_people_who_share_a_given_name_do_not_merge(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nPresident Vladimir Putin sent aide Vladimir Medinsky. Putin agreed."
        }
    )
    assert {p.name for p in briefing.people} == {"Vladimir Putin", "Vladimir Medinsky"}
    assert person_named(briefing, "Putin").name == "Vladimir Putin"


def test_a_lone_surname_joins_the_person_of_its_own_article(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nBoris Johnson met Joe Biden. Johnson said it went well.",
            "b.txt": " date 2025-06-02 T\nMike Johnson, the Speaker, objected. Johnson said no.",
        }
    )
    boris = person_named(briefing, "Boris Johnson")
    mike = person_named(briefing, "Mike Johnson")
    assert [m.article for m in briefing.mentions_of("person", boris.id)] == ["a.txt", "a.txt"]
    assert [m.article for m in briefing.mentions_of("person", mike.id)] == ["b.txt", "b.txt"]
    assert (boris.mention_count, boris.article_count) == (2, 1)


def test_a_lone_word_that_matches_nobody_is_dropped(briefing_of: Make) -> None:
    briefing = briefing_of(
        {"a.txt": " date 2025-06-02 T\nMeanwhile, Following the talks, Peskov said no."}
    )
    assert briefing.people == ()


def test_roles_are_kept_as_the_articles_give_them(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nKremlin spokesman Dmitry Peskov spoke.",
            "b.txt": " date 2025-06-02 T\nDmitry Peskov, the Kremlin's spokesperson, spoke.",
        }
    )
    assert person_named(briefing, "Dmitry Peskov").roles == (
        "Kremlin spokesman",
        "Kremlin's spokesperson",
    )


# -- venues ---------------------------------------------------------------------------------------


def test_spellings_and_exonyms_of_one_place_merge(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nThey met at Istanbul's Ciragan Palace. Fidan flew to Kiev. Turkey hosted.",
            "b.txt": " date 2025-06-02 T\nThe Çırağan Palace in Istanbul hosted them. Kyiv and Türkiye agreed.",
        }
    )
    palace = venue_named(briefing, "Ciragan Palace")
    assert palace is venue_named(briefing, "Çırağan Palace")
    assert palace.name == "Çırağan Palace" and palace.kind == "palace"
    assert venue_named(briefing, "Kiev") is venue_named(briefing, "Kyiv")
    assert venue_named(briefing, "Kyiv").name == "Kyiv"
    assert venue_named(briefing, "Turkey") is venue_named(briefing, "Türkiye")


def test_venues_are_placed_within_each_other(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nThey met at the Çırağan Palace in Istanbul. Türkiye hosted them."
        }
    )
    palace = venue_named(briefing, "Çırağan Palace")
    istanbul = venue_named(briefing, "Istanbul")
    turkiye = venue_named(briefing, "Türkiye")
    assert (palace.within, istanbul.within, turkiye.within) == (istanbul.id, turkiye.id, None)
    assert briefing.places_within(turkiye.id) == {turkiye.id, istanbul.id, palace.id}


def test_different_places_of_one_name_stay_apart(briefing_of: Make) -> None:
    briefing = briefing_of(
        {"a.txt": " date 2025-06-02 T\nThe talks moved from Moscow to Paris, where Macron waited."}
    )
    assert {v.name for v in briefing.venues} == {"Moscow", "Paris"}


# -- article dates --------------------------------------------------------------------------------


def test_an_undated_article_is_dated_between_what_it_reports_as_past_and_as_coming(
    briefing_of: Make,
) -> None:
    briefing = briefing_of(
        {
            "undated.txt": "Talks next month\nThe exchange took place from May 23 to 25, 2025. "
            "The talks will take place on June 2, 2025.",
        }
    )
    written = briefing.article["undated.txt"].date
    assert (written.earliest, written.latest, written.source) == (
        date(2025, 5, 25),
        date(2025, 6, 2),
        DateSource.INFERRED,
    )


def test_today_in_an_undated_article_dates_it(briefing_of: Make) -> None:
    briefing = briefing_of({"a.txt": "Today, June 2, 2025, the delegations meet in Istanbul."})
    written = briefing.article["a.txt"].date
    assert (written.day, written.source) == (date(2025, 6, 2), DateSource.INFERRED)


def test_an_undated_article_takes_its_year_from_the_same_day_in_dated_articles(
    briefing_of: Make,
) -> None:
    briefing = briefing_of(
        {
            "dated.txt": " date 2025-05-28 Plans\nThe talks will be held in Istanbul on June 2.",
            "undated.txt": "Plans\nThe second round is scheduled for the 2nd of June in Istanbul. "
            "Russia invaded in February 2022.",
        }
    )
    talks = [e for e in briefing.events if e.when.iso() == "2025-06-02"]
    assert len(talks) == 1
    assert briefing.articles_of("event", talks[0].id) == ["dated.txt", "undated.txt"]
    assert briefing.article["undated.txt"].date.source is DateSource.UNKNOWN


def test_without_a_shared_place_or_person_no_year_is_borrowed(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "dated.txt": " date 2025-05-28 Plans\nThe talks will be held in Istanbul on June 2.",
            "undated.txt": "Elsewhere\nA festival in Vienna opens on June 2.",
        }
    )
    assert [briefing.articles_of("event", e.id) for e in briefing.events] == [["dated.txt"]]


# -- events ---------------------------------------------------------------------------------------

TALKS = {
    "a.txt": " date 2025-05-28 Russia proposes talks\nRussian Foreign Minister Sergey Lavrov said the second "
    "round will take place in Istanbul on June 2.",
    "b.txt": " date 2025-06-02 Talks today\nOn June 2, the second round of negotiations takes place at the "
    "Çırağan Palace in Istanbul. On May 16, the first round was held in Istanbul.",
    "c.txt": " date 2025-06-02 Drones strike airfields\nOn Sunday, Ukrainian drones struck bombers at "
    "airfields in Russia. Talks are scheduled for Monday in Istanbul.",
}


def test_mentions_of_one_event_in_many_articles_are_one_event(briefing_of: Make) -> None:
    briefing = briefing_of(TALKS)
    [talks] = [e for e in briefing.events if e.when.iso() == "2025-06-02"]
    assert briefing.articles_of("event", talks.id) == ["a.txt", "b.txt", "c.txt"]
    assert (talks.sources, talks.article_count) == (3, 3)
    assert briefing.venue[talks.venues[0]].name in ("Istanbul", "Çırağan Palace")


def test_events_sort_by_date_with_month_and_year_dates_in_their_place(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            **TALKS,
            "d.txt": " date 2025-06-03 Background\nThe war began in February 2022. Talks failed in 2022. "
            "In May this year the sides met again.",
        }
    )
    assert [e.when.iso() for e in briefing.events] == [
        "2022", "2022-02", "2025-05", "2025-05-16", "2025-06-01", "2025-06-02",
    ]  # fmt: skip


def test_different_happenings_on_one_day_stay_apart(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-02 T\nOn Sunday, drones struck airfields in Siberia.",
            "b.txt": " date 2025-06-02 T\nOn Sunday, the delegation arrived in Istanbul for talks.",
        }
    )
    assert len([e for e in briefing.events if e.when.iso() == "2025-06-01"]) == 2


def test_syndicated_copies_count_as_one_source(briefing_of: Make) -> None:
    body = (
        "Russian and Ukrainian negotiators agreed in Istanbul on Monday to a fresh exchange of prisoners "
        "and to return thousands of soldiers' bodies, but their second round of direct talks brought no "
        "progress towards a ceasefire. The meeting at the palace lasted a little over an hour, and both "
        "delegations left without announcing a date for a third round of talks."
    )
    briefing = briefing_of(
        {
            "wire.txt": f" date 2025-06-02 Talks end with swap deal\n{body}",
            "copy.txt": f" date 2025-06-03 Prisoner swap agreed in Istanbul\n{body}\nFirst published by the wire.",
            "other.txt": " date 2025-06-02 Second round\nThe second round of talks took place in Istanbul on Monday.",
        }
    )
    [talks] = [e for e in briefing.events if e.when.iso() == "2025-06-02"]
    assert set(briefing.articles_of("event", talks.id)) == {"wire.txt", "copy.txt", "other.txt"}
    assert (talks.sources, talks.article_count) == (2, 3)


def test_event_titles_are_short_sentences_without_their_leading_date(briefing_of: Make) -> None:
    briefing = briefing_of(TALKS)
    [first_round] = [e for e in briefing.events if e.when.iso() == "2025-05-16"]
    assert first_round.title == "The first round was held in Istanbul"
    assert all(len(e.title) <= 91 for e in briefing.events)


def test_every_event_mention_points_at_its_sentence(briefing_of: Make) -> None:
    briefing = briefing_of(TALKS)
    for event in briefing.events:
        mentions = briefing.mentions_of("event", event.id)
        assert len(mentions) == event.mention_count > 0
        for mention in mentions:
            sentence = briefing.text_of(mention)
            words = mention.span.of(briefing.text(mention.article))
            assert words in sentence


def test_a_mention_that_bridges_two_events_makes_them_one_with_all_their_articles(
    briefing_of: Make,
) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2025-06-05 T\nOn June 5, delegates held talks in Vienna.",
            "b.txt": " date 2025-06-05 T\nOn June 5, Foreign Minister Hakan Fidan landed in Geneva.",
            "c.txt": " date 2025-06-06 T\nOn June 5, Hakan Fidan joined the talks in Vienna.",
        }
    )
    [event] = [e for e in briefing.events if e.when.iso() == "2025-06-05"]
    assert briefing.articles_of("event", event.id) == ["a.txt", "b.txt", "c.txt"]
    assert (event.article_count, event.sources, event.mention_count) == (3, 3, 3)
    marked = {m.ref for path in ("a.txt", "b.txt") for m in briefing.marks_in(path)}
    assert event.id in marked


def test_what_an_event_is_about_does_not_depend_on_the_order_words_came_in() -> None:
    """Words come from sets, whose order changes from run to run: an event's title and
    grouping must not (ties in frequency go to the first word in alphabetical order)."""
    from collections import Counter

    from briefing.resolve.events import EVENT_WORDS_KEPT, EventState

    words = [f"word{number:03d}" for number in range(EVENT_WORDS_KEPT * 2)]
    forwards = EventState("e", "2025-06-02", words=Counter(words))
    backwards = EventState("e", "2025-06-02", words=Counter(reversed(words)))
    assert forwards.about() == backwards.about()
    assert set(forwards.about()) == set(words[:EVENT_WORDS_KEPT])
