"""The search index in use and how a query scores against it.

The index joins two parts. The shipped one (:mod:`careerkit.catalogue._titles`, built at
build time) holds O*NET's alternate, short and reported titles, descriptions and tasks
under SOC codes. The registry's keys (ids, titles in English and Hindi, aliases, codes,
specialties: whatever the careers in use answer to, plug-ins' too) are read on the first
search; they are few. Entries are numbered: the shipped ones first, the registry's after.

How an entry scores (0-100): each query word is matched to the index's words exactly
(1), as the start of a longer word of at least three letters (0.9), in US spelling
("counselling": 1), for a word the index lacks, as a word with the same stem
("reflexologist", "reflexology": 0.9 x rapidfuzz's ratio of the two), as two
run-together words ("callcenter") or as a near spelling (ratio at least 80, scaled to
0.6-0.8); strengths are rounded to a tenth. Each word weighs its ``idf`` (rare words weigh more: "budget"
outweighs "specialist"), times its query factor (levels and schedules a twentieth:
:mod:`._query`). Then ``score = 100 x (0.8 x the query's weight matched + 0.2 x the
entry's weight matched) x the kind's factor`` (the registry's names 1, reported titles
0.99, alternate and short titles 0.98, descriptions 0.5, tasks 0.4). A career scores its
best name, and for a query of two words or more nine tenths of it plus a tenth in the
measure of its best description's or task's score (what the career does backs up the
name); a career no name matches scores its best text. A registry key equal to the whole query scores above all. Ties go to the
career more people work in.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from careerkit._once import load_rapidfuzz
from careerkit._search._query import spellings
from careerkit.catalogue._titles import KINDS, TitleIndex, key_words, weight, words
from careerkit.model._checks import normalize_key

if TYPE_CHECKING:
    from careerkit.registry import Registry

__all__ = ["CODE", "EXACT", "Index", "Match", "rank"]

CODE = re.compile(r"[\d.\-]+\Z")
FACTORS = {
    "reported title": 0.99,
    "alternate title": 0.98,
    "short title": 0.98,
    "description": 0.5,
    "task": 0.4,
}
"""Each kind's factor; the registry's keys (titles, aliases, ids, specialties) count 1."""
TEXT_MOST = max(FACTORS["description"], FACTORS["task"]) * 100
SUPPORT = 0.1
"""The share of a career's name score its texts decide (:func:`_support`)."""
DEPTH = 12
"""How many of the best careers by name have their texts read (:func:`_support`)."""
EXACT = 100.5
"""The score of a registry key equal to the whole query: above any other."""
_PREFIXES = 60  # longer words a short query word may start, at most
_SPLIT_LEAST = 2  # letters, at least, of each part of a run-together word

# a match: (score, entry)
Match = tuple[float, int]


