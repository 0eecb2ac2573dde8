"""The general rules that make extraction hold on news it has never seen, case by case, with
texts of our own: dates a page gives itself, page furniture, ranges, tense, implausible dates,
months of days; people whatever their names and titles; places as gazetteers know them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from briefing.corpus import make_article
from briefing.corpus.readers import RawArticle
from briefing.extract import extract
from briefing.extract.sentences import split_sentences
from briefing.model import Briefing
from briefing.resolve.dates import Anchor, resolve

Make = Callable[[dict[str, str | bytes]], Briefing]


def dates_of(briefing: Briefing, path: str) -> list[str]:
    """The dates of the events that cite one article, in date order."""
    cited = {
        event.when.iso()
        for event in briefing.events
        if path in briefing.articles_of("event", event.id)
    }
    return sorted(cited)


def people(text: str) -> dict[str, str | None]:
    return {person.name: person.role for person in extract(text).people}


def places(text: str) -> dict[str, str]:
    return {place.name: place.kind for place in extract(text).places}


# -- 1. an undated page dates itself --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "how"),
    [
        (RawArticle("Quarry fire\n\nBy Ana Ruiz, March 4, 2021 8:05 PM · 2 min read\n\nIt burned."),
         date(2021, 3, 4), "byline"),
        (RawArticle("Quarry fire\n\nThis content was published on 4 March 2021 - 10:05\n\nIt burned."),
         date(2021, 3, 4), "published line"),
        (RawArticle("Quarry fire\n\nLast updated: March 5, 2021\n\nIt burned."),
         date(2021, 3, 5), "last updated line"),
        (RawArticle("Quarry fire\n\nIt burned.", url="https://news.example/2021/03/04/quarry-fire"),
         date(2021, 3, 4), "date in its address"),
        (RawArticle(" date 2021-03-04 Quarry fire burns for a second day\n\nIt burned."),
         date(2021, 3, 4), "date line"),
        (RawArticle("Quarry fire\n\nThursday, March 4, 2021\n\nIt burned."),
         date(2021, 3, 4), "date line"),
        (RawArticle("Quarry fire\n\nMarch 4, 2021 / 8:05 PM EST\n\nIt burned."),
         date(2021, 3, 4), "date line"),
        (RawArticle("URL: https://news.example/2021/03/04/quarry-fire\n\nQuarry fire\n\nIt burned."),
         date(2021, 3, 4), "date in its address"),
        (RawArticle("Quarry fire\n\nIt burned.", url="https://news.example/2021/mar/04/fire/"),
         date(2021, 3, 4), "date in its address"),
    ],
)  # fmt: skip
def test_a_page_gives_its_own_date(raw: RawArticle, expected: date, how: str) -> None:
    made = make_article("a.json", raw)
    assert made is not None
    article, text = made
    assert article.date.day == expected
    assert article.date.how == how
    assert "2 min read" not in text and "published on" not in text
    assert "March 4, 2021" not in text and "https://" not in text
    assert article.title.startswith("Quarry fire")


def test_a_date_line_or_an_address_is_no_event_and_no_title(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.md": "URL: https://news.example/fire\n\nQuarry fire\n\nThursday, March 4, 2021"
            "\n\nBy Ana Ruiz The Valley Courier\n\nCrews fought the fire on Wednesday."
        }
    )
    article = briefing.article["a.md"]
    assert (article.title, article.url, article.author) == (
        "Quarry fire",
        "https://news.example/fire",
        "Ana Ruiz",
    )
    assert article.outlet == "The Valley Courier"
    assert dates_of(briefing, "a.md") == ["2021-03-03"]
    assert {person.name for person in briefing.people} == set()


def test_today_told_of_a_dated_photo_dates_the_article(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": "Inquiry hears ferry captain\n\nCaptain Iris Holm speaks during a hearing of "
            "the Harbour Safety Board in Bergen on March 4, 2021.\n\nIris Holm told the Harbour "
            "Safety Board today that the ferry left late. The board met on Monday too."
        }
    )
    article = briefing.article["a.txt"]
    assert article.date.day == date(2021, 3, 4)
    assert "photo" in article.date.how
    assert "2021-03-01" in dates_of(briefing, "a.txt")  # "on Monday" can now be dated


def test_an_undated_page_without_evidence_dates_no_weekday(briefing_of: Make) -> None:
    briefing = briefing_of({"a.txt": "Ferry strike\n\nThe crews walked out on Friday."})
    assert dates_of(briefing, "a.txt") == []


# -- 2. page furniture is not news ----------------------------------------------------------------


def test_a_line_of_names_under_the_headline_is_the_byline_not_people() -> None:
    found = extract("Harbour hearing ends\n\nKari Dahl, Ole Berg\n\nThe mayor Anna Holm spoke.")
    assert {person.name for person in found.people} == {"Anna Holm"}


def test_wire_credits_and_a_from_byline_name_nobody_of_the_story() -> None:
    found = extract(
        "Harbour strike\n\nFrom Ole Berg, Bergen\n\nThe mayor Anna Holm spoke.\n\n"
        "(Reporting by Kari Dahl and Per Lund; Editing by Nils Moe)"
    )
    assert {person.name for person in found.people} == {"Anna Holm"}


def test_a_great_city_before_three_names_is_where_not_who() -> None:
    found = extract("Talks\n\nShe met the ambassador in Paris Aichatou Boulama Kane on Monday.")
    assert "Paris Aichatou Boulama Kane" not in {person.name for person in found.people}


def test_a_line_that_only_stamps_the_page_is_no_event(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2023-12-23 Troops leave\n\nNTB) 13:44, December 23, 2023\n\n"
            "The last soldiers left Moss on Friday."
        }
    )
    assert [event.when.iso() for event in briefing.events] == ["2023-12-22"]


def test_captions_and_credits_give_no_person_place_or_event(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-04 Ferry strike\n\nFILE - A ferry is seen in Tromsø, Norway, "
            "June 1, 2019. NORDPRESS/Lars Evensen/File Photo\n\nFerry crews in Bergen walked "
            "out on Thursday, union leader Kari Dahl said.\n\nBreaking: Storm closes airport"
        }
    )
    assert {person.name for person in briefing.people} == {"Kari Dahl"}
    assert {venue.name for venue in briefing.venues} == {"Bergen"}
    assert dates_of(briefing, "a.txt") == ["2021-03-04"]
    assert "Storm closes" not in briefing.text("a.txt")


def test_a_paragraph_that_credits_its_picture_is_a_caption(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-04 Ferry strike\n\nA ferry waits at the quay in Tromsø on "
            "March 1, 2021. Crews left it there. (Lars Evensen/The Valley Courier)\n\nAn empty "
            "deck in Ålesund. Photo by Siri Berg/Norwegian Coast Guard\n\nSiri Berg / NRK "
            "Strikers wait in Molde for the vote. (March 2, 2021)\n\nFerry crews in Bergen "
            "walked out on Thursday, union leader Kari Dahl said."
        }
    )
    assert {person.name for person in briefing.people} == {"Kari Dahl"}
    assert not {"Tromsø", "Ålesund", "Molde"} & {venue.name for venue in briefing.venues}
    assert dates_of(briefing, "a.txt") == ["2021-03-04"]
    assert "(Lars Evensen/The Valley Courier)" in briefing.text("a.txt")  # shown as the page has it


# -- 3. ranges and lists --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit will be held on March 15th and 16th.", ["2021-03-15/2021-03-16"]),
        ("The summit is set for March 15-16.", ["2021-03-15/2021-03-16"]),
        ("Talks ran between 8 and 10 February.", ["2021-02-08/2021-02-10"]),
        ("Strikes were held on 8, 9 and 10 February.", ["2021-02-08/2021-02-10"]),
        ("Strikes were held on 8 and 10 February.", ["2021-02-08", "2021-02-10"]),
        ("Floods lasted from late January to early February.", ["2021-01/2021-02"]),
    ],
)
def test_ranges_and_lists(text: str, expected: list[str]) -> None:
    thursday = date(2021, 3, 4)
    anchor = Anchor(thursday, thursday, 2021)
    found = [resolve(mention, anchor) for mention in extract(text).times]
    assert [span.iso() for span in found if span is not None] == expected


# -- 4. tense and direction -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Climbers to be discharged Thursday", "2021-03-11"),  # a headline's future
        ("The ferry is due to sail on Saturday.", "2021-03-06"),
        ("The union plans to strike on Monday.", "2021-03-08"),
        ("The sides had agreed on Sunday to meet.", "2021-02-28"),
        ("The strike goes on until Thursday.", "2021-03-11"),
        ("The strike went on until Thursday.", "2021-03-04"),
    ],
)
def test_tense_points_forward_or_back(text: str, expected: str) -> None:
    friday = date(2021, 3, 5)  # "Thursday" without a tense would be the day before
    anchor = Anchor(friday, friday, 2021)
    (mention,) = extract(text).times
    found = resolve(mention, anchor)
    assert found is not None and found.iso() == expected


# -- 5. implausible dates -------------------------------------------------------------------------


def test_a_past_date_months_after_the_article_is_flagged_and_left_out(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-04 Ferry strike\n\nThe crews walked out on December 2, 2021. "
            "They met on March 1."
        }
    )
    assert dates_of(briefing, "a.txt") == ["2021-03-01"]
    flagged = [timex for timex in briefing.times_in("a.txt") if timex.flag]
    assert [briefing.text("a.txt")[t.start : t.end] for t in flagged] == ["December 2, 2021"]


# -- 6. a month of a day ---------------------------------------------------------------------------


def test_a_month_of_something_dated_to_the_day_is_that_day(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-24 Ferry strike\n\nKari Dahl led the strike in March. "
            "Kari Dahl called the strike on March 2. Prices rose in March."
        }
    )
    assert dates_of(briefing, "a.txt") == ["2021-03", "2021-03-02"]
    (day,) = [event for event in briefing.events if event.when.iso() == "2021-03-02"]
    assert day.mention_count == 2


def test_a_week_of_something_dated_to_the_day_is_that_day(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-13 Ferry strike\n\nKari Dahl led the strike last week. "
            "Kari Dahl called the strike on Tuesday, March 2. Prices rose last week."
        }
    )
    assert dates_of(briefing, "a.txt") == ["2021-02-28/2021-03-07", "2021-03-02"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans cheered after the win in Sunday's final.", ["2021-02-28"]),
        ("Fans gathered ahead of Sunday's final.", ["2021-03-07"]),
        ("Sunday's final is sold out.", []),  # which Sunday the text does not say
    ],
)
def test_a_weekday_that_names_a_thing_lies_where_its_preposition_says(
    text: str, expected: list[str]
) -> None:
    thursday = date(2021, 3, 4)
    anchor = Anchor(thursday, thursday, 2021)
    found = [resolve(mention, anchor) for mention in extract(text).times]
    assert [span.iso() for span in found if span is not None] == expected


# -- 9, 10, 11. people, whatever their names and titles -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Governor Narongsak said the water fell.", "Narongsak", "Governor"),
        ("Mr. Wanchai told reporters the boys were safe.", "Wanchai", "Mr."),
        ("Narongsak Osottanakorn, the provincial governor, spoke.", "Narongsak Osottanakorn",
         "provincial governor"),
        ("Ekapol Chanthawong, 25, the team's coach, stayed.", "Ekapol Chanthawong",
         "team's coach"),
        ("Asked about it, said Anupong Paochinda, the interior minister.", "Anupong Paochinda",
         "interior minister"),
        ("US Secretary of State Antony Blinken arrived.", "Antony Blinken", "US Secretary of State"),
        ("Queen Margrethe of Denmark opened the session.", "Margrethe", "Queen"),
        ("Pope Francis spoke on Sunday.", "Francis", "Pope"),
        ("Imam Hassan Abdi led the prayers.", "Hassan Abdi", "Imam"),
        ("Rear Adm. John Kirby said the ship was hit.", "John Kirby", "Rear Adm."),
        ("Lt. Col. Anna Kowalska said troops withdrew.", "Anna Kowalska", "Lt. Col."),
        ("Sgt. Tom Reyes was hurt.", "Tom Reyes", "Sgt."),
        ("Dr. Ruth Abara examined them.", "Ruth Abara", "Dr."),
        ("Vladimir PUTIN met the envoy.", "Vladimir PUTIN", None),
    ],
)  # fmt: skip
def test_a_person_by_title_role_saying_or_apposition(
    text: str, name: str, role: str | None
) -> None:
    assert people(text) == {name: role}


@pytest.mark.parametrize(
    "text",
    [
        "Chiang Mai Province officials said rain fell.",
        "Navy SEALs reached the boys.",
        "The Security Council met on Monday.",
        "Douglas Aircraft built the jet.",
        "Mac OS X Lion was released.",
        "Paris Air Show opened on Monday.",
        "Intel Core Duo chips were used.",
        "The ship docked in St. John's on Wednesday.",
    ],
)
def test_places_bodies_and_things_are_no_people(text: str) -> None:
    assert people(text) == {}


def test_queen_of_a_country_does_not_make_the_country_a_venue() -> None:
    assert places("Queen Margrethe of Denmark opened the session.") == {}


# -- 12. one person, however spelled; never two who share a given name ----------------------------


def test_spellings_and_nicknames_of_one_person_are_one(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2021-03-04 T\nSergiy Kyslytsya spoke. Bill Ardent agreed.",
            "b.txt": " date 2021-03-05 T\nSergiy Kyslytsia replied. William Ardent said no. "
            "Kyslytsia left.",
        }
    )
    assert {p.name: set(p.aliases) for p in briefing.people} == {
        "Sergiy Kyslytsya": {"Sergiy Kyslytsia", "Kyslytsia"},
        "William Ardent": {"Bill Ardent"},
    }


def test_two_people_who_share_a_given_name_stay_two(briefing_of: Make) -> None:
    briefing = briefing_of(
        {"a.txt": " date 2021-03-04 T\nAnna Holm met Anna Berg. Anna Holm left first."}
    )
    assert {person.name for person in briefing.people} == {"Anna Holm", "Anna Berg"}


# -- 13, 14, 15. places -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The boys were trapped in the Tham Luang cave.", {"Tham Luang": "cave"}),
        ("They stayed at the lakeside Kinloch resort.", {"Kinloch": "resort"}),
        ("Divers met at the Dusit Thani.", {"Dusit Thani": "place"}),
        ("A village in Mae Sai district of Chiang Rai province, Thailand, flooded.",
         {"Mae Sai": "city", "Chiang Rai": "region", "Thailand": "country"}),
        ("He was born in Springfield, Illinois.", {"Springfield": "city", "Illinois": "region"}),
        ("A CrowdStrike office in Sunnyvale, Calif., reopened.",
         {"Sunnyvale": "city", "Calif": "region"}),
        ("Austin, Texas-based Brindle cut jobs.", {"Austin": "city", "Texas": "region"}),
        ("BERGEN (Nordpress) — Crews walked out.", {"BERGEN": "city"}),
        ("Trade with Latin America and the Middle East grew.",
         {"Latin America": "region", "Middle East": "region"}),
        ("The West condemned it; it cost US$ 5 million.", {}),
        ("Ships waited in the Port of Baltimore and the Strait of Hormuz.",
         {"Port of Baltimore": "port", "Strait of Hormuz": "sea"}),
        ("Ships waited at the Port of Baltimore, officials said.", {"Port of Baltimore": "port"}),
        ("The dead were Ana Ruiz, 35, of Mexico and Jo Cruz, 26, of Dundalk, police said.",
         {"Mexico": "country", "Dundalk": "city"}),
        ("The ship docked in St. John's, Newfoundland, on Wednesday.", {"St. John's": "city"}),
    ],
)  # fmt: skip
def test_places_as_the_text_and_the_gazetteer_give_them(
    text: str, expected: dict[str, str]
) -> None:
    assert places(text) == expected


def test_a_role_stops_where_a_caption_links_on() -> None:
    assert people("Ana Ruiz, Deputy Harbour Master | https://harbour.example/") == {
        "Ana Ruiz": "Deputy Harbour Master"
    }


def test_a_person_named_like_a_small_town_is_the_person() -> None:
    found = extract(
        "Spain's acting prime minister, Pedro Sánchez, spoke. In Madrid, Rubiales said no."
    )
    assert {person.name for person in found.people} >= {"Pedro Sánchez", "Rubiales"}
    assert {place.name for place in found.places} == {"Spain", "Madrid"}


def test_a_site_and_the_tail_of_its_name_are_one_venue(briefing_of: Make) -> None:
    for order in ((0, 1), (1, 0)):
        texts = [
            " date 2021-03-04 T\nThe Henrietta Alda Bridge in Springfield, Illinois, fell.",
            " date 2021-03-05 T\nCrews cleared the Alda Bridge on Friday.",
        ]
        briefing = briefing_of({f"{i}.txt": texts[j] for i, j in enumerate(order)})
        bridges = [venue for venue in briefing.venues if venue.kind == "bridge"]
        assert [venue.name for venue in bridges] == ["Henrietta Alda Bridge"]


def test_city_within_its_state(briefing_of: Make) -> None:
    briefing = briefing_of({"a.txt": " date 2021-03-04 T\nFloods hit Springfield, Illinois."})
    venue = {v.name: v for v in briefing.venues}
    assert briefing.venue[venue["Springfield"].within or ""].name == "Illinois"


def test_a_company_named_after_a_place_is_not_the_place(briefing_of: Make) -> None:
    briefing = briefing_of(
        {"a.txt": " date 2021-03-04 T\nDelta said in a statement that flights to Delta resume."}
    )
    assert "Delta" not in {venue.name for venue in briefing.venues}


def test_a_name_after_a_preposition_is_not_the_body_its_refers_to(briefing_of: Make) -> None:
    """ "The search for Zorvan Kettlewick entered its third day": "its" is the search's, and Kettlewick,
    named a person elsewhere in the corpus, stays one."""
    briefing = briefing_of(
        {
            "a.txt": " date 2024-09-02\n\nZorvan Kettlewick, 41, escaped from the county jail on Monday.\n",
            "b.txt": " date 2024-09-04\n\nThe search for Zorvan Kettlewick entered its third day on "
            "Wednesday.\n",
        }
    )
    assert "Zorvan Kettlewick" in [person.name for person in briefing.people]
    assert "Zorvan Kettlewick" not in [body.name for body in briefing.organisations]


# -- who a lone name and a pronoun are ------------------------------------------------------------


def test_a_lone_surname_is_not_the_relative_who_shares_it(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2023-09-01 Escape\n\nOle Berg escaped from Halden prison on Monday.",
            "b.txt": " date 2023-09-14 Caught\n\nKari Berg, Berg's mother, thanked the police. "
            "Berg was caught in a barn. Berg is back in Halden.",
        }
    )
    ole = next(person for person in briefing.people if person.name == "Ole Berg")
    assert "b.txt" in briefing.articles_of("person", ole.id)


def test_he_is_the_subject_of_the_sentence_before_or_the_one_the_article_is_about(
    briefing_of: Make,
) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2023-09-06 Search\n\nOle Berg escaped from Halden prison weeks after "
            "he was sentenced for robbing Kari Dahl. He was seen in Moss on Tuesday. Ole Berg "
            "is armed. Ole Berg is 40. Ole Berg has a boat.\n\nThe police spoke to Kari Dahl. "
            "He was seen in Rygge on Wednesday."
        }
    )
    titles = {event.when.iso(): event.title for event in briefing.events}
    assert titles["2023-09-05"] == "Ole Berg was seen in Moss"
    assert titles["2023-09-06"] == "Ole Berg was seen in Rygge"  # not Kari Dahl, a woman


def test_a_quotation_opens_a_sentence_after_a_one_letter_word() -> None:
    text = '"We will sail," Berg wrote on X. "The road is closed."'
    assert [span.of(text) for span in split_sentences(text)] == [
        '"We will sail," Berg wrote on X.',
        '"The road is closed."',
    ]
