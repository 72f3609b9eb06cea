"""Installing a BLS OEWS release: ``careerkit data update oews FILE [FILE ...]``.

BLS publishes each May release's national and state cross-industry estimates on
https://www.bls.gov/oes/tables.htm as zip files of Excel workbooks. careerkit
accepts, for each file given:

- the zip files as BLS serves them: ``oesm26nat.zip`` (national), ``oesm26st.zip``
  (states and territories) or ``oesm26all.zip`` (everything): the workbooks in them
  are read;
- a workbook itself: ``national_M2026_dl.xlsx``, ``state_M2026_dl.xlsx``,
  ``all_data_M_2026.xlsx`` (reading ``.xlsx`` needs openpyxl: ``pip install
  'careerkit[xlsx]'``);
- the same table saved as CSV (UTF-8), with BLS's column names in upper or lower
  case: ``AREA``, ``AREA_TYPE``, ``OCC_CODE``, ``OCC_TITLE``, ``O_GROUP``,
  ``TOT_EMP``, ``EMP_PRSE``, ``H_MEAN``, ``A_MEAN``, ``MEAN_PRSE``, ``H_PCT10`` ...
  ``H_PCT90``, ``H_MEDIAN``, ``A_PCT10`` ... ``A_PCT90``, ``A_MEDIAN``, and where
  present ``JOBS_1000``, ``LOC_QUOTIENT``, ``ANNUAL``, ``HOURLY``, ``I_GROUP``,
  ``OWN_CODE``.

Rows kept: cross-industry, all ownerships (``I_GROUP`` "cross-industry",
``OWN_CODE`` 1235, where those columns exist), national (``AREA_TYPE`` 1) and
state or territory (2 and 3, by FIPS code in ``AREA``); metropolitan and
nonmetropolitan areas are left out. The national rows are required (with the
"all occupations" row, 00-0000, and at least one detailed occupation, each with
its major group's row); state rows are optional.

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
areas, figures, the year in a file name): ``٤٣-٤٠٥٩`` is no SOC code. No
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
``oesm26``) or *reference_date*: names that give two years
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
newest date is the catalogue's "latest". Titles, ids and O*NET descriptions follow
the shipped catalogue (released ids never change; an occupation careerkit does
not know gets the slug of its title).

The installer, one job to a module: :mod:`~careerkit.catalogue._oews_update._tables`
reads BLS's files as tables; :mod:`~careerkit.catalogue._oews_update._rows` passes
every value through the gate; :mod:`~careerkit.catalogue._oews_update._release`
checks the release as a whole and dates it;
:mod:`~careerkit.catalogue._oews_update._revisions` compares it with the figures in
use; :mod:`~careerkit.catalogue._oews_update._install` writes and commits it. The data
store (:mod:`careerkit.data`) knows nothing of careers: ``careerkit.data.update("oews",
...)`` reaches :func:`update_oews` through the hook :data:`careerkit._hooks.update_oews`.
"""

from careerkit.catalogue._oews_update._install import update_oews

__all__ = ["update_oews"]