class Index:
    """What is searched: the shipped index and the registry's keys, for *registry*."""

    def __init__(self, registry: Registry, shipped: TitleIndex) -> None:
        from careerkit.catalogue import occupations
        from careerkit.catalogue._assembly import names, origin
        from careerkit.catalogue.sources.onet_details import specialty_keys

        self.registry = registry
        self.shipped = shipped
        size = shipped.entries
        keys = registry._index
        # the career of each shipped SOC code (None: not in the registry in use)
        self.soc_careers = [keys[soc][0] if soc in keys else None for soc in shipped.soc_codes]
        self.career_socs = {
            career: soc for soc, career in enumerate(self.soc_careers) if career is not None
        }
        self.jobs: dict[str, int] = {}
        self.official: dict[str, tuple[str | None, str]] = {}  # career -> (SOC code, title)
        labels: dict[str, str] = {}  # normalized key -> what it is
        for soc, occupation in occupations().items():
            if soc in keys:
                career_id = keys[soc][0]
                self.jobs[career_id] = occupation.employment or 0
                self.official[career_id] = (soc, occupation.title)
                labels[normalize_key(occupation.title)] = "title"
        for specialties in specialty_keys().values():
            for key, written in specialties.items():
                labels[key] = "code" if CODE.match(written) else "specialty"
        texts: list[tuple[str, str, str]] = []  # (career, kind, text) of profiles' summaries
        catalogue = origin()
        for career_id, (held, where) in registry._careers.items():
            if where == catalogue:
                continue
            said = names(held)  # careerkit's own profiles and plug-ins: few, not built here
            for key in said.aliases:
                labels.setdefault(normalize_key(key), "alias")
            if said.hindi_title:
                labels[normalize_key(said.hindi_title)] = "Hindi title"
            labels[normalize_key(said.title)] = "title"
            if career_id not in self.official:
                self.official[career_id] = (None, said.title)
            texts += [(career_id, "description", text) for text in said.summaries]
        # the registry's entries, numbered after the shipped ones
        self.careers: list[str] = []
        self.texts: list[str] = []
        self.kinds: list[str] = []
        self.exact: dict[str, int] = {}  # normalized key -> entry
        self.codes: list[tuple[str, int]] = []  # (code's digits, entry)
        self.words: dict[str, int] = dict(shipped.word_ids)
        self.idf: list[float] = list(shipped.idf)
        self.extra: dict[int, list[int]] = defaultdict(list)  # word -> registry names
        self.extra_texts: dict[int, list[int]] = defaultdict(list)  # word -> plug-ins' texts
        users: dict[str, set[str]] = defaultdict(set)
        pending: list[tuple[int, list[str]]] = []
        for normal, (career_id, written) in keys.items():
            number = size + len(self.texts)
            label = "id" if written == career_id else labels.get(normal, "alias")
            if CODE.match(written):
                self.codes.append((re.sub(r"\D", "", written), number))
                label = "code"
            elif label == "alias" and any(ch.isdigit() for ch in written):
                label = "code"  # GN007, 5244.0301: a code of a system careerkit knows
            self.careers.append(career_id)
            self.texts.append(written)
            self.kinds.append(label)
            if label != "code":
                self.exact[normal] = number
                held_words = key_words(normal)
                pending.append((number, held_words))
                for word in held_words:
                    users[word].add(career_id)
        for career_id, kind, text in texts:
            number = size + len(self.texts)
            self.careers.append(career_id)
            self.texts.append(text)
            self.kinds.append(kind)
            pending.append((number, words(text)))
        self.codes.sort()
        careers = len(shipped.soc_codes)
        for word in sorted(users.keys() - self.words.keys()):
            self.words[word] = len(self.idf)
            self.idf.append(weight(careers, len(users[word])))
        self.weights: list[float] = [0.0] * len(self.texts)
        for number, held_words in pending:
            for word in set(held_words):
                if word not in self.words:  # a summary's word no name uses
                    self.words[word] = len(self.idf)
                    self.idf.append(weight(careers, 1))
                is_name = self.kinds[number - size] != "description"
                (self.extra if is_name else self.extra_texts)[self.words[word]].append(number)
                self.weights[number - size] += self.idf[self.words[word]]
        self.kind_factors = [FACTORS[kind] for kind in KINDS]  # a shipped entry's, by its kind
        self.factors = [FACTORS.get(kind, 1.0) for kind in self.kinds]  # a registry entry's
        self.sorted_words = sorted(self.words)  # the shipped words are sorted: a quick sort

    @functools.cached_property
    def by_length(self) -> dict[int, list[str]]:
        """The index's words by their length (typos are looked for among similar lengths)."""
        found: dict[int, list[str]] = defaultdict(list)
        for word in self.sorted_words:
            found[len(word)].append(word)
        return found

    # -- an entry's facts, whichever part holds it ------------------------------------------

    def career(self, entry: int) -> str | None:
        size = self.shipped.entries
        if entry < size:
            return self.soc_careers[self.shipped.socs[entry]]
        return self.careers[entry - size]

    def text(self, entry: int) -> str:
        size = self.shipped.entries
        return self.shipped.text(entry) if entry < size else self.texts[entry - size]

    def kind(self, entry: int) -> str:
        size = self.shipped.entries
        return KINDS[self.shipped.kinds[entry]] if entry < size else self.kinds[entry - size]

    def extra_entries(self, word: int, texts: bool) -> list[int]:
        """The registry's entries holding *word*: its names (``texts=False``) or its texts."""
        return (self.extra_texts if texts else self.extra).get(word, [])

    # -- the words a query word matches ------------------------------------------------------

    def matches(self, word: str) -> dict[int, float]:
        """The index's words *word* matches, by number, each with its strength (0-1).

        *word* is in the index's spelling where it has one (:func:`rank` reads British
        spellings and Hindi words first)."""
        found: dict[int, float] = {}
        known = self.words.get(word)
        if known is not None:
            found[known] = 1.0
        vocabulary = self.sorted_words
        if len(word) >= 3:
            start = bisect.bisect_right(vocabulary, word)
            for other in vocabulary[start : start + _PREFIXES]:
                if not other.startswith(word):
                    break
                found.setdefault(self.words[other], 0.9)
        if not found and len(word) >= 5:  # the same stem: reflexologist, reflexology
            load_rapidfuzz()  # once, whole, whichever thread asks first
            from rapidfuzz.fuzz import ratio

            stem = word[: max(4, len(word) - 3)]
            start = bisect.bisect_left(vocabulary, stem)
            for other in vocabulary[start : start + _PREFIXES]:
                if not other.startswith(stem):
                    break
                found.setdefault(self.words[other], round(0.9 * ratio(word, other) / 100, 1))
        return found

    def near(self, word: str) -> dict[int, float]:
        """The index's words within a typo or two of *word* (four letters or more)."""
        load_rapidfuzz()  # once, whole, whichever thread asks first
        from rapidfuzz import fuzz, process

        found: dict[int, float] = {}
        if len(word) >= 4:
            near = [w for size in range(len(word) - 2, len(word) + 3) for w in self.by_length[size]]
            for other, ratio, _ in process.extract(
                word, near, scorer=fuzz.ratio, score_cutoff=80, limit=10
            ):
                found[self.words[other]] = round(0.6 + (ratio - 80) / 100, 1)
        return found

    def split(self, word: str) -> list[str] | None:
        """Two words the index knows that *word* runs together ("callcenter"), or ``None``."""
        best: list[str] | None = None
        for cut in range(_SPLIT_LEAST, len(word) - _SPLIT_LEAST + 1):
            left, right = word[:cut], word[cut:]
            known = left in self.words and right in self.words
            if known and (best is None or min(len(left), len(right)) > min(map(len, best))):
                best = [left, right]
        return best


