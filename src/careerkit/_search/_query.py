"""Reading a query as people write job titles: abbreviations, levels, shifts, places, requisitions.

:func:`read` turns ``"Sr. Customer Svc Rep II - Remote (Nights) - Springfield, NJ #4521"``
into the words that name the job, each with a factor for its weight: ``customer``,
``service``, ``representative`` count fully; ``senior``, ``ii``, ``remote``, ``night``
(level, schedule and place words) count a twentieth, so that they help a title that
has them without ever outweighing the job's own words; the place ``Springfield, NJ`` and
the requisition ``#4521`` are dropped. A query of nothing but such words keeps them at
full weight ("Lead" still finds careers). What classifications call a residual group,
"not elsewhere classified" or "n.e.c." (ISCO-08, India's NCO-2015), is read as SOC's
"All Other".
"""

from __future__ import annotations

import re

from careerkit.catalogue._titles import STOP, stem, tokens
from careerkit.model._checks import normalize_key

__all__ = ["ABBREVIATIONS", "HINDI", "NOISE", "read", "spellings"]

NOISE_FACTOR = 0.05
"""How much a level, schedule, place or posting word counts beside a word naming the job."""

ABBREVIATIONS = {
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant",
    "np": "nurse practitioner",
    "crna": "nurse anesthetist",
    "csr": "customer service representative",
    "pr": "public relations",
    "qa": "quality assurance",
    "qc": "quality control",
    "hr": "human resources",
    "cdl": "heavy truck",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "asst": "assistant",
    "assoc": "associate",
    "dev": "developer",
    "devs": "developer",
    "eng": "engineer",
    "engr": "engineer",
    "rep": "representative",
    "reps": "representative",
    "tech": "technician",
    "techs": "technician",
    "svc": "service",
    "svcs": "service",
    "cust": "customer",
    "acct": "account",
    "mktg": "marketing",
    "mgmt": "management",
    "ops": "operations",
    "mfg": "manufacturing",
    "whse": "warehouse",
    "supv": "supervisor",
    "supvr": "supervisor",
    "coord": "coordinator",
    "dir": "director",
    "exec": "executive",
    "spec": "specialist",
    "maint": "maintenance",
    "emt": "emergency medical technician",
    "swe": "software engineer",
    "sde": "software development engineer",
    "sw": "software",
    "slp": "speech language pathologist",
    "ot": "occupational therapist",
    "cpa": "certified public accountant",
    "admin": "administrative",
    "dba": "database administrator",
    "ceo": "chief executive",
    "cfo": "chief financial officer",
}
"""What job titles abbreviate, spelled out (Sr. and Jr. are levels too: see :data:`NOISE`)."""

NOISE = frozenset(
    # levels and seniority
    "senior sr junior jr lead entry level mid ii iii iv vi staff trainee apprentice experienced "  # noqa: SIM905
    # schedules and shifts
    "fulltime full part parttime time ft pt prn diem temporary temp contract seasonal shift "
    "shifts night nights nightshift overnight overnights evening evenings weekend weekends days "
    "weekday weekdays flex flexible hourly "
    # remote, hybrid, on site
    "remote hybrid onsite wfh telecommute telecommuting virtual "
    # the posting itself
    "hiring urgent urgently immediate immediately now needed wanted opening openings "
    "opportunity position job jobs req requisition id bonus sign signon pay salary "
    "new grad apply today local usa us".split()
)
"""Words of a posting that do not name the job: levels, schedules, remote work, the ad."""

