"""One organisation per body, whatever the form of its name; built article by article.

Names join when they are the same once legal forms are set aside ("CrowdStrike Holdings Inc.",
"CrowdStrike"), when one is the other's initials ("FAA", "Federal Aviation Administration"), or
when a short name is the start or the end of exactly one longer one ("Delta", "Delta Air Lines";
"Coast Guard", "US Coast Guard"). A bare name, with nothing in its article to say it is a body's,
joins an organisation of that name found elsewhere, now or later; it is never one by itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.extract.gazetteer import gazetteer, is_demonym, legal_forms
from briefing.extract.lexicon import ORG_KINDS, fold
from briefing.model import OrganisationMention
from briefing.resolve.people import slug
from briefing.resolve.state import Backing, Index, Table

WAITING_LIMIT = 200  # a bare name met this often before any organisation is not worth waiting on
_NOT_INITIALS = frozenset("of the and for on in at to &".split())
_WORD = re.compile(r"[\w&]+")


_HOLDING = frozenset({"holdings", "holding", "group"})


def core(name: str) -> str:
    """A name without legal forms, "the" and punctuation: the key bodies are filed under
    ("CrowdStrike Holdings Inc." is "crowdstrike", "U.S. House" is "us house")."""
    words = [
        word
        for word in _WORD.findall(name.replace(".", ""))
        if word not in legal_forms() and fold(word) not in _HOLDING
    ]
    words = [word for word in words if fold(word) != "the"] or words
    return " ".join(fold(word) for word in words)


def _joined(words: str) -> str:
    """ "delta air lines" and "delta airlines" are one name."""
    return words.replace(" ", "")


def _tails(name: str) -> list[str]:
    """The ends of a body's name that name it too: after its country, or after the body it is
    part of ("US House Homeland Security Committee": "house homeland security committee",
    "homeland security committee")."""
    words = core(name).split()
    tails = []
    for cut in range(1, len(words) - 1):
        before = words[cut - 1]
        if not (before in ORG_KINDS or _is_country(before)):
            break
        if any(word in ORG_KINDS for word in words[cut:]):
            tails.append(" ".join(words[cut:]))
    return tails


def _is_country(word: str) -> bool:
    return any(place.kind == "country" for place in gazetteer().places(word)) or is_demonym(word)


def initials(name: str) -> str | None:
    """ "Federal Aviation Administration" -> "faa"; None for a name of one word."""
    words = [word for word in _WORD.findall(name) if word not in legal_forms()]
    letters = [word[0] for word in words if fold(word) not in _NOT_INITIALS and word[0].isupper()]
    return fold("".join(letters)) if len(letters) >= 2 else None


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.rstrip("s").isupper()


@dataclass
class OrganisationState:
    id: str
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    clues: Counter[str] = field(default_factory=Counter)  # forms met only as bare names

    @property
    def empty(self) -> bool:
        return not self.forms

    def name(self) -> str:
        """The fullest form among the most used, a form some article shows to be a body's
        first: "Delta Air Lines" over "Delta", "Maui News" over the bare "Maui"."""
        named = self.named()
        return max(
            self.forms,
            key=lambda form: (
                form in named,
                not _is_acronym(form),
                self.forms[form] > 1,
                len(form),
                form,
            ),
        )

    def named(self) -> frozenset[str]:
        """The forms some article gives with evidence that they are this body's."""
        return frozenset(form for form, count in self.forms.items() if count > self.clues[form])

    def aliases(self) -> tuple[str, ...]:
        name = self.name()
        return tuple(sorted(form for form in self.forms if form != name))

    def kind(self) -> str | None:
        if not self.kinds:
            return None
        return max(sorted(self.kinds), key=self.kinds.__getitem__)


@dataclass(frozen=True)
class Waiting:
    """A bare name no organisation matched yet."""

    article: int
    index: int  # its place among the article's organisation mentions
    name: str