Slot = tuple[float, float, dict[int, float]]
"""A query word as scored: its weight (idf x query factor), its idf, the words it matches."""


def rank(query: list[tuple[str, float]], index: Index, limit: int) -> dict[str, Match]:
    """Each career's best match for the read query (:func:`._query.read`); at least the
    *limit* best careers are exact, others may be left out or scored low.

    A word's weight is its idf (a word the index lacks: its best match's, or a rare
    word's if nothing matches, so that it counts against every entry) times its factor.
    """
    rare = weight(len(index.shipped.soc_codes), 1)
    read: dict[str, float] = {}  # each word once, in the index's spelling: "Nurse (नर्स)"
    for word, factor in query:
        if word not in index.words:
            word = next((other for other in spellings(word) if other in index.words), word)
        read[word] = max(read.get(word, 0.0), factor)
    slots: list[Slot] = []
    for word, factor in read.items():
        found = index.matches(word)
        parts = None if found or word in index.words else index.split(word)
        if parts:  # "callcenter": call, center
            for part in parts:
                found = index.matches(part)
                slots.append(
                    (factor * index.idf[index.words[part]], index.idf[index.words[part]], found)
                )
            continue
        if not found:
            found = index.near(word)
        own = index.words.get(word)
        if own is not None:
            slots.append((factor * index.idf[own], index.idf[own], found))
        else:
            idfs = [index.idf[other] for other in found] or [rare]
            slots.append((factor * max(idfs), min(idfs), found))
    slots.sort(key=lambda slot: -slot[0])
    best: dict[str, Match] = {}
    if slots and slots[0][0]:
        supported = sum(factor == 1 for factor in read.values()) > 1  # one word: no more
        _score(slots, index, best, max(limit, DEPTH) if supported else limit, texts=False)
        if supported:
            _support(slots, index, best, limit)
        floor = _kth(best, limit)
        if floor < TEXT_MOST:  # texts could still rank careers no name matched
            by_texts: dict[str, Match] = {}
            _score(slots, index, by_texts, limit, texts=True, floor=floor)
            for career, match in by_texts.items():  # a career's best, name or text
                if career not in best or match[0] > best[career][0]:
                    best[career] = match
    return best


