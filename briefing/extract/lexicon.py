"""General English vocabulary the extractors lean on: words for roles, organisations, sites, events.

These are words of the language of news, not names of any story: no person, place or organisation
of today is listed here. Names come from the text itself and from maintained gazetteers.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Words that make a title or a job: "Foreign Minister", "presidential aide", "Kremlin spokesman".
ROLE_WORDS = frozenset(
    """president vice-president president-elect premier prime minister ministers secretary
    chancellor king queen prince princess emperor emir sultan sheikh pope patriarch
    cardinal archbishop bishop imam rabbi ayatollah governor mayor senator congressman
    congresswoman lawmaker legislator mp deputy speaker chairman chairwoman chairperson
    chair director head chief commander commander-in-chief general admiral colonel
    lieutenant captain sergeant marshal officer spokesperson spokesman spokeswoman aide
    adviser advisor envoy ambassador diplomat negotiator ombudsman ombudswoman judge
    prosecutor attorney lawyer ceo founder executive analyst expert professor dr doctor mr
    mrs ms miss sir dame lord lady journalist reporter correspondent editor columnist
    leader official commissioner councillor councilor candidate activist representative
    delegate mediator coordinator administrator manager superintendent inspector gen lt
    col sgt capt sen rep gov prof rev vice justice adm cmdr maj cpl pvt brig pope imam
    rear""".split()
) | frozenset(
    # words for a person that stand before a name like a title: "teenager Darnella Frazier"
    """teenager bystander witness resident woman man girl boy mother father daughter son wife
    husband brother sister nephew niece uncle aunt grandmother grandfather cousin student
    teacher nurse farmer worker driver survivor victim volunteer rescuer banker businessman
    businesswoman billionaire entrepreneur singer actor actress artist writer poet player
    coach striker fan pilot soldier priest partner mate colleague rival ally successor
    predecessor counterpart friend opponent challenger incumbent""".split()
)

# Words that end the names of things held or made, never a person's: "Paris Air Show", "Adam
# Air Flight 574", "the Boston Marathon".
THING_WORDS = frozenset(
    """show festival flight games cup summit conference expo fair awards award prize tour race
    marathon championship championships olympics series week day night gala record
    report""".split()
)

# What carries people, named as a thing is named: "the Titan submersible", "the cargo ship Dali"
VEHICLE_WORDS = frozenset(
    """submersible submarine sub ship vessel boat ferry tanker freighter yacht trawler aircraft
    airliner plane jet helicopter rocket spacecraft capsule lander rover probe satellite
    train""".split()
)

# Courtesies written after a name: "Somnath Ji", "Martin Luther King Jr."
HONORIFICS = frozenset("ji jr sr ii iii iv sahib san sama".split())

# Words of time that are never part of a name: "India Today", "Good Morning".
TIME_WORDS = frozenset("today tonight tomorrow yesterday morning evening night now".split())

# Lower-case words that go before a title: "presidential aide", "senior military commander".
ROLE_MODIFIERS = frozenset(
    """presidential prime foreign deputy senior chief former top special military defence
    defense interior finance national security intelligence government state general acting
    interim first vice lead head assistant executive regional local opposition""".split()
)

# Words that end the name of an organisation, and the kind of body they make: "Foreign Ministry",
# "Security Service", "Delta Air Lines", "Coast Guard".
ORG_KINDS = {
    **dict.fromkeys(
        """ministry ministries office agency agencies government administration parliament
        congress senate assembly duma rada kremlin cabinet presidency secretariat department
        bureau authority authorities commission committee subcommittee council service services
        mission
        delegation directorate inspectorate house""".split(),
        "government",
    ),
    **dict.fromkeys(
        """company corporation corp inc ltd llc plc group holdings bank fund airlines airways
        lines motors industries technologies systems partners capital enterprises studios
        platform network exchange aircraft airplanes aerospace pharmaceuticals""".split(),
        "company",
    ),
    **dict.fromkeys(
        """times post news press herald tribune journal gazette telegraph media tv radio channel
        newspaper magazine daily weekly review online broadcasting""".split(),
        "media",
    ),
    **dict.fromkeys(
        "forces force army navy guard guards command headquarters brigade battalion regiment "
        "division corps unit units marines".split(),
        "military",
    ),
    **dict.fromkeys("party movement alliance front coalition".split(), "party"),
    **dict.fromkeys("court courts tribunal".split(), "court"),
    **dict.fromkeys("police".split(), "police"),
    **dict.fromkeys(
        """union unions federation nations organisation organization institute foundation
        association society club board staff university college academy""".split(),
        "organisation",
    ),
}
ORG_WORDS = frozenset(ORG_KINDS)

# Words that end the name of a site or a feature, and the kind of venue they make.
SITE_WORDS = {
    "palace": "palace", "square": "square", "street": "street", "avenue": "street",
    "boulevard": "street", "road": "street", "bridge": "bridge", "airport": "airport",
    "airfield": "airfield", "airbase": "airfield", "aerodrome": "airfield", "base": "base",
    "station": "station", "port": "port", "harbour": "port", "harbor": "port", "stadium": "stadium",
    "arena": "stadium", "hall": "building", "hotel": "hotel", "museum": "building",
    "cathedral": "building", "mosque": "building", "temple": "building", "monastery": "building",
    "castle": "building", "fortress": "building", "tower": "building", "park": "park",
    "gardens": "park", "plant": "plant", "dam": "dam", "mine": "mine", "prison": "prison",
    "island": "island", "islands": "island", "river": "river", "sea": "sea", "ocean": "sea",
    "lake": "lake", "mountain": "mountain", "mountains": "mountain", "valley": "region",
    "peninsula": "region", "strait": "sea", "gulf": "sea", "bay": "sea", "canal": "canal",
    "desert": "region", "forest": "region", "center": "building",
    "centre": "building", "school": "building", "academy": "building", "hospital": "building",
    "university": "building", "college": "building", "church": "building", "embassy": "building",
    "building": "building", "terminal": "building", "consulate": "building",
}  # fmt: skip

# Words after a name that say what kind of place it is: "the Olenya airfield", "Amur region".
PLACE_CUES = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "province": "region", "provinces": "region", "district": "region", "districts": "region",
    "county": "region", "governorate": "region", "prefecture": "region", "state": "region",
    "states": "region", "counties": "region",
    "krai": "region", "kray": "region", "territory": "region",
    "city": "city", "cities": "city", "town": "town", "towns": "town", "village": "village",
    "villages": "village", "airfield": "airfield", "airfields": "airfield", "airport": "airport",
    "airports": "airport", "air base": "airfield", "air bases": "airfield", "airbase": "airfield",
    "airbases": "airfield", "base": "base", "bases": "base", "port": "port", "palace": "palace",
    "canton": "region", "municipality": "town", "commune": "town", "cave": "cave",
    "caves": "cave", "cave complex": "cave", "resort": "resort", "hotel": "hotel",
    "mountain": "mountain", "mountains": "mountain", "lake": "lake", "river": "river",
    "valley": "region", "park": "park", "national park": "park", "beach": "beach",
    "island": "island", "islands": "island", "camp": "camp", "refugee camp": "camp",
    "hospital": "building", "stadium": "stadium", "temple": "building", "mosque": "building",
    "church": "building", "school": "building", "mine": "mine", "dam": "dam", "bridge": "bridge",
}  # fmt: skip
REGION_KINDS = frozenset({"region"})

# Verbs that report speech: evidence that the capitalised word next to them names a speaker.
SAYING_VERBS = frozenset(
    """said says say told tells stated states added adds noted notes announced announces
    declared stressed emphasized emphasised confirmed confirms explained wrote posted
    argued warned claimed insisted concluded asked replied responded commented
    acknowledged denied urged pledged promised suggested mentioned informed reiterated
    recalled""".split()
)

# Nouns that name what happened, grouped by what kind of thing it was.
EVENT_WORDS = {
    "talks": "talks", "negotiations": "talks", "negotiation": "talks", "round": "talks",
    "meeting": "talks", "meetings": "talks", "summit": "talks", "conference": "talks",
    "dialogue": "talks", "consultations": "talks",
    "visit": "visit", "visited": "visit", "visiting": "visit", "trip": "visit", "tour": "visit",
    "call": "call", "phone": "call", "spoke": "call", "conversation": "call",
    "exchange": "exchange", "swap": "exchange", "exchanged": "exchange", "release": "exchange",
    "attack": "attack", "attacks": "attack", "strike": "attack", "strikes": "attack",
    "airstrike": "attack", "airstrikes": "attack", "bombing": "attack", "shelling": "attack",
    "offensive": "attack", "raid": "attack",  # not "drones": searches fly them too
    "struck": "attack", "destroyed": "attack", "shelled": "attack", "bombed": "attack",
    "explosion": "attack", "explosions": "attack", "missile": "attack", "missiles": "attack",
    "invasion": "war", "war": "war", "invaded": "war",
    "statement": "statement", "announced": "statement", "said": "statement",
    "announcement": "statement", "speech": "statement", "interview": "statement",
    "memorandum": "document", "document": "document", "decree": "document", "letter": "document",
    "ceasefire": "ceasefire", "truce": "ceasefire",
    "proposed": "proposal", "proposal": "proposal", "proposes": "proposal", "offer": "proposal",
    "deal": "agreement", "agreement": "agreement", "accord": "agreement", "treaty": "agreement",
    "election": "election", "vote": "election", "referendum": "election",
    "protest": "protest", "rally": "protest", "demonstration": "protest",
    "walkout": "protest",
    # who holds a post: losing it, leaving it, taking it
    "fired": "dismissal", "firing": "dismissal", "ousted": "dismissal", "ouster": "dismissal",
    "sacked": "dismissal", "sacking": "dismissal", "dismissed": "dismissal",
    "dismissal": "dismissal", "coup": "dismissal", "toppled": "dismissal",
    "overthrew": "dismissal", "overthrown": "dismissal", "putsch": "dismissal",
    "resigned": "resignation", "resignation": "resignation", "resigns": "resignation",
    "quit": "resignation", "quits": "resignation",
    "appointed": "appointment", "appointment": "appointment", "hired": "appointment",
    "hires": "appointment", "hiring": "appointment", "nominated": "appointment",
    "nomination": "appointment", "sworn": "appointment", "reinstated": "appointment",
    "rehired": "appointment",
    # a body's penalty: suspending, banning, fining, sanctioning
    "suspended": "sanction", "suspends": "sanction", "suspension": "sanction",
    "banned": "sanction", "bans": "sanction", "fined": "sanction", "sanctions": "sanction",
    "sanctioned": "sanction",
    # crime and the courts
    "arrested": "arrest", "arrest": "arrest", "captured": "arrest", "capture": "arrest",
    "detained": "arrest", "apprehended": "arrest", "custody": "arrest",
    "escaped": "escape", "escape": "escape", "fled": "escape", "breakout": "escape",
    "charged": "court", "charges": "court", "indicted": "court", "indictment": "court",
    "arraigned": "court", "arraignment": "court", "trial": "court", "verdict": "court",
    "convicted": "court", "sentenced": "court", "sentencing": "court", "pleaded": "court",
    "lawsuit": "court", "sued": "court", "sues": "court", "ruling": "court", "ruled": "court",
    # what befalls people, places and machines
    "died": "death", "killed": "death", "death": "death", "deaths": "death", "dead": "death",
    "rescued": "rescue", "rescue": "rescue", "evacuated": "rescue", "evacuation": "rescue",
    "collapsed": "disaster", "collapse": "disaster", "crashed": "disaster", "crash": "disaster",
    "outage": "disaster", "earthquake": "disaster", "flood": "disaster",
    "wildfire": "disaster", "storm": "disaster", "hurricane": "disaster",
    "wildfires": "disaster", "fire": "disaster", "fires": "disaster", "blaze": "disaster",
    "inferno": "disaster", "floods": "disaster", "flooding": "disaster",
    "landslide": "disaster", "tsunami": "disaster", "tornado": "disaster",
    "typhoon": "disaster", "cyclone": "disaster", "eruption": "disaster",
    "imploded": "disaster", "implosion": "disaster", "sank": "disaster", "sinking": "disaster",
    "capsized": "disaster", "derailed": "disaster", "derailment": "disaster",
    "burned": "disaster",
    "launched": "launch", "launch": "launch", "liftoff": "launch",
}  # fmt: skip

FUNCTION_WORDS = frozenset(
    """a an the and or but of in on at to for from by with without about after before during
    since until than as that this these those there here where when while who whom whose
    which what why how is are was were be been being has have had do does did will would
    shall should can could may might must not no it its he she they them his her their we
    our you your i me my also again only just still yet even so then once over under into
    onto upon via per amid among between against across along around near""".split()
)

# The words just before a place's name: "in Bucha", "at the Dusit Thani", "near Olenya".
LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|to|from|into|across|towards|toward|around|via)\s+$"
    r"|\b(?:on|along|across|over|near|by|at|inside|outside|into)\s+the\s+$"
)

MONTH_AND_DAY_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
     "’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-"}
)  # fmt: skip
_COMBINING = re.compile(r"[\u0300-\u036f]")


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Lower case without accents, for comparing spellings: "Çırağan" and "Ciragan" fold alike."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return _COMBINING.sub("", text).translate(_FOLD)


def _uppercase_class() -> str:
    """A regex class of every upper-case letter in the Latin, Greek and Cyrillic blocks."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x41, 0x530):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return "[" + "".join(parts) + "]"


UPPER = _uppercase_class()