class Organisations:
    def __init__(self, backing: Backing) -> None:
        self.organisations: Table[OrganisationState] = Table("organisation", backing)
        self.index = Index("organisation_key", backing)
        self.waiting: Table[list[Waiting]] = Table("organisation_waiting", backing)
        self.relinked: list[tuple[int, int, str]] = []  # (article, mention index, id)

    def add(self, article: int, mentions: Sequence[OrganisationMention]) -> list[str | None]:
        """The organisation each mention names (None: a bare name nobody is known by yet)."""
        links: list[str | None] = [None] * len(mentions)
        for index, mention in enumerate(mentions):
            if mention.evidence != "bare":
                found = self._find(mention.name) or self._new(mention.name)
                self._count(found, mention, 1)
                links[index] = found.id
        for index, mention in enumerate(mentions):
            if mention.evidence == "bare":
                known = self._find(mention.name)
                if known is None:
                    self._wait(article, index, mention.name)
                else:
                    self._count(known, mention, 1)
                    links[index] = known.id
        return links

    def remove(
        self, article: int, mentions: Sequence[OrganisationMention], links: Sequence[str | None]
    ) -> None:
        for index, (mention, link) in enumerate(zip(mentions, links, strict=True)):
            if link is None:
                self._stop_waiting(article, index, mention.name)
                continue
            found = self.organisations.get(link)
            if found is None:
                continue
            self._count(found, mention, -1)
            if found.empty:
                self._forget(found)

    # -- finding and filing -----------------------------------------------------------------------

    def _find(self, name: str) -> OrganisationState | None:
        for key in self._keys_to_find(name):
            members = self.index.members(key)
            if len(members) == 1:
                return self.organisations.get(next(iter(members)))
            if members and key.startswith("n:"):
                return self.organisations.get(next(iter(members)))
        return None

    def _keys_to_find(self, name: str) -> list[str]:
        """Where a name may be filed: as itself, as initials, as the start or end of another,
        without its country."""
        own = core(name)
        keys = [f"n:{_joined(own)}"]
        if _is_acronym(name):
            keys.append(f"a:{fold(name.replace('.', ''))}")
        elif " " not in own:
            keys.append(f"first:{own}")
        else:
            keys.append(f"tail:{own}")
            keys += [f"n:{_joined(tail)}" for tail in _tails(name)]
            if acronym := initials(name):
                keys.append(f"n:{acronym}")
        return keys

    def _keys_to_file(self, name: str) -> list[str]:
        own = core(name)
        keys = [f"n:{_joined(own)}"]
        words = own.split()
        if len(words) >= 2:
            keys.append(f"first:{words[0]}")
            keys += [f"tail:{tail}" for tail in _tails(name)]
            if acronym := initials(name):
                keys.append(f"a:{acronym}")
        return keys

    def _new(self, name: str) -> OrganisationState:
        base = slug(name)
        organisation_id, number = base, 1
        while organisation_id in self.organisations:
            number += 1
            organisation_id = f"{base}-{number}"
        found = OrganisationState(organisation_id, core(name))
        self.organisations.put(organisation_id, found)
        return found

    def _count(self, found: OrganisationState, mention: OrganisationMention, sign: int) -> None:
        found.forms[mention.name] += sign
        if found.forms[mention.name] <= 0:
            del found.forms[mention.name]
        if mention.evidence == "bare":
            found.clues[mention.name] += sign
            if found.clues[mention.name] <= 0:
                del found.clues[mention.name]
        if mention.kind:
            found.kinds[mention.kind] += sign
            if found.kinds[mention.kind] <= 0:
                del found.kinds[mention.kind]
        if sign > 0:
            for key in self._keys_to_file(mention.name):
                if key not in found.keys:
                    self.index.add(key, found.id)
                    found.keys.add(key)
                    self._take_in_waiting(found, key)
        self.organisations.touch(found.id)

    def _wait(self, article: int, index: int, name: str) -> None:
        for key in self._keys_to_find(name)[:1]:
            waiting = self.waiting.get(key) or []
            if len(waiting) < WAITING_LIMIT:
                self.waiting.put(key, [*waiting, Waiting(article, index, name)])

    def _take_in_waiting(self, found: OrganisationState, key: str) -> None:
        """Bare names met before the body was known ("Delta", then "Delta said it")."""
        waiting_key = "n:" + _joined(key.split(":", 1)[1])  # bare names wait under their name
        for waiting in self.waiting.get(waiting_key) or ():
            found.forms[waiting.name] += 1
            found.clues[waiting.name] += 1
            self.relinked.append((waiting.article, waiting.index, found.id))
        if self.waiting.get(waiting_key):
            self.waiting.delete(waiting_key)

    def _stop_waiting(self, article: int, index: int, name: str) -> None:
        for key in self._keys_to_find(name)[:1]:
            waiting = self.waiting.get(key)
            if not waiting:
                continue
            left = [entry for entry in waiting if (entry.article, entry.index) != (article, index)]
            if left:
                self.waiting.put(key, left)
            else:
                self.waiting.delete(key)

    def _forget(self, found: OrganisationState) -> None:
        self.organisations.delete(found.id)
        for key in found.keys:
            self.index.discard(key, found.id)
