"""Every name an occupation goes by, and its words, indexed once at build time (``titles.bin``).

O*NET 29.3's Alternate Titles (with their short forms) and Sample of Reported Titles, its
detail occupations' descriptions and its task statements, each under the catalogue SOC
code it belongs to (an O*NET-SOC occupation of a broad occupation OEWS publishes only
as a whole, such as 13-1021, under that aggregate), and for each word the entries that
hold it: :mod:`careerkit._search` reads this index instead of building one on the
first search. ``tools/build_titles.py`` writes it from the official workbooks with
:func:`build`; tests rebuild it from its own texts and compare.

The file: a first line ``careerkit-titles 1``, a line of JSON (the SOC codes, the kinds,
each section's offset, length and whether zlib compressed it, the sources' sha256), then
the sections. Arrays are little-endian. Numbers are stored as they are, so that the first
search reads them at once; texts are compressed in chunks of :data:`CHUNK` entries, so that
showing a match decompresses one chunk.

==================  ==================================================================
``texts``           each entry's text as written, one per line, :data:`CHUNK` entries to
                    a zlib chunk, the chunks one after another
``chunks``          where each chunk of ``texts`` starts (uint32, one more)
``socs``            each entry's SOC code, as its place in the header's list (uint16)
``kinds``           each entry's kind, as its place in :data:`KINDS` (one byte)
``vocabulary``      every word, sorted, one per line (compressed)
``idf``             each word's weight: ``ln(1 + careers / careers that use the word)``
``starts``          where each word's entries start in ``postings`` (uint32, one more)
``postings``        the entries of each word, in order (uint32): names before texts
``weights``         each entry's words' weights, summed (float32)
==================  ==================================================================

Entries are in order: names first (grouped by SOC code, in the header's order), then
texts (likewise).

How text becomes words (:func:`words`), the same at build time and at search time:
:func:`~careerkit.model._checks.normalize_key`, split at its separators, plural endings
dropped (``nurses`` -> ``nurse``, ``secretaries`` -> ``secretary``), then small words
(``and``, ``of``, ...) and single letters left out.
"""

from __future__ import annotations

import bisect
import json
import math
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from careerkit._once import once
from careerkit.model._checks import normalize_key

__all__ = [
    "KINDS",
    "NAME_KINDS",
    "Entry",
    "TitleIndex",
    "build",
    "forgiving_key",
    "index",
    "key_words",
    "titles",
    "tokens",
    "words",
]

FILE = "titles.bin"
MAGIC = b"careerkit-titles 1\n"

KINDS = ("reported title", "alternate title", "short title", "description", "task")
"""The kinds of entry, in the order an entry of two kinds keeps the first."""
NAME_KINDS = KINDS[:3]
"""The kinds that are names of the occupation (the rest are texts about it)."""

STOP = frozenset(
    "a an and or of the in for to with on by as at from any its be are who "  # noqa: SIM905
    "that this these those such into than not no".split()
)
"""Words that say nothing about an occupation: left out of the index and of queries."""

SECTIONS = (
    "texts",
    "chunks",
    "socs",
    "kinds",
    "vocabulary",
    "idf",
    "starts",
    "postings",
    "weights",
)
COMPRESSED = frozenset(["vocabulary"])  # texts are compressed chunk by chunk
CHUNK = 256
"""Entries to a compressed chunk of texts."""
_LITTLE = sys.byteorder == "little"


def stem(word: str) -> str:
    """*word* without its plural ending: nurses -> nurse, secretaries -> secretary."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of *text* as the index holds them.

    >>> words("Nurses, Registered (RN)")
    ['nurse', 'registered', 'rn']
    >>> words("Driver's License Examiner")
    ['driver', 'license', 'examiner']
    """
    return key_words(normalize_key(text))


