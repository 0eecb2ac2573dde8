"""People and places found in one article, and the words that are neither."""

from __future__ import annotations

import pytest

from briefing.extract import extract


def people(text: str, evidence: bool = False) -> list[str]:
    return [p.name for p in extract(text).people if evidence or p.evidence != "surname"]


def roles(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in extract(text).people if p.evidence != "surname"}


def places(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in extract(text).places]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov spoke.",
            "Sergei Lavrov",
            "Russian Foreign Minister",
        ),
        (
            "The delegation is led by presidential aide Vladimir Medinsky.",
            "Vladimir Medinsky",
            "presidential aide",
        ),
        (
            "President Vladimir Putin's aide Vladimir Medinsky will lead it.",
            "Vladimir Medinsky",
            "Putin's aide",
        ),
        (
            "Dmitry Peskov, the spokesperson for the Kremlin, stated it.",
            "Dmitry Peskov",
            "spokesperson for the Kremlin",
        ),
        (
            "It was stated by Ukraine's Foreign Minister, Andrii Sybiha, on Friday.",
            "Andrii Sybiha",
            "Ukraine's Foreign Minister",
        ),
        (
            "Russian Foreign Ministry spokeswoman Maria Zakharova said so.",
            "Maria Zakharova",
            "Russian Foreign Ministry spokeswoman",
        ),
        (
            "U.S. President Donald Trump's envoy to Ukraine, Keith Kellogg, agreed.",
            "Keith Kellogg",
            "Trump's envoy to Ukraine",
        ),
        (
            "It will be headed by Minister of Defense of Ukraine Rustem Umerov.",
            "Rustem Umerov",
            None,
        ),
        ("Our delegation, headed by V.R. Medinsky, is ready.", "V.R. Medinsky", None),
        (
            "Oleksandr Bevz, advisor to the head of the Office of the President, joined.",
            "Oleksandr Bevz",
            "advisor to the head of the Office of the President",
        ),
        ("Prime Minister Narendra Modi arrived.", "Narendra Modi", "Prime Minister"),
    ],
)
def test_people_are_found_with_their_roles(text: str, name: str, role: str | None) -> None:
    found = roles(text)
    assert name in found
    assert found[name] == role


@pytest.mark.parametrize(
    "text",
    [
        "His statement was published on the Foreign Ministry's website.",
        "According to a New York Times source, the terms include a ceasefire.",
        "The Security Service of Ukraine (SBU) said its forces attacked.",
        "He said so on his Truth Social platform.",
        "Türkiye's National Intelligence Organisation (MIT) took part.",
        "The White House released a statement. The Kremlin said nothing.",
        "Hundreds of soldiers were exchanged. However, the talks stalled.",
        "The Russian-Ukrainian talks resumed in Istanbul.",
    ],
)
def test_organisations_outlets_titles_and_common_words_are_not_people(text: str) -> None:
    assert people(text) == []


def test_a_lone_surname_is_kept_as_a_clue_only() -> None:
    found = {p.name: p.evidence for p in extract("Lavrov said the talks would go ahead.").people}
    assert found == {"Lavrov": "surname"}


def test_a_titled_surname_is_a_person() -> None:
    assert {p.name: p.evidence for p in extract("President Putin agreed.").people} == {
        "Putin": "title"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks were held in Istanbul, Turkey, on Monday.",
            [("Istanbul", "city"), ("Turkey", "country")],
        ),
        ("Fidan visited Kiev and Moscow.", [("Kiev", "city"), ("Moscow", "city")]),
        ("Türkiye hosted the meeting.", [("Türkiye", "country")]),
        ("It was accepted by kyiv, officials said.", [("kyiv", "city")]),
        (
            "They met at Istanbul's historic Ciragan Palace.",
            [("Istanbul", "city"), ("Ciragan Palace", "palace")],
        ),
        ("Drones hit the Olenya airfield.", [("Olenya", "airfield")]),
        (
            "The attack targeted four airfields, including Olenya, Ivanovo, Dyagilevo and Belaya.",
            [
                ("Olenya", "airfield"),
                ("Ivanovo", "airfield"),
                ("Dyagilevo", "airfield"),
                ("Belaya", "airfield"),
            ],
        ),
        (
            "Drones hit bases in the Murmansk, Irkutsk and Amur regions of Russia.",
            [
                ("Murmansk", "region"),
                ("Irkutsk", "region"),
                ("Amur", "region"),
                ("Russia", "country"),
            ],
        ),
        ("Belaya in the Irkutsk region was hit.", [("Belaya", "place"), ("Irkutsk", "region")]),
        (
            "Refugees in Ukraine fled to Bucha overnight.",
            [("Ukraine", "country"), ("Bucha", "city")],
        ),
        ("Refugees fled to Vilkhivka overnight.", [("Vilkhivka", "place")]),
        ("The palace stands on the Bosphorus.", [("Bosphorus", "place")]),
        # a state is meant where the text puts something in it, whatever country the article
        # names; what follows ", which" is the fire's, not a body's
        (
            "It was the deadliest since the Ridge Fire in California, which killed 86.",
            [("California", "region")],
        ),
        ("The fires devastated the island of Tolbana.", [("Tolbana", "island")]),
        ("Crews came from the state of Oregon.", [("Oregon", "region")]),
    ],
)
def test_places_are_found_with_their_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Medinsky will lead the delegation.",  # Vladimir the name, not the city
        "The ministry spoke of strikes in Amur overnight.",  # no India here: Amur is no Indian town
        "Police said the suspect was arrested.",  # Police, Poland
        "The memorandum was submitted in Ukrainian and English.",
        "Key points had been publicised in Western media.",
        "It is a former Ottoman palace on the shore.",
        "According to Lavrov, Russia is ready.",
        "The New York Times reported it first.",
        "Russian-backed separatists fought Ukrainian troops.",
    ],
)
def test_false_friends_are_not_places(text: str) -> None:
    names = [name for name, _ in places(text)]
    assert not {"Vladimir", "Police", "Ukrainian", "English", "Western", "Ottoman", "Lavrov",
                "New York"} & set(names), names  # fmt: skip


def test_a_small_town_abroad_is_not_taken_for_a_namesake() -> None:
    found = extract("The ministry spoke of strikes in Amur and on the Amur base.").places
    assert found and all(place.country != "IN" for place in found)


def test_the_amur_region_is_russian_not_indian() -> None:
    [amur] = [
        p for p in extract("Strikes hit the Amur region of Russia.").places if p.name == "Amur"
    ]
    assert (amur.kind, amur.country) == ("region", "RU")


def test_a_site_is_placed_where_the_text_puts_it() -> None:
    [palace] = [
        p
        for p in extract("They meet in the Çırağan Palace in Istanbul.").places
        if p.kind == "palace"
    ]
    assert palace.within == "Istanbul"
