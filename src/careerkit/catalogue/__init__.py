"""The US occupation catalogue: every detailed SOC occupation, with BLS's May 2025 pay.

Each of the 830 detailed occupations in BLS's Occupational Employment and Wage
Statistics (OEWS) for May 2025 is a :class:`~careerkit.Career`, reached through
:func:`careerkit.get` like any other: by its SOC code (``"29-1141"`` or
``"291141"``), its O*NET-SOC code (``"29-1141.00"``), its title in any case and
punctuation, or its id (the slug of its title: ASCII, lower case, a hyphen for each run
of other characters; released ids never change). Each carries its title, SOC and O*NET-SOC codes,
its SOC major group, the O*NET 29.2 description as its summary, its employment,
and pay bands for ``US`` and every state and territory in the release
(``US-CA``, ``US-DC``, ``US-PR``, ...), hourly and annual as BLS published them.

Where a career already claims an occupation's SOC code (careerkit's own
``customer-service`` and ``public-relations-specialist``, or a plug-in's), the
catalogue does not add a twin: it extends that career with the release's
figures and O*NET's description (after the career's own summary), as an
extension would (see :doc:`/profiles`).

**Releases stack.** Each OEWS release the user installs (``careerkit data
update oews``) lies beside the shipped one, never in its place: a release of
another date adds that date's bands and employment to every occupation it
covers (:meth:`~careerkit.Career.pay_history` then has a point for it), each
citing its own release (``bls-oews-may-2024``); a release of the same date lies
over that date's figures for the areas it covers. The newest date is "latest"
(:func:`release`, :func:`source_id`); an older release only adds history. An
occupation that only some release has is a career too, with the id careerkit
released for it or, if none, the slug of its title in the newest release that
has it. No two careers answer to one key: ``careerkit data update oews`` refuses
a release that would make an occupation answer to another's id, title or code,
or to a key of careerkit's own profiles (``CSR``).

**History.** BLS's national releases of May 2004 to May 2025 ship too, as each
career's pay and employment history (``careerkit.catalogue.sources.oews_history``),
read on the first history question: each release in its own SOC, carried to the
career's SOC 2018 code only where the SOC crosswalks map it one to one, and cut, with
the reason, where a revision split or merged it. A release the user installs takes the
place of the shipped history's for its date.

The shipped files hold the index (read once, on the first lookup) and each
occupation's figures compressed on their own, so that building one career reads
one occupation. A user's releases are read whole on the first lookup and checked
against the data folder's manifest (see :mod:`careerkit.data`). Nothing here
imports pandas or numpy.

>>> import careerkit
>>> nurses = careerkit.get("29-1141")
>>> nurses.id, nurses.codes["SOC-2018 major group"]
('registered-nurses', '29-0000')
>>> [str(band.median) for band in nurses.pay_bands("US")]
['46.90', '97550']
"""

# How the catalogue is made, module by module: _releases reads and stacks the OEWS
# releases in use (the key index, each occupation's rows); sources/ holds one module per
# official source, each of one shape (oews: pay bands, employment and SOC codes; onet:
# descriptions and O*NET-SOC codes), and the profiles (careerkit's own and plug-ins');
# _titles holds the search index of O*NET's names and texts, built by tools/build_titles.py;
# _careers makes an occupation's career from what each source adds; _assembly joins
# profiles and occupations, by one rule, into what the registry registers; _build writes
# the shipped files from the official ones; _lines finds a key's line in a source's file;
# _interned makes once what many careers hold alike (a figure's Decimal, a label's Text).
#
# Here: the public names (__all__), and, re-exported as "X as X", the names careerkit's
# own modules (the OEWS installer, the status of the data, the builder) and its tests use.
from careerkit.catalogue._careers import career, extension
from careerkit.catalogue._releases import FIELDS as FIELDS
from careerkit.catalogue._releases import Occupation, major_groups, occupations, release
from careerkit.catalogue._releases import _catalogue as _catalogue
from careerkit.catalogue._releases import _released_ids as _released_ids
from careerkit.catalogue._releases import read_ids as read_ids
from careerkit.catalogue._releases import shipped_folder as shipped_folder
from careerkit.catalogue._releases import stacked as stacked
from careerkit.catalogue.sources import oews as _oews
from careerkit.catalogue.sources import onet as _onet
from careerkit.catalogue.sources.oews import OEWS_SOURCE as OEWS_SOURCE
from careerkit.catalogue.sources.oews import release_label, source_id
from careerkit.catalogue.sources.onet import CHANGES as CHANGES
from careerkit.catalogue.sources.onet import ONET_SOURCE as ONET_SOURCE
from careerkit.catalogue.sources.onet import descriptions as descriptions
from careerkit.catalogue.sources.onet import read_descriptions as read_descriptions

TYPE_CHECKING = False
if TYPE_CHECKING:
    from careerkit.catalogue._titles import titles
    from careerkit.catalogue.sources.oews_areas import Figures, all_occupations

ATTRIBUTION = _onet.ATTRIBUTION
"""The credit O*NET's CC BY 4.0 licence asks of whoever ships its data."""

DISCLAIMER = _oews.DISCLAIMER
"""The Bureau of Labor Statistics' disclaimer for data taken from its site."""

__all__ = [
    "ATTRIBUTION",
    "DISCLAIMER",
    "Figures",
    "Occupation",
    "all_occupations",
    "career",
    "extension",
    "major_groups",
    "occupations",
    "release",
    "release_label",
    "source_id",
    "titles",
]


def __getattr__(name: str) -> object:
    if name == "titles":  # the search index: its module is imported when asked for, not by get()
        from careerkit.catalogue._titles import titles

        return titles
    if name in ("Figures", "all_occupations"):  # the areas: imported when asked for, too
        from careerkit.catalogue.sources import oews_areas

        return getattr(oews_areas, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