def key_words(key: str) -> list[str]:
    """The words of a key already normalized (:func:`~careerkit.model._checks.normalize_key`)."""
    found = []
    for word in tokens(key):
        if len(word) > 1 or word.isdigit() or not word.isascii():
            word = stem(word)
            if word not in STOP:
                found.append(word)
    return found


def forgiving_key(key: str) -> str:
    """A normalized *key* as search reads its words: each singular, the words that say nothing
    (``and``, ``of``, ``the``) and single letters left out, in their order. Keys with one
    forgiving key name one thing to a reader: ``careerkit.get`` looks a key up by it where
    the key itself is not there.

    >>> forgiving_key(normalize_key("Accountants and Auditors"))
    'accountant-auditor'
    >>> forgiving_key(normalize_key("accountant & auditor")), forgiving_key("nurse-s")
    ('accountant-auditor', 'nurse')
    """
    return "-".join(key_words(key))


def tokens(key: str) -> list[str]:
    """The parts of a normalized key, letters an abbreviation spells one by one joined:
    ``r-d-manager`` ("R&D Manager") -> ``rd``, ``manager``; ``o-and-m`` ("O and M") -> ``om``.

    >>> tokens("r-d-manager"), tokens("o-and-m-specialist"), tokens("engineer-i")
    (['rd', 'manager'], ['om', 'specialist'], ['engineer', 'i'])
    """
    parts = key.split("-")
    found: list[str] = []
    letters = ""
    for at, part in enumerate(parts):
        if _letter(part):
            letters += part
            continue
        if part == "and" and letters and at + 1 < len(parts) and _letter(parts[at + 1]):
            continue  # "O and M": one abbreviation
        if letters:
            found.append(letters)
            letters = ""
        found.append(part)
    if letters:
        found.append(letters)
    return found


def _letter(part: str) -> bool:
    return len(part) == 1 and part.isascii() and part.isalpha()


class Entry(NamedTuple):
    """One name or text of an occupation, as :func:`build` takes it."""

    soc: str
    kind: str
    text: str