def _support(slots: list[Slot], index: Index, best: dict[str, Match], limit: int) -> None:
    """Weigh each career's name by its texts: its score becomes ``name x (1 - SUPPORT +
    SUPPORT x text / TEXT_MOST)``, where *text* is its best description's or task's score
    (:data:`SUPPORT`): what a career says it does backs up the name that matched.

    The texts read are those of the :data:`DEPTH` best careers by name (ties to the career
    more people work in, then to the id), whatever *limit*: a career below them keeps
    ``name x (1 - SUPPORT)``, below each of theirs, so that the first *limit* results are
    the same for any *limit*. Of those, a career whose name could not reach the *limit*
    best is left as it is (no text could lift it into the results).
    """
    jobs = index.jobs
    ranked = heapq.nsmallest(
        DEPTH, best, key=lambda career: (-best[career][0], -jobs.get(career, 0), career)
    )
    reach = _kth(best, limit) * (1 - SUPPORT)  # the least a result will score
    ranked = [career for career in ranked if best[career][0] >= reach]
    for career, (score, number) in best.items():
        best[career] = (score * (1 - SUPPORT), number)
    total = sum(slot[0] for slot in slots)
    texts: dict[str, Match] = {}
    _score_entries(slots, index, texts, total, texts=True)  # plug-ins' summaries: few
    shipped = index.shipped
    postings = shipped.postings
    # each slot's words that texts hold: (strength, where their texts are), strongest first
    spans = [
        [
            (strength, shipped.span(word, texts=True))
            for word, strength in sorted(found.items(), key=lambda item: -item[1])
            if word < shipped.size
        ]
        for _, _, found in slots
    ]
    factors, kinds, weights = index.kind_factors, shipped.kinds, shipped.weights
    for career in ranked:
        said = texts.get(career, (0.0, 0))[0]
        soc = index.career_socs.get(career)
        if soc is not None:  # its texts are one run of entries, low .. high - 1
            low = bisect.bisect_left(shipped.socs, soc, shipped.names, shipped.entries)
            high = bisect.bisect_left(shipped.socs, soc + 1, low, shipped.entries)
            query, entry = _matched(
                slots,
                [
                    [(strength, _between(postings, low, high, *where)) for strength, where in held]
                    for held in spans
                ],
            )
            for number, matched in query.items():
                score = _entry_score(
                    matched, total, entry[number], weights[number], factors[kinds[number]]
                )
                said = max(said, score)
        score, number = best[career]
        best[career] = (score + score / (1 - SUPPORT) * SUPPORT * said / TEXT_MOST, number)