_SPELLINGS = {  # British and Indian English words the US titles spell or say otherwise
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "tyre": "tire",
    "enquiry": "inquiry",
    "cheque": "check",
    "draught": "draft",
    "mould": "mold",
    "plough": "plow",
    "grey": "gray",
    "kerb": "curb",
    "storey": "story",
    "lorry": "truck",
    "petrol": "gasoline",
    "programme": "program",
}
HINDI = {  # job words in Hindi, Hindi's own and English ones written in Devanagari
    "नर्स": "nurse",
    "डॉक्टर": "doctor",
    "डाक्टर": "doctor",
    "चिकित्सक": "physician",
    "शिक्षक": "teacher",
    "अध्यापक": "teacher",
    "टीचर": "teacher",
    "प्रोफेसर": "professor",
    "ड्राइवर": "driver",
    "चालक": "driver",
    "इंजीनियर": "engineer",
    "अभियंता": "engineer",
    "मैनेजर": "manager",
    "प्रबंधक": "manager",
    "अकाउंटेंट": "accountant",
    "लेखाकार": "accountant",
    "क्लर्क": "clerk",
    "लिपिक": "clerk",
    "सहायक": "assistant",
    "असिस्टेंट": "assistant",
    "ऑफिसर": "officer",
    "अधिकारी": "officer",
    "ऑपरेटर": "operator",
    "टेक्नीशियन": "technician",
    "तकनीशियन": "technician",
    "सुपरवाइजर": "supervisor",
    "पर्यवेक्षक": "supervisor",
    "कैशियर": "cashier",
    "रिसेप्शनिस्ट": "receptionist",
    "सेल्समैन": "salesperson",
    "विक्रेता": "salesperson",
    "प्लंबर": "plumber",
    "इलेक्ट्रीशियन": "electrician",
    "बिजली": "electrician",
    "मैकेनिक": "mechanic",
    "मिस्त्री": "mechanic",
    "वेल्डर": "welder",
    "बढ़ई": "carpenter",
    "कारपेंटर": "carpenter",
    "दर्जी": "tailor",
    "रसोइया": "cook",
    "कुक": "cook",
    "शेफ": "chef",
    "वेटर": "waiter",
    "किसान": "farmer",
    "वकील": "lawyer",
    "पत्रकार": "reporter",
    "फार्मासिस्ट": "pharmacist",
    "सुरक्षा": "security",
    "गार्ड": "guard",
    "चौकीदार": "guard",
    "सफाई": "cleaner",
    "डिजाइनर": "designer",
    "प्रोग्रामर": "programmer",
    "डेवलपर": "developer",
    "सॉफ्टवेयर": "software",
    "डेटा": "data",
    "विश्लेषक": "analyst",
    "एनालिस्ट": "analyst",
    "पायलट": "pilot",
    "पुलिस": "police",
    "सैनिक": "soldier",
}
"""Hindi job words and the English words of the US titles, tried on a word the index lacks."""
_HINDI = {normalize_key(word): english for word, english in HINDI.items()}  # as queries read