class TitleIndex:
    """The index as read: entries (text, SOC code, kind) and, for each word, its entries."""

    def __init__(self, data: bytes, *, where: str = FILE) -> None:
        if not data.startswith(MAGIC):
            raise _damaged(where, f"it should start with {MAGIC.decode().strip()!r}")
        end = data.find(b"\n", len(MAGIC))
        try:
            self.header = json.loads(data[len(MAGIC) : end])
            body = memoryview(data)[end + 1 :]
            parts = {
                name: zlib.decompress(body[offset : offset + length])
                if packed
                else body[offset : offset + length]
                for name, offset, length, packed in self.header["sections"]
            }
            self.soc_codes: list[str] = list(self.header["socs"])
            self.vocabulary = bytes(parts["vocabulary"]).decode().split("\n")
            self._texts = parts["texts"]
            self._chunks: array[int] = _array("I", parts["chunks"])
            self.socs: array[int] = _array("H", parts["socs"])
            self.kinds = bytes(parts["kinds"])
            self.idf: array[float] = _array("f", parts["idf"])
            self.starts: array[int] = _array("I", parts["starts"])
            self.postings: array[int] = _array("I", parts["postings"])
            self.weights: array[float] = _array("f", parts["weights"])
            self.names: int = self.header["names"]
            """The number of entries that are names: entries ``0 .. names - 1``; texts follow."""
        except (ValueError, KeyError, TypeError, zlib.error, UnicodeDecodeError) as error:
            raise _damaged(where, f"it cannot be read ({type(error).__name__}: {error})") from None
        self.entries = entries = len(self.socs)
        """The number of entries."""
        self.size = size = len(self.vocabulary)
        """The number of words."""
        if not (
            len(self.kinds) == len(self.weights) == entries
            and len(self._chunks) == -(-entries // CHUNK) + 1
            and self._chunks[-1] == len(self._texts)
            and len(self.idf) == size
            and len(self.starts) == size + 1
            and self.starts[-1] == len(self.postings)
            and max(self.socs, default=0) < len(self.soc_codes)
            and max(self.kinds, default=0) < len(KINDS)
            and max(self.postings, default=0) < entries
            and 0 <= self.names <= entries
        ):
            raise _damaged(where, "its sections do not agree in length")
        self.where = where
        self.word_ids = {word: number for number, word in enumerate(self.vocabulary)}
        self._read: dict[int, list[str]] = {}  # chunk -> its texts, once read

    def text(self, entry: int) -> str:
        """The text of *entry*, as written."""
        chunk = entry // CHUNK
        texts = self._read.get(chunk)
        if texts is None:
            start, end = self._chunks[chunk], self._chunks[chunk + 1]
            try:
                texts = zlib.decompress(self._texts[start:end]).decode().split("\n")
            except (zlib.error, UnicodeDecodeError) as error:
                raise _damaged(self.where, f"a chunk of texts cannot be read ({error})") from None
            if len(texts) != min(CHUNK, self.entries - chunk * CHUNK):
                raise _damaged(self.where, f"chunk {chunk} of texts holds {len(texts)} texts")
            self._read[chunk] = texts
        return texts[entry % CHUNK]

    def entries_of(self, word: int) -> Sequence[int]:
        """The entries that hold the word numbered *word*."""
        return self.postings[self.starts[word] : self.starts[word + 1]]

    def span(self, word: int, *, texts: bool) -> tuple[int, int]:
        """Where in :attr:`postings` the names (or, ``texts=True``, the texts) holding the
        word numbered *word* are: names come before texts in each word's postings."""
        start, end = self.starts[word], self.starts[word + 1]
        cut = bisect.bisect_left(self.postings, self.names, start, end)
        return (cut, end) if texts else (start, cut)

    def soc(self, entry: int) -> str:
        """The SOC code of *entry*."""
        return self.soc_codes[self.socs[entry]]

    def kind(self, entry: int) -> str:
        """The kind of *entry* (one of :data:`KINDS`)."""
        return KINDS[self.kinds[entry]]


def build(
    entries: Iterable[Entry],
    *,
    socs: Sequence[str],
    names: Iterable[tuple[str, str]] = (),
    files: Mapping[str, str] | None = None,
) -> bytes:
    """The bytes of ``titles.bin`` for *entries*, in the order of *socs* (the catalogue's).

    An entry whose SOC code is not one of *socs* is left out; of entries with the same SOC
    code and the same words, the first kind in :data:`KINDS` is kept (then the first text).
    *names* (``(soc, name)``: official titles and specialties, which the registry indexes)
    count towards each word's weight without being entries. *files* (official file ->
    sha256) goes into the header.
    """
    place = {soc: number for number, soc in enumerate(socs)}
    kept: dict[tuple[str, tuple[str, ...]], tuple[int, int, Entry]] = {}
    for order, entry in enumerate(entries):
        if entry.soc not in place or entry.kind not in KINDS or not entry.text.strip():
            continue
        key = (entry.soc, tuple(words(entry.text)))
        rank = (KINDS.index(entry.kind), order, entry)
        if key not in kept or rank[:2] < kept[key][:2]:
            kept[key] = rank
    # names first, then texts (a search may stop before texts); within each, the catalogue's order
    ordered = sorted(
        kept.values(),
        key=lambda item: (item[0] >= len(NAME_KINDS), place[item[2].soc], item[0], item[1]),
    )
    chosen = [entry for _, _, entry in ordered]
    users: dict[str, set[str]] = defaultdict(set)  # word -> SOC codes using it
    entry_words = [sorted(set(words(entry.text))) for entry in chosen]
    for entry, found in zip(chosen, entry_words, strict=True):
        for word in found:
            users[word].add(entry.soc)
    for soc, name in names:
        if soc in place:
            for word in words(name):
                users[word].add(soc)
    vocabulary = sorted(users)
    word_ids = {word: number for number, word in enumerate(vocabulary)}
    idf = [weight(len(socs), len(users[word])) for word in vocabulary]
    holders: list[list[int]] = [[] for _ in vocabulary]
    for number, found in enumerate(entry_words):
        for word in found:
            holders[word_ids[word]].append(number)
    starts = [0]
    for held in holders:
        starts.append(starts[-1] + len(held))
    names_end = sum(entry.kind in NAME_KINDS for entry in chosen)
    lines = [" ".join(entry.text.split()) for entry in chosen]
    texts, chunks = bytearray(), [0]
    for first in range(0, len(lines), CHUNK):
        texts += zlib.compress("\n".join(lines[first : first + CHUNK]).encode(), 9)
        chunks.append(len(texts))
    parts = {
        "texts": bytes(texts),
        "chunks": _bytes("I", chunks),
        "socs": _bytes("H", [place[entry.soc] for entry in chosen]),
        "kinds": bytes(KINDS.index(entry.kind) for entry in chosen),
        "vocabulary": "\n".join(vocabulary).encode(),
        "idf": _bytes("f", idf),
        "starts": _bytes("I", starts),
        "postings": _bytes("I", [number for held in holders for number in held]),
        "weights": _bytes("f", [sum(idf[word_ids[w]] for w in found) for found in entry_words]),
    }
    body = bytearray()
    sections = []
    for name in SECTIONS:
        packed = name in COMPRESSED
        stored = zlib.compress(parts[name], 9) if packed else parts[name]
        sections.append([name, len(body), len(stored), packed])
        body += stored
    header = {
        "socs": list(socs),
        "kinds": list(KINDS),
        "entries": len(chosen),
        "names": names_end,
        "words": len(vocabulary),
        "sections": sections,
        "files": dict(files or {}),
    }
    return MAGIC + json.dumps(header, ensure_ascii=False).encode() + b"\n" + bytes(body)


def weight(careers: int, users: int) -> float:
    """A word's weight: ``ln(1 + careers / users)``, high for a word few careers use."""
    return math.log(1 + careers / max(1, users))


@once
def index() -> TitleIndex:
    """The shipped index, read once on first use."""
    from careerkit.catalogue._releases import shipped_folder

    path = shipped_folder() / FILE
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _damaged(FILE, f"cannot be read ({error.strerror or error})") from None
    return TitleIndex(data)


@once
def titles() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Every catalogue occupation's other names: SOC code -> ``((kind, title), ...)``.

    The kinds are ``"reported title"`` (O*NET 29.3's Sample of Reported Titles: titles
    incumbents reported, each also an alternate title), ``"alternate title"`` and
    ``"short title"`` (its Alternate Titles and their short forms), in O*NET's order
    within each kind. Titles with the same words as another of the occupation's are
    given once. The mapping is read-only (it is shared by every caller).

    >>> from careerkit.catalogue import titles
    >>> customer_service = titles()["43-4051"]
    >>> ("reported title", "Call Center Representative") in customer_service
    True
    >>> ("short title", "CCR") in customer_service
    True
    """
    found = index()
    by_soc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for entry in range(found.names):
        by_soc[found.soc(entry)].append((found.kind(entry), found.text(entry)))
    return MappingProxyType({soc: tuple(by_soc[soc]) for soc in found.soc_codes if soc in by_soc})


def _array(code: str, data: bytes | memoryview) -> array[Any]:
    values = array(code)
    if len(data) % values.itemsize:
        raise ValueError(f"{len(data)} bytes is no whole number of {values.itemsize}-byte items")
    values.frombytes(data)
    if not _LITTLE:
        values.byteswap()
    return values


def _bytes(code: str, values: Iterable[float]) -> bytes:
    packed = array(code, values)
    if not _LITTLE:
        packed.byteswap()
    return packed.tobytes()


def _damaged(where: str, why: str) -> Exception:
    from careerkit.catalogue._releases import shipped_damaged

    return shipped_damaged(where, why)