def _score(
    slots: list[Slot],
    index: Index,
    best: dict[str, Match],
    limit: int,
    *,
    texts: bool,
    floor: float = -1.0,
) -> None:
    """Score the names (or texts) the query's words match, into *best*; entries that score
    less than *floor* (what the results hold already) may be left out.

    The registry's entries are few: each is scored. The shipped ones are first split, with
    set operations, by which query words they hold (their pattern); patterns go most
    promising first, and stop once *limit* careers score more than the next one could.
    """
    total = sum(slot[0] for slot in slots)
    _score_entries(slots, index, best, total, texts=texts)
    shipped = index.shipped
    # groups: (slot, strength) -> the shipped entries holding a word of that slot so strongly
    groups: list[tuple[int, float, set[int]]] = []
    for slot, (_, _, found) in enumerate(slots):
        by_strength: dict[float, set[int]] = {}
        for word, strength in found.items():
            if word >= shipped.size:
                continue
            start, end = shipped.span(word, texts=texts)
            postings = shipped.postings[start:end]
            if postings:
                by_strength.setdefault(strength, set()).update(postings)
        groups += [(slot, strength, held) for strength, held in by_strength.items()]
    patterns: dict[int, set[int]] = {}  # groups held (bits) -> entries holding exactly those
    for bit, (_, _, held) in enumerate(groups):
        rest = set(held)
        for pattern, entries in list(patterns.items()):
            both = entries & rest
            if both:
                entries -= both
                rest -= both
                patterns[pattern | 1 << bit] = both
                if not entries:
                    del patterns[pattern]
        if rest:
            patterns[1 << bit] = rest
    most = max(FACTORS["description"], FACTORS["task"]) if texts else FACTORS["reported title"]
    scored = []
    for pattern, entries in patterns.items():
        strongest: dict[int, float] = {}
        for bit, (slot, strength, _) in enumerate(groups):
            if pattern >> bit & 1 and strength > strongest.get(slot, 0.0):
                strongest[slot] = strength
        query = sum(slots[slot][0] * strength for slot, strength in strongest.items())
        entry = sum(slots[slot][1] * strength for slot, strength in strongest.items())
        scored.append((100 * (0.8 * query / total + 0.2) * most, query, entry, entries))
    scored.sort(key=lambda item: -item[0])
    kth = max(floor, _kth(best, limit))
    careers, socs, kinds = index.soc_careers, shipped.socs, shipped.kinds
    factors, weights = index.kind_factors, shipped.weights
    for bound, query, entry, entries in scored:
        if bound < kth:
            break
        part = 100 * 0.8 * query / total  # _entry_score, its query part once for the pattern
        raised = False
        for number in entries:
            career = careers[socs[number]]
            if career is None:
                continue
            share = min(1.0, entry / (weights[number] or 1.0))
            score = (part + 20 * share) * factors[kinds[number]]
            had = best.get(career)
            if had is None or score > had[0]:
                best[career] = (score, number)
                raised = raised or score > kth
        if raised:
            kth = max(floor, _kth(best, limit))


def _score_entries(
    slots: list[Slot],
    index: Index,
    best: dict[str, Match],
    total: float,
    *,
    texts: bool,
) -> None:
    """Score the registry's entries the query's words match, into *best*."""
    query, entry = _matched(
        slots,
        [
            [
                (strength, index.extra_entries(word, texts))
                for word, strength in sorted(found.items(), key=lambda item: -item[1])
            ]
            for _, _, found in slots
        ],
    )
    size = index.shipped.entries
    for number, matched in query.items():
        at = number - size
        career = index.careers[at]
        score = _entry_score(matched, total, entry[number], index.weights[at], index.factors[at])
        if score > best.get(career, (-1.0, 0))[0]:
            best[career] = (score, number)


def _between(postings: Sequence[int], low: int, high: int, first: int, end: int) -> Sequence[int]:
    """The postings ``first .. end - 1`` (one word's, sorted) that are entries ``low .. high - 1``."""
    start = bisect.bisect_left(postings, low, first, end)
    return postings[start : bisect.bisect_left(postings, high, start, end)]


def _matched(
    slots: list[Slot], holders: list[list[tuple[float, Sequence[int]]]]
) -> tuple[dict[int, float], dict[int, float]]:
    """Each entry's query weight and own weight matched: *holders* gives, for each slot,
    ``(strength, the entries holding that word)``, strongest first; an entry counts once a
    slot, by its strongest word."""
    query: dict[int, float] = {}
    entry: dict[int, float] = {}
    for (slot_weight, slot_idf, _), held in zip(slots, holders, strict=True):
        seen: set[int] = set()
        for strength, entries in held:
            for number in entries:
                if number not in seen:
                    seen.add(number)
                    query[number] = query.get(number, 0.0) + slot_weight * strength
                    entry[number] = entry.get(number, 0.0) + slot_idf * strength
    return query, entry


def _entry_score(matched: float, total: float, held: float, weight: float, factor: float) -> float:
    """An entry's score: ``100 x (0.8 x the query's weight matched + 0.2 x the entry's own
    weight matched) x its kind's factor`` (*matched* of *total*, *held* of *weight*)."""
    return 100 * (0.8 * matched / total + 0.2 * min(1.0, held / (weight or 1.0))) * factor


def _kth(best: dict[str, Match], limit: int) -> float:
    """The *limit*-th best career's score so far (-1 if fewer careers scored)."""
    if len(best) < limit:
        return -1.0
    return heapq.nlargest(limit, (score for score, _ in best.values()))[-1]
