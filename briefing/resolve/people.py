"""One person per human, whatever the spelling across the corpus; built article by article.

Full names join a person when their surnames are the same word however spelled ("Zelensky",
"Zelenskyy") and their given names agree ("Sergei", "Sergey"; "V.R." and "Vladimir"), or one name
ends the other ("Peña Nieto", "Enrique Peña Nieto"); two people who only share a given name never
join. A lone name joins the one person it can be (by surname, else by given name, preferring
somebody named in the same article); one that matches nobody yet waits, and joins the person
whose full name comes later.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from nicknames import NickNamer
from thefuzz import fuzz

from briefing.extract.lexicon import fold
from briefing.model import PersonMention
from briefing.resolve.state import Backing, Index, Table, near_keys

SURNAME_SIMILARITY = 85  # thefuzz ratio: "zelensky" / "zelenskyy" is 94
WAITING_LIMIT = 200  # a lone word met this often before any full name is not worth waiting on
TRANSLITERATED = 75  # thefuzz ratio, with the same consonants: "tsikhanouskaya" / "tikhanovskaya"
GIVEN_NAME_SIMILARITY = 75  # "sergei" / "sergey" is 83; "vladimir" / "volodymyr" is 71


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


@dataclass
class PersonState:
    id: str
    surname: str  # folded: the block a person is filed under
    forms: Counter[str] = field(default_factory=Counter)  # full names as written
    short: Counter[str] = field(default_factory=Counter)  # lone names as written
    roles: Counter[str] = field(default_factory=Counter)  # folded role
    spelled: dict[str, str] = field(default_factory=dict)  # folded role -> as first written
    keys: set[str] = field(default_factory=set)  # the index keys that find it

    @property
    def empty(self) -> bool:
        return not self.forms and not self.short

    def name(self) -> str:
        if not self.forms:
            return max(self.short, key=lambda form: self.short[form])
        return max(
            self.forms,
            key=lambda form: (self.forms[form], not form.split()[0].endswith("."), len(form)),
        )

    def aliases(self) -> tuple[str, ...]:
        name = self.name()
        return tuple(form for form in [*self.forms, *self.short] if form != name)

    def role_list(self) -> tuple[str, ...]:
        ranked = sorted(
            self.roles, key=lambda key: (-self.roles[key], list(self.spelled).index(key))
        )
        return tuple(self.spelled[key] for key in ranked)


@dataclass(frozen=True)
class Waiting:
    """A lone name no person matched yet: it joins the first fitting full name to come."""

    article: int
    index: int  # its place among the article's person mentions
    name: str
    role: str | None


def _words(name: str) -> list[str]:
    return fold(name).replace("’", "'").split()


@functools.lru_cache(maxsize=1 << 16)  # the same names meet again in article after article
def _same_surname(a: str, b: str) -> bool:
    return a == b or (a[:2] == b[:2] and fuzz.ratio(a, b) >= SURNAME_SIMILARITY)


@functools.lru_cache(maxsize=1 << 16)
def _transliterated(a: str, b: str) -> bool:
    """Two spellings of one surname, a letter or two apart ("Kyslytsya", "Kyslytsia";
    "Tsikhanouskaya", "Tikhanovskaya"): the same consonants, nearly the same letters."""
    return a[:1] == b[:1] and skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= TRANSLITERATED


def _given_agree(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a.endswith(".") or b.endswith("."):
        return a[0] == b[0]
    return (
        a == b
        or a.startswith(b)
        or b.startswith(a)
        or fuzz.ratio(a, b) >= GIVEN_NAME_SIMILARITY
        or nicknamed(a, b)
    )


@functools.lru_cache(maxsize=1 << 14)
def nicknamed(a: str, b: str) -> bool:
    """ "Bill" and "William", "Rick" and "Richard": one name and its nickname, or two
    nicknames of one name (the nicknames package's curated English list)."""
    namer = _namer()
    return (
        b in namer.nicknames_of(a)
        or a in namer.nicknames_of(b)
        or bool(namer.canonicals_of(a) & namer.canonicals_of(b))
    )


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()


def skeleton(surname: str) -> str:
    """A surname's consonants, doubles once: transliterations of one name mostly keep them
    ("zelensky", "zelenskyy", "zelenskiy" are all "zlnsk")."""
    consonants = re.sub(r"[aeiouyhw'’\- ]", "", surname)
    return re.sub(r"(.)\1+", r"\1", consonants)


@functools.lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same surname, and given names that agree, or one name
    the end of the other ("Peña Nieto" and "Enrique Peña Nieto")."""
    words_a, words_b = _words(a), _words(b)
    if not _same_surname(words_a[-1], words_b[-1]):
        # a surname spelled two letters apart is the same only with the same given name
        return (
            len(words_a) >= 2
            and len(words_b) >= 2
            and _transliterated(words_a[-1], words_b[-1])
            and (words_a[0] == words_b[0] or nicknamed(words_a[0], words_b[0]))
        )
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) >= 2 and longer[-len(shorter) :] == shorter:
        return True
    return _given_agree(words_a[0], words_b[0])


class People:
    def __init__(self, backing: Backing) -> None:
        self.people: Table[PersonState] = Table("person", backing)
        self.index = Index("person_key", backing)
        self.waiting: Table[list[Waiting]] = Table("waiting_name", backing)
        self.merged: Table[str] = Table("person_merged", backing)
        self.relinked: list[tuple[int, int, str]] = []  # (article, mention index, person id)

    def resolve(self, person_id: str) -> str:
        """The id a person now goes by, after merges."""
        while (merged := self.merged.get(person_id)) is not None:
            person_id = merged
        return person_id

    def add(self, article: int, mentions: Sequence[PersonMention]) -> list[str | None]:
        """The person each mention names (None: a lone name that matches nobody yet)."""
        links: list[str | None] = [None] * len(mentions)
        here: set[str] = set()
        for index, mention in enumerate(mentions):
            if len(mention.name.split()) >= 2:
                person = self._full_name(mention.name)
                self._count(person, mention, full=True)
                links[index] = person.id
                here.add(person.id)
        for index, mention in enumerate(mentions):
            if len(mention.name.split()) < 2:
                links[index] = self._lone_name(article, index, mention, here)
        return links

    def remove(
        self, article: int, mentions: Sequence[PersonMention], links: Sequence[str | None]
    ) -> None:
        for index, (mention, link) in enumerate(zip(mentions, links, strict=True)):
            if link is None:
                self._stop_waiting(article, index, mention)
                continue
            person = self.people.get(self.resolve(link))
            if person is None:
                continue
            form = person.forms if len(mention.name.split()) >= 2 else person.short
            form[mention.name] -= 1
            if form[mention.name] <= 0:
                del form[mention.name]
            if mention.role:
                key = fold(mention.role)
                person.roles[key] -= 1
                if person.roles[key] <= 0:
                    del person.roles[key]
            if person.empty:
                self._forget(person)
            else:
                self.people.touch(person.id)

    # -- full names and lone names ----------------------------------------------------------------

    def _full_name(self, name: str) -> PersonState:
        surname = _words(name)[-1]
        for person_id in self._near(surname):
            person = self.people.get(person_id)
            if (
                person is not None
                and person.forms
                and any(same_person(name, form) for form in person.forms)
            ):
                return person
        person = self._new(name, surname)
        self._take_in_waiting(person, surname)
        self._take_in_lone_people(person, surname)
        return person

    def _lone_name(
        self, article: int, index: int, mention: PersonMention, here: set[str]
    ) -> str | None:
        word = _words(mention.name)[-1]
        candidates = self.index.members(f"s:{word}") or self.index.members(f"g:{word}")
        if not candidates:
            candidates = {
                person_id: None
                for person_id in self._near(word)
                if (person := self.people.get(person_id)) is not None
                and _same_surname(word, person.surname)
            }
        # "Iracema Cavalcante, Cavalcante's mother": not the Cavalcante the article is about
        candidates = {
            person_id: None for person_id in candidates if not self._kin_of(person_id, word)
        }
        chosen = sorted(person for person in here if person in candidates)
        if not chosen and len(candidates) == 1:
            chosen = list(candidates)
        if len(chosen) == 1:
            person = self.people[chosen[0]]
            self._count(person, mention, full=False)
            return person.id
        if not candidates:
            if mention.evidence in ("title", "apposition"):
                person = self._new(mention.name, word)
                self._count(person, mention, full=False)
                return person.id
            waiting = self.waiting.get(word) or []
            if len(waiting) < WAITING_LIMIT:
                waiting.append(Waiting(article, index, mention.name, mention.role))
                self.waiting.put(word, waiting)
        return None

    def _kin_of(self, person_id: str, word: str) -> bool:
        """Whether a person's role says they are somebody of that name's ("Cavalcante's
        mother", "Hermoso's lawyer")."""
        person = self.people.get(person_id)
        owner = fold(word)
        return person is not None and any(
            role.startswith((f"{owner}'s ", f"{owner}’s ")) for role in person.roles
        )

    def _take_in_waiting(self, person: PersonState, surname: str) -> None:
        """Lone names met before this full name ("Lavrov said", then "Sergey Lavrov")."""
        for waiting in self.waiting.get(surname) or ():
            person.short[waiting.name] += 1
            self._add_role(person, waiting.role)
            self.relinked.append((waiting.article, waiting.index, person.id))
        if self.waiting.get(surname):
            self.waiting.delete(surname)

    def _take_in_lone_people(self, person: PersonState, surname: str) -> None:
        """A person known only as "President Putin" is the "Vladimir Putin" who comes later."""
        for other_id in self.index.find(f"s:{surname}"):
            other = self.people.get(other_id)
            if other is None or other.forms or other.id == person.id:
                continue
            person.short.update(other.short)
            for key, count in other.roles.items():
                person.roles[key] += count
                person.spelled.setdefault(key, other.spelled[key])
            self._forget(other)
            self.merged.put(other.id, person.id)

    def _stop_waiting(self, article: int, index: int, mention: PersonMention) -> None:
        word = _words(mention.name)[-1]
        waiting = self.waiting.get(word)
        if waiting:
            left = [entry for entry in waiting if (entry.article, entry.index) != (article, index)]
            if left:
                self.waiting.put(word, left)
            else:
                self.waiting.delete(word)

    # -- bookkeeping ------------------------------------------------------------------------------

    def _new(self, name: str, surname: str) -> PersonState:
        base = slug(name)
        person_id, number = base, 1
        while person_id in self.people or self.merged.get(person_id) is not None:
            number += 1
            person_id = f"{base}-{number}"
        person = PersonState(person_id, surname)
        self.people.put(person_id, person)
        for key in near_keys(surname):
            self._file(person, f"n:{key}")
        self._file(person, f"c:{skeleton(surname)}")
        self._file(person, f"s:{surname}")
        return person

    def _near(self, surname: str) -> list[str]:
        """People whose surname may be this one spelled another way, in the order they came."""
        found: dict[str, None] = {}
        for key in near_keys(surname):
            found.update(self.index.members(f"n:{key}"))
        found.update(self.index.members(f"c:{skeleton(surname)}"))
        return list(found)

    def _file(self, person: PersonState, key: str) -> None:
        self.index.add(key, person.id)
        person.keys.add(key)

    def _count(self, person: PersonState, mention: PersonMention, full: bool) -> None:
        (person.forms if full else person.short)[mention.name] += 1
        if full:
            self._file(person, f"g:{_words(mention.name)[0]}")
        self._add_role(person, mention.role)
        self.people.touch(person.id)

    def _add_role(self, person: PersonState, role: str | None) -> None:
        if role:
            key = fold(role)
            person.spelled.setdefault(key, role)
            person.roles[key] += 1

    def _forget(self, person: PersonState) -> None:
        self.people.delete(person.id)
        for key in person.keys:
            self.index.discard(key, person.id)
