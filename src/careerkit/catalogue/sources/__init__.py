"""Where the catalogue's careers come from: one module per source, each of one shape.

Two kinds of source feed the registry through the catalogue:

- **Official sources of facts** about the occupations of the catalogue's key index
  (``careerkit.catalogue._releases``), each a module of the shape
  :class:`CatalogueSource`: what it reads (``READS``), what it adds to an occupation's
  career (``facts(occupation)``: ``{field: facts}``), the :class:`~careerkit.Source`
  each of its facts cites (``citations()``) and its licence (``LICENCE``).
  :mod:`~careerkit.catalogue.sources.oews` (BLS OEWS, national and state: pay bands,
  employment, SOC codes), :mod:`~careerkit.catalogue.sources.onet` (O*NET
  occupation data: descriptions as summaries, O*NET-SOC codes),
  :mod:`~careerkit.catalogue.sources.projections` (BLS Employment Projections: the
  outlook and the US entry route) and :mod:`~careerkit.catalogue.sources.onet_details`
  (O*NET's detail files: preparation, tasks, tools, skills, specialties, related
  occupations) are listed in
  :data:`SOURCES`; ``careerkit.catalogue._careers`` makes an occupation's career (or
  the extension of a career claiming its SOC code) from what each adds, citing only
  the sources its facts use.
- **Sources read when asked**, never when a career is built:
  :mod:`~careerkit.catalogue.sources.oews_areas` (BLS OEWS for metropolitan and
  nonmetropolitan areas: ``career.pay_bands("austin")``) and
  :mod:`~careerkit.catalogue.sources.oews_history` (BLS's national releases of May 2004 to
  May 2025, carried across the SOC revisions: ``career.pay_history()``). Each has its own
  compact file and cites its releases as the national figures do.
- **Profiles**, whole careers and extensions: careerkit's own TOML files and plug-ins'
  (the ``careerkit.profiles`` entry-point group), found and read by
  :mod:`~careerkit.catalogue.sources.profiles`; ``careerkit.catalogue._assembly``
  joins them with the catalogue's occupations by one rule, for the registry.

**Adding a source is adding one module.** A module ``sources/<name>.py`` with
``NAME``, ``READS``, ``LICENCE``, ``citations()`` and ``facts(occupation)``, its
compact files shipped in ``careerkit/catalogue`` (written from the official files by
the catalogue's builder), and its place in :data:`SOURCES` (the order careers list
what the sources add). The type checker holds it to the shape; nothing else changes:
a fact may go in any list of :class:`~careerkit.model.facts.CareerFacts`. For
example, OEWS metropolitan areas: ``oews_metro.py``, adding ``pay`` and ``employment``
for each metropolitan area by SOC code (its own file of rows, read per occupation as
``oews.bin`` is; the areas' region codes are the model's to define), citing the release
the national and state figures cite.
"""

from careerkit.catalogue.sources import oews, onet, onet_details, projections
from careerkit.catalogue.sources._source import CatalogueSource, Contribution

SOURCES: tuple[CatalogueSource, ...] = (oews, onet, projections, onet_details)
"""The official sources of facts, in the order a career lists what each adds."""
"""The official sources of facts, in the order a career lists what they add."""

__all__ = [
    "SOURCES",
    "CatalogueSource",
    "Contribution",
    "oews",
    "onet",
    "onet_details",
    "projections",
]
