"""Finding careers by the names people use (:func:`careerkit.search`), and coding job titles (:func:`classify`).

:func:`search` ranks careers by every name an occupation goes by: official titles,
O*NET 29.3's alternate, short and reported titles, its detail occupations' titles,
careers' ids, aliases and Hindi names, and codes (a code or its prefix, ``"29-11"``,
lists the careers under it); with less weight, O*NET's descriptions and task
statements. It reads queries as job ads write them: abbreviations (RN, CSR, Sr., Mgr,
Dev), levels (Senior, II), shifts and schedules ("(Nights)", "Part-Time"), remote work,
places ("- Springfield, NJ") and requisitions ("#4521") (:mod:`._query`); plurals, word
order, typos, British spellings and run-together words ("obgyn", "callcenter"). Rare
words weigh more than common ones, so a generic word ("specialist", "manager") never
outweighs the specific one beside it; how a match scores is in :mod:`._engine`.

The index of O*NET's names and texts is built at build time (``tools/build_titles.py``,
:mod:`careerkit.catalogue._titles`) and read on the first search with the registry's
keys, once, thread-safely. :func:`classify` and :func:`classify_titles` code job titles to
careers with the same engine.

O*NET's titles, descriptions and tasks: O*NET 29.3 Database, National Center for O*NET
Development for USDOL/ETA, CC BY 4.0 (see :doc:`/data-sources`).
"""

from careerkit._search._find import (
    CLASSIFY_MIN_SCORE,
    MAX_QUERY,
    check_min_score,
    classify,
    classify_titles,
    search,
)
from careerkit._search._results import FIELDS, SearchResult, SearchResults

__all__ = [
    "CLASSIFY_MIN_SCORE",
    "FIELDS",
    "MAX_QUERY",
    "SearchResult",
    "SearchResults",
    "check_min_score",
    "classify",
    "classify_titles",
    "search",
]