_RULES = (  # British spelling -> US spelling, tried on a word the index lacks
    (re.compile(r"is(ation|e|ed|er|ing)\Z"), r"iz\1"),  # organisation, organiser
    (re.compile(r"ys(e|ed|er|ing)\Z"), r"yz\1"),  # analyse, analyser
    (re.compile(r"our"), "or"),  # labourer, colour, harbour, behaviour
    (re.compile(r"tre\Z"), "ter"),  # centre, theatre, fibre
    (re.compile(r"(?<=[^aeiou])(ae|oe)"), "e"),  # paediatric, anaesthetist, oesophageal
    (re.compile(r"ll(?=(ing|ed|er|or|ery)\Z)"), "l"),  # counselling, counsellor, travelling
    (re.compile(r"ogue\Z"), "og"),  # catalogue
    (re.compile(r"ence\Z"), "ense"),  # licence, defence
)
_STATES = frozenset(  # the 50 states, DC and Puerto Rico
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "  # noqa: SIM905
    "NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
_STATE_NAME_LIST = (  # noqa: SIM905
    "Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,"
    "Georgia,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,"
    "Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,"
    "New Hampshire,New Jersey,New Mexico,New York,North Carolina,North Dakota,Ohio,Oklahoma,"
    "Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,Utah,"
    "Vermont,Virginia,Washington,West Virginia,Wisconsin,Wyoming,District of Columbia,"
    "Puerto Rico"
).split(",")
_STATE_NAMES = frozenset(
    normalize_key(name)
    for name in [*_STATE_NAME_LIST, "United States", "USA", "US", "Nationwide", "Anywhere"]
)
# segments of a title: " - ", " | ", " / ", " @ ", brackets, "at" (an employer) and
# "in"/"near" before a place; the separators are kept (re.split's group)
_SEGMENTS = re.compile(r"(\s[-–—|/@:]\s|[()\[\]{}]|\s(?:in|at|near)\s(?=[A-Z])|;|\s#)")
_AT = re.compile(r"\s(?:at|@)\s\Z")
_STATE = "|".join(sorted((re.escape(name.title()) for name in _STATE_NAME_LIST), key=len)[::-1])
# a place: "- Springfield, NJ 07081", "(Austin, TX)", "in New York, NY", "- Dallas, Texas";
# at the start only when a separator follows ("Austin, TX - Cashier", never "Physician, MD")
_CITY = r"[^\W\d_]+(?:\.?[ '’-][^\W\d_]+){0,3},\s*"
_STATE_OR_CODE = rf"([A-Za-z]{{2}}|{_STATE})\b(?:\s+\d{{5}}(?:-\d{{4}})?)?"
_PLACE = re.compile(rf"(\s[-–—|/@:]\s|[(\[,]\s*|\s(?:in|at|near)\s){_CITY}{_STATE_OR_CODE}")
_LEADING_PLACE = re.compile(rf"\A(){_CITY}{_STATE_OR_CODE}(?=\s*[-–—|/@:(])")
# pay in a title: "$15/hr", "₹35,000 per month", "18.50 an hour", "$120k"
_PAY = re.compile(
    r"(?:[$₹€£¥]\s*|\b(?:usd|inr|rs\.?|eur|gbp)\s*)?\d[\d,.]*\s*k?"
    r"(?:\s*(?:-|to)\s*[$₹€£¥]?\s*\d[\d,.]*\s*k?)?"
    r"(?:\s*(?:/|per\b|an?\b)\s*(?:hr|hour|h|yr|year|annum|month|mo|week|wk|day)\b)?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
# what classifications call a residual group: SOC's "All Other"
_RESIDUAL = re.compile(r"\bnot elsewhere classified\b|\bn\.?e\.?c\b\.?", re.IGNORECASE)


def read(text: str) -> list[tuple[str, float]]:
    """The words of the query *text* that name a job, each with its factor (1, or less for noise).

    >>> read("Sr. Customer Svc Rep II - Remote - Springfield, NJ #4521")
    [('senior', 0.05), ('customer', 1.0), ('service', 1.0), ('representative', 1.0), ('ii', 0.05), ('remote', 0.05)]
    >>> read("RN - ICU (Nights)")
    [('registered', 1.0), ('nurse', 1.0), ('icu', 1.0), ('night', 0.05)]
    >>> read("Waiter III - Part-Time - Springfield, NJ Req 20931")
    [('waiter', 1.0), ('iii', 0.05), ('part', 0.05), ('time', 0.05), ('req', 0.05)]
    >>> read("Cashier (St. Louis, MO 63101)"), read("Austin, TX - Cashier $15/hr")
    ([('cashier', 1.0)], [('cashier', 1.0)])
    >>> read("Registered Nurse - Dallas, Texas"), read("Texas - Nurse (2 positions)")
    ([('registered', 1.0), ('nurse', 1.0)], [('nurse', 1.0), ('position', 0.05)])
    >>> read("Cashier at Walmart")
    [('cashier', 1.0), ('walmart', 0.05)]
    >>> read("Engineering professionals n.e.c.")
    [('engineering', 1.0), ('professional', 1.0), ('all', 1.0), ('other', 1.0)]
    >>> read("Lead")
    [('lead', 1.0)]
    """
    found: dict[str, float] = {}
    text = _LEADING_PLACE.sub(_unplaced, _PLACE.sub(_unplaced, text))
    text = _RESIDUAL.sub(" all other ", _PAY.sub(" ", text))
    parts = _SEGMENTS.split(text)
    segments = [(parts[at - 1] if at else "", parts[at]) for at in range(0, len(parts), 2)]
    named = [(before, part) for before, part in segments if part.strip()]
    if len(named) > 1:  # a state or country beside the title: "Texas - Nurse", "- USA"
        named = [(before, part) for before, part in named if not _is_place(part)] or named
    for before, segment in named:
        employer = bool(_AT.search(before))  # "Cashier at Walmart": Walmart is no job
        for raw in tokens(normalize_key(segment)):
            if not raw or _DIGITS.search(raw):
                continue  # a requisition, a date, a grade: not a word of the job
            spelled = ABBREVIATIONS.get(raw)
            noise = employer or raw in NOISE or stem(raw) in NOISE
            factor = NOISE_FACTOR if noise else 1.0
            for word in spelled.split() if spelled else [raw]:
                if len(word) < 2 and word.isascii():
                    continue
                word = stem(word)
                if word in STOP:
                    continue
                found[word] = max(found.get(word, 0.0), factor)
    if found and max(found.values()) < 1:
        return [(word, 1.0) for word in found]  # nothing but noise: it is all there is
    return list(found.items())


def _is_place(segment: str) -> bool:
    """Whether *segment* is a state or country: ``Texas``, ``USA``."""
    return normalize_key(segment) in _STATE_NAMES


def _unplaced(match: re.Match[str]) -> str:
    """The separator before a city and state, without them; anything else as it was."""
    state = match.group(2)
    if state.upper() in _STATES or normalize_key(state) in _STATE_NAMES:
        return " - "
    return match.group(0)


def spellings(word: str) -> list[str]:
    """Other spellings of *word* (a word as :func:`read` gives it): US for British, English
    for a Hindi job word.

    >>> spellings("paediatrician"), spellings("counsellor"), spellings("labourer")
    (['pediatrician'], ['counselor'], ['laborer'])
    >>> spellings("centre"), spellings("organisation"), spellings("nurse"), spellings("नर्स")
    (['center'], ['organization'], [], ['nurse'])
    """
    if word in _HINDI:
        return [_HINDI[word]]
    found = [_SPELLINGS[word]] if word in _SPELLINGS else []
    changed = word
    for rule, replacement in _RULES:
        changed = rule.sub(replacement, changed)
    if changed != word:
        found.append(changed)
    return found
