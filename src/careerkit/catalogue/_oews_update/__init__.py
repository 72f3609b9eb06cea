"""Installing a BLS OEWS release: ``careerkit data update oews FILE [FILE ...]``.

BLS publishes each May release's national, state and metropolitan and
nonmetropolitan area cross-industry estimates on https://www.bls.gov/oes/tables.htm
as zip files of Excel workbooks. careerkit accepts, for each file given:

- the zip files as BLS serves them: ``oesm26nat.zip`` (national), ``oesm26st.zip``
  (states and territories), ``oesm26ma.zip`` (metropolitan and nonmetropolitan
  areas) or ``oesm26all.zip`` (everything): the workbooks in them are read;
- a workbook itself: ``national_M2026_dl.xlsx``, ``state_M2026_dl.xlsx``,
  ``MSA_M2026_dl.xlsx`` (metropolitan areas), ``BOS_M2026_dl.xlsx``
  (nonmetropolitan areas), ``all_data_M_2026.xlsx`` (reading ``.xlsx`` needs
  openpyxl: ``pip install 'careerkit[xlsx]'``);
- the same table saved as CSV (UTF-8), with BLS's column names in upper or lower
  case: ``AREA``, ``AREA_TYPE``, ``OCC_CODE``, ``OCC_TITLE``, ``O_GROUP``,
  ``TOT_EMP``, ``EMP_PRSE``, ``H_MEAN``, ``A_MEAN``, ``MEAN_PRSE``, ``H_PCT10`` ...
  ``H_PCT90``, ``H_MEDIAN``, ``A_PCT10`` ... ``A_PCT90``, ``A_MEDIAN``, and where
  present ``JOBS_1000``, ``LOC_QUOTIENT``, ``ANNUAL``, ``HOURLY``, ``I_GROUP``,
  ``OWN_CODE``; ``AREA_TITLE`` for a table of areas.

Rows kept: cross-industry, all ownerships (``I_GROUP`` "cross-industry",
``OWN_CODE`` 1235, where those columns exist), national (``AREA_TYPE`` 1), state
or territory (2 and 3, by FIPS code in ``AREA``: ``6`` or ``06``), metropolitan
area (4: ``AREA`` is the 5-digit CBSA code, ``12420``, or BLS's area code
``0012420``; kept as ``"00"`` and the CBSA code) and nonmetropolitan area (6:
``AREA`` is BLS's 7-digit code, the state's FIPS code first, ``3600001``, or 6
digits where a spreadsheet dropped the leading zero). Other area types are left
out. Of an area, the detailed occupations the national table has and all
occupations (00-0000) are kept, as careerkit's shipped ``areas.bin``. The
national rows are required (with the "all occupations" row, 00-0000, and at
least one detailed occupation, each with its major group's row): a release is
the national table, with the states' and areas' tables beside it, and an area's
figures are read against the nation's. A table of areas alone (``MSA_M2026_dl.xlsx``)
is refused, asking for the national file in the same call (``careerkit data
update oews oesm26nat.zip oesm26ma.zip``); state and area rows are optional.

**Every value passes the gate** (:mod:`careerkit.data._gate`) before anything is
written: counts (``TOT_EMP``) are whole numbers, as BLS publishes them
(``2,601,200``); wages, relative standard errors, jobs per 1,000 and location
quotients are numbers from 0 to careerkit's largest amount, written as digits
(``2_2.10``, ``NaN`` or ``1e20`` are refused); each row's hourly and annual
percentiles do not decrease (p10 <= p25 <= median <= p75 <= p90, a figure BLS did
not publish skipped), and one above a percentile marked ``#`` is marked too; a
figure is kept as written, in fixed point, of at most 45 decimal places
(``0e-999999`` is refused); titles are one line of text without control
characters; an occupation careerkit does not know yet must have a title whose slug (its id)
is not empty; SOC codes are ``NN-NNNN`` with one of BLS's ``O_GROUP`` levels, and
each occupation and area appears once. Digits are ASCII digits everywhere (codes,
areas, figures, the year in a file name): ``٤٣-٤٠٥٩`` is no SOC code, ``١٢٤٢٠`` no
CBSA code. A metropolitan or nonmetropolitan area has one name (``AREA_TITLE``,
one line of text) in a release and a row for all occupations with its employment
(its figures are read against it, and against the nation's employment of all
occupations, which must then be given); its figures are kept as BLS publishes them
(:func:`~careerkit.catalogue._oews_update._rows._area_units`): wages in cents an
hour and whole tens of dollars a year, employment in tens, relative standard errors
to 1 decimal place, jobs per 1,000 to 3 (at most 1,000) and location quotients to 2
(``23.8`` from a workbook's number cell is kept as ``23.80``; ``43725`` a year is
refused), each at most 10^9 of its units. No
occupation may answer to a key (id, title, code, normalized as lookups are)
that another career answers to, in the catalogue the release would make with
those in use: not another occupation, not careerkit's own profiles
(``customer-service`` answers to ``CSR``). Such a clash usually comes from a
release coded in another SOC version (an older workbook's SOC 2010 code
15-1134, *Web Developers*, is 15-1254 in SOC 2018); it would make every lookup
fail. A file that fails is refused with :class:`~careerkit.errors.DataFormatError` naming the
file, the row, the column and the value; nothing is written.

BLS's marks become careerkit's footnotes, exactly as in the shipped catalogue:
``*`` (wage not available) and ``**`` (employment not available) are estimates
not released (footnote 8, absent, never zero); ``#`` is a wage at or above the
top code (footnote 5; the top code is read from the workbook's field
descriptions, "$115.00 per hour or $239,200 per year": a CSV without them that
has ``#`` is refused); ``ANNUAL`` "TRUE" withholds hourly figures and ``HOURLY``
"TRUE" annual ones (footnote 4). Nothing is derived. The top code passes the
gate too (digits, within careerkit's bounds, above 0), the annual one is the
hourly one x 2,080 hours, and both are above the median wage of all occupations.
Figures are not checked against it: BLS's May 2025 national workbook states
$115.00 an hour and publishes 225 percentiles above it, none marked ``#`` (and
means are above it in every release).

**Releases stack.** The release is dated from the file names (``M2026``,
``M_2026``, ``oesm26``) or *reference_date*: names that give two years
(``national_M2026_oesm25.csv``, or files of two years) need *reference_date*,
and a year before 1999, the first OES release coded in SOC, is refused. It is
installed beside the releases in use, never in their place: a release of
another date adds its figures to every
occupation it covers, as that date's (``pay_history`` then has one more point); a
release of a date in use lies over that date's figures for the areas it covers
and leaves the others (a national table keeps the states' figures), after its
figures are checked against that date's in use (revisions need
``accept_revisions``: a figure in use that the release leaves blank or marks
``*``, ``**`` or ``#`` is revised too, reported as ``(key, field, figure in
use, "")`` or with the mark; one it has that was not in use is new, not a
revision); an installed release it covers entirely is dropped. The
newest date is the catalogue's "latest".

**Areas stack the same way.** A release with area rows holds an ``areas.bin``
(:mod:`careerkit.catalogue._area_file`), recorded in the data folder's manifest
with its sha256 and checked as the release's other files; its header cites the
release (its name, date, top codes and the files read with their sha256) and holds
each occupation's national employment from the release's national rows. A release
of another date adds each area's figures of that date (``pay_history("austin")``
then has one more point, ``pay_growth("austin", since=...)`` reaches it); one of a
date in use lies over that date's figures for the (occupation, area) rows it has
and leaves the others, the shipped May 2025 ``areas.bin`` included. An area's
figures in use for the date, all occupations among them, are compared as the
nation's are: a difference is a revision, keyed ``"43-4051 0012420"``, refused
without ``accept_revisions``. An installed release of the date is covered, and
dropped, only where the new one has every row of its areas too (a national table
alone keeps the areas of an earlier release of its date). A release without area
rows has no ``areas.bin``: a national table installs as before, and the areas in
use stay. Titles, ids and O*NET descriptions follow
the shipped catalogue (released ids never change; an occupation careerkit does
not know gets the slug of its title).

The installer, one job to a module: :mod:`~careerkit.catalogue._oews_update._tables`
reads BLS's files as tables; :mod:`~careerkit.catalogue._oews_update._rows` passes
every value through the gate; :mod:`~careerkit.catalogue._oews_update._release`
checks the release as a whole and dates it;
:mod:`~careerkit.catalogue._oews_update._areas` writes its areas' figures and reads
those in use; :mod:`~careerkit.catalogue._oews_update._revisions` compares it with
the figures in use; :mod:`~careerkit.catalogue._oews_update._install` writes and
commits it. The data
store (:mod:`careerkit.data`) knows nothing of careers: ``careerkit.data.update("oews",
...)`` reaches :func:`update_oews` through the hook :data:`careerkit._hooks.update_oews`.
"""

from careerkit.catalogue._oews_update._install import update_oews

__all__ = ["update_oews"]
