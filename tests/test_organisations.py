"""Organisations are their own kind: found by general evidence, one per body, never a person."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.extract import extract
from briefing.model import Briefing

Make = Callable[[dict[str, str | bytes]], Briefing]


def bodies(text: str) -> dict[str, str]:
    """Each organisation the text names, with its evidence."""
    return {org.name: org.evidence for org in extract(text).organisations if org.evidence != "bare"}


def people(text: str) -> set[str]:
    return {person.name for person in extract(text).people}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbour Freight Holdings Inc. cut 300 jobs.", "Harbour Freight Holdings Inc"),
        ("The court fined Tallow Mining AG on Friday.", "Tallow Mining AG"),
        ("Lenora Airways cancelled 40 flights.", "Lenora Airways"),
        ("Talks were held at the Foreign Ministry.", "Foreign Ministry"),
        ("The Department of Transportation opened an inquiry.", "Department of Transportation"),
        (
            "Tchiani heads the National Council for the Safeguard of the Homeland.",
            "National Council for the Safeguard of the Homeland",
        ),
        ("She studied at the University of Calder.", "University of Calder"),
        ("The House Committee on Rail Safety met.", "House Committee on Rail Safety"),
        ("Shares of Quillmark fell 4% on the news.", "Quillmark"),
        ("Quillmark said in a statement that it regretted the outage.", "Quillmark"),
        ("Regulators questioned Quillmark and its auditors.", "Quillmark"),
        ("The outage hit Brindle, a payments company based in Leeds.", "Brindle"),
        ("Kelso Deepwater, a company that runs dives, cut trips.", "Kelso Deepwater"),  # first
        ("A spokesperson for Brindle declined to comment.", "Brindle"),
        ("Brindle CEO Mara Okonjo apologised.", "Brindle"),
        ("Quillmark (QMK) shares slid.", "Quillmark"),
        ("The FAA said the planes were safe.", "FAA"),
        ("Congress passed the bill.", "Congress"),
        (
            "It sued in the District Court for the District of Calder.",
            "District Court for the District of Calder",
        ),
        (
            "The Court of Appeals for the Ninth Circuit ruled.",
            "Court of Appeals for the Ninth Circuit",
        ),
    ],
)
def test_general_evidence_makes_an_organisation(text: str, name: str) -> None:
    assert name in bodies(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Brindle CEO Mara Okonjo apologised.", "Mara Okonjo"),
        ("Orchard Computer CEO Tomas Lind spoke first.", "Tomas Lind"),
    ],
)
def test_the_owner_of_a_title_is_a_body_and_the_holder_a_person(text: str, person: str) -> None:
    assert people(text) == {person}


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Ilse Varga flew in.",  # a portfolio, not a body's name
        "Transportation Secretary Omar Reyes spoke.",
        "Furthermore, the company said nothing.",  # an opening word
        "Johnson said it went well.",  # people say "it" too
        "Orla Brandt and its partners met.",  # a given name and surname beat "its"
    ],
)
def test_no_body_without_evidence(text: str) -> None:
    assert bodies(text) == {}


def test_a_vehicle_is_no_body_but_its_maker_is(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2023-06-20 Sub\n\nThe Titan submersible lost contact on Sunday. "
            "Boeing said its patrol plane had joined the search.",
            "b.txt": " date 2023-06-23 Sub\n\nThe Titan imploded during its descent, the "
            "cargo ship Nordlys reported. A Boeing jet flew over the site.",
        }
    )
    assert {org.name for org in briefing.organisations} == {"Boeing"}


def test_a_datelines_place_before_the_station_is_no_company_nor_a_language_a_body() -> None:
    found = extract(
        "Escape\n\nPOCOPSON TWP., Pennsylvania (WPVI) -- Police searched. He speaks Spanish. "
        "Spanish officials said the Spanish FA met."
    )
    bodies_found = {org.name for org in found.organisations if org.evidence != "bare"}
    assert "Pennsylvania" not in bodies_found
    assert "Spanish" not in {org.name for org in found.organisations}  # not even a clue


def test_a_countrys_adjective_is_no_body_even_in_french_form() -> None:
    named = {
        org.name
        for org in extract("The Nigerien army said it had sealed the border.").organisations
    }
    assert "Nigerien" not in named


def test_a_company_is_never_a_person_nor_a_place(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2024-07-19 T\nOrchard Computer Inc. opened a store. "
            "Orchard Computer CEO Tomas Lind was there.",
            "b.txt": " date 2024-07-20 T\nDelta said in a statement that flights resume.",
            "c.txt": " date 2024-07-21 T\nCustomers of Delta waited in Atlanta.",
        }
    )
    names = {person.name for person in briefing.people}
    assert names == {"Tomas Lind"}
    assert "Delta" not in {venue.name for venue in briefing.venues}
    delta = next(o for o in briefing.organisations if o.name == "Delta")
    assert briefing.articles_of("organisation", delta.id) == ["b.txt", "c.txt"]


def test_a_place_is_no_body_for_a_body_named_after_it(briefing_of: Make) -> None:
    """ "The Tolbana News" names a newspaper; "flights to Tolbana" the island all the same, in
    that article and in others that say it is a place; "a Hawaiian island" is no clue to
    "Hawaiian Electric"."""
    briefing = briefing_of(
        {
            "a.txt": " date 2023-08-10 T\nThe fire spread to Tolbana overnight. Ana Ruiz/The "
            "Tolbana News via AP\n\nThe Tolbana News counted the dead.\n",
            "b.txt": " date 2023-08-11 T\nTolbana, a Hawaiian island, lost power. Officials "
            "of Hawaiian Electric Company said crews were in Tolbana.\n",
        }
    )
    assert "Tolbana" in {venue.name for venue in briefing.venues}
    news = next(o for o in briefing.organisations if o.name == "Tolbana News")
    assert briefing.articles_of("organisation", news.id) == ["a.txt"]
    electric = next(o for o in briefing.organisations if o.name == "Hawaiian Electric Company")
    assert electric.mention_count == 1


def test_a_word_of_a_bodys_name_is_no_place_of_its_own() -> None:
    text = (
        "The firm hired the Canadian vessel Kestrel Prince, an icebreaker. They reached out to "
        "Kestrel Prince once the dive was overdue."
    )
    assert {place.name for place in extract(text).places} == set()


def test_a_bare_name_met_first_joins_the_body_found_later(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2024-07-19 T\nPassengers blamed Delta for the delays.",
            "b.txt": " date 2024-07-20 T\nDelta said in a statement that flights resume.",
        }
    )
    delta = next(o for o in briefing.organisations if o.name == "Delta")
    assert briefing.articles_of("organisation", delta.id) == ["a.txt", "b.txt"]


def test_forms_of_one_body_are_one_organisation(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2024-07-19 T\nThe Federal Aviation Administration grounded jets. "
            "Quillmark Holdings Inc. said in a statement that it would help. "
            "The US Coast Guard searched the bay.",
            "b.txt": " date 2024-07-20 T\nThe FAA said the jets may fly. Shares of Quillmark "
            "rose. The Coast Guard ended the search.",
        }
    )
    found = {o.name: set(o.aliases) for o in briefing.organisations}
    assert found == {
        "Federal Aviation Administration": {"FAA"},
        "Quillmark Holdings Inc": {"Quillmark"},
        "US Coast Guard": {"Coast Guard"},
    }


def test_a_person_and_the_company_named_after_them_stay_apart(briefing_of: Make) -> None:
    briefing = briefing_of(
        {
            "a.txt": " date 2024-07-19 T\nHenry Ardmore founded Ardmore Motors Inc. "
            "Ardmore said the plant would open.",
        }
    )
    assert {person.name for person in briefing.people} == {"Henry Ardmore"}
    assert {o.name for o in briefing.organisations} == {"Ardmore Motors Inc"}


def test_organisations_command_lists_them(corpus: Callable[[dict[str, str | bytes]], Path]) -> None:
    root = corpus(
        {"a.txt": " date 2024-07-19 T\nShares of Quillmark fell. The FAA said jets may fly."}
    )
    result = CliRunner().invoke(main, ["organisations", str(root), "--json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)["organisations"]
    assert {o["name"] for o in listed} == {"Quillmark", "FAA"}
    assert set(listed[0]) == {"id", "name", "aliases", "kind", "articles", "mentions"}
    assert all(o["articles"] == ["a.txt"] for o in listed)
