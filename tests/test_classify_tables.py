"""Coding columns of job titles: ``series.careerkit.classify()`` in pandas and polars, and
``careerkit.dask.classify``, each equal to a loop of ``careerkit.classify`` over the rows."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import polars as pl
import pytest
from distributed import Client
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.dask
import careerkit.pandas
import careerkit.polars

COLUMNS = ["career", "soc", "title", "score", "field", "matched"]


@cache
def official_titles() -> tuple[str, ...]:
    """Every career's English title, as the registry has it: real names, none made up."""
    return tuple(career.title.en for career in ck.careers())


def posting_titles() -> list[str]:
    """Titles as postings write them: official names with noise, words, junk, blanks."""
    names = official_titles()
    return [
        names[0],
        names[100].upper(),
        f"Senior {names[200]} - Remote",
        f"{names[300]} (Nights) #4521",
        names[400].lower() + "s",
        "Registered Nurse",
        "RN - ICU nights",
        "call center agent",
        "nurse",
        "qqqzzzxx",
        "",
        "   ",
        "29-1141",
    ]


def loop(titles: Sequence[object], min_score: float | None = None) -> pd.DataFrame:
    """What a user's loop of careerkit.classify makes of *titles*, as the accessor's columns."""
    rows = []
    for title in titles:
        result = None if not isinstance(title, str) else ck.classify(title, min_score=min_score)
        rows.append(
            [None] * 3 + [np.nan] + [None] * 2
            if result is None
            else [result.id, result.soc, result.title, result.score, result.field, result.matched]
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({name: "float64" if name == "score" else "str" for name in COLUMNS})


def test_pandas_gives_the_loop_s_answer_for_every_row_with_the_series_index() -> None:
    titles = [*posting_titles(), None, np.nan, pd.NA, *posting_titles()]  # repeats too
    index = pd.Index([f"post-{n}" for n in range(len(titles))], name="posting")
    series = pd.Series(titles, index=index, dtype=object, name="job title")
    coded = series.careerkit.classify()
    assert list(coded.columns) == COLUMNS
    assert coded.index.equals(index)
    expected = loop(titles).set_axis(index)
    pd.testing.assert_frame_equal(coded, expected, check_exact=True)
    # A missing title has missing values in every column; so does a title with no match.
    for label in ("post-13", "post-14", "post-15"):
        assert coded.loc[label].isna().all()
    assert coded.loc[coded["career"].isna(), "score"].isna().all()
    assert coded["career"].notna().any()  # the loop coded some: the comparison is not all NA


def test_a_known_official_title_is_coded_to_its_career() -> None:
    coded = pd.Series(["Registered Nurses", "Cashiers"]).careerkit.classify()
    assert coded["career"].tolist() == ["registered-nurses", "cashiers"]
    assert coded["soc"].tolist() == [
        dict(ck.get(career).codes)["SOC-2018"] for career in ("registered-nurses", "cashiers")
    ]
    assert (coded["score"] > 0).all() and (coded["score"] <= 100).all()


@settings(max_examples=25)
@given(
    st.lists(st.sampled_from([*posting_titles(), None]), max_size=15),
    st.sampled_from([None, 0, 30.5, 70, 100]),
)
def test_every_min_score_gives_the_loop_s_answer(
    titles: list[str | None], least: float | None
) -> None:
    coded = pd.Series(titles, dtype=object).careerkit.classify(min_score=least)
    pd.testing.assert_frame_equal(coded, loop(titles, least), check_exact=True)


def test_a_min_score_may_be_any_real_number() -> None:
    series = pd.Series(posting_titles())
    expected = series.careerkit.classify(min_score=70)
    for least in (np.int64(70), np.float32(70), 70.0):
        pd.testing.assert_frame_equal(series.careerkit.classify(min_score=least), expected)


def test_a_higher_min_score_only_takes_matches_away() -> None:
    series = pd.Series(posting_titles())
    low, high = (series.careerkit.classify(min_score=least) for least in (0, 90))
    kept = high["career"].notna()
    pd.testing.assert_frame_equal(high[kept], low[kept])
    assert (low.loc[~kept & low["career"].notna(), "score"] < 90).all()
    assert (high.loc[kept, "score"] >= 90).all()


def test_text_of_every_kind_is_read_alike() -> None:
    titles = posting_titles()
    expected = loop(titles)
    for series in (
        pd.Series(titles, dtype="str"),
        pd.Series(titles, dtype="string"),
        pd.Series(titles, dtype="category"),
        pd.Series(titles, dtype=object),
    ):
        pd.testing.assert_frame_equal(series.careerkit.classify(), expected, check_exact=True)


def test_no_rows_and_only_missing_rows() -> None:
    empty = pd.Series([], dtype="str").careerkit.classify()
    assert list(empty.columns) == COLUMNS and len(empty) == 0
    assert empty.dtypes["score"] == "float64"
    for nothing in (pd.Series([None, None]), pd.Series([np.nan, np.nan])):
        assert nothing.careerkit.classify().isna().all().all()


@pytest.mark.parametrize(
    ("series", "fragment"),
    [
        (pd.Series(["nurse", 5], name="job"),
         r"^title: expected a column of job titles, as text or categorical, got column 'job': "
         r"int 5 in row 1$"),
        (pd.Series(["nurse", "cashier", 2.5], index=["a", "b", "c"]),
         r"^title: expected job titles, as text or categorical, got float 2\.5 in row 2, index 'c'$"),
        (pd.Series(["nurse", ["cashier"]]), r"got list \['cashier'\] in row 1$"),
        (pd.Series([True, False], name="flag"), r"got column 'flag': bool values$"),
        (pd.Series([3, 4]), r"got int 3 in row 0$"),
        (pd.Series(pd.to_datetime(["2024-01-02"])), r"got datetime64\[\w+\] values$"),
    ],
)  # fmt: skip
def test_a_value_that_is_not_a_title_is_refused_naming_its_row(
    series: pd.Series, fragment: str
) -> None:
    with pytest.raises(ck.WrongTypeError, match=fragment) as caught:
        series.careerkit.classify()
    assert isinstance(caught.value, TypeError)


@pytest.mark.parametrize(
    ("least", "error"),
    [("high", ck.WrongTypeError), (True, ck.WrongTypeError), (-1, ck.ValidationError),
     (100.5, ck.ValidationError), (float("nan"), ck.ValidationError)],
)  # fmt: skip
def test_a_min_score_that_is_not_a_score_is_refused(least: object, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"^min_score: expected a score from 0 to 100"):
        pd.Series(["nurse"]).careerkit.classify(min_score=least)  # type: ignore[arg-type]
    with pytest.raises(error, match=r"^min_score: expected a score from 0 to 100"):
        pl.Series(["nurse"]).careerkit.classify(min_score=least)  # type: ignore[arg-type]
    with pytest.raises(error, match=r"^min_score: expected a score from 0 to 100"):
        careerkit.dask.classify(dd.from_pandas(pd.Series(["nurse"]), npartitions=1),
                                min_score=least)  # type: ignore[arg-type]  # fmt: skip


def test_a_title_longer_than_a_search_is_coded_as_classify_codes_it() -> None:
    long = "Senior Registered Nurse " * 20  # longer than a search reads: read by its start
    series = pd.Series(["nurse", "cashier", long], index=["a", "b", "c"])
    expected = loop(list(series)).set_axis(series.index)
    pd.testing.assert_frame_equal(series.careerkit.classify(), expected, check_exact=True)
    assert series.careerkit.classify().loc["c", "career"] == "registered-nurses"


# --- polars ----------------------------------------------------------------------------------


def test_polars_gives_pandas_answer_with_nulls() -> None:
    titles = [*posting_titles(), None, *posting_titles()[:4]]
    coded = pl.Series("job", titles).careerkit.classify()
    assert coded.columns == COLUMNS
    assert coded.schema == {
        **dict.fromkeys(["career", "soc", "title"], pl.String),
        "score": pl.Float64,
        **dict.fromkeys(["field", "matched"], pl.String),
    }
    expected = loop(titles)
    assert coded.to_dict(as_series=False) == {
        name: [None if pd.isna(value) else value for value in expected[name]] for name in COLUMNS
    }
    categorical = pl.Series("job", titles, dtype=pl.Categorical).careerkit.classify()
    assert categorical.equals(coded)


def test_polars_refuses_what_is_not_a_title() -> None:
    with pytest.raises(ck.WrongTypeError, match=r"got column 'n': int 7 in row 0$"):
        pl.Series("n", [7, None]).careerkit.classify()
    with pytest.raises(ck.WrongTypeError, match=r"got column 'b': Boolean values$"):
        pl.Series("b", [True]).careerkit.classify()
    assert pl.Series("x", [None, None]).careerkit.classify().null_count().row(0) == (2,) * 6
    assert pl.Series("s", [], dtype=pl.String).careerkit.classify().height == 0


# --- Dask --------------------------------------------------------------------------------------


def postings(rows: int = 3_000) -> pd.Series:
    rng = np.random.default_rng(23)
    pool = np.array([*posting_titles(), None], dtype=object)
    index = pd.RangeIndex(10, 10 + 2 * rows, 2)  # not 0..n-1: the index must travel too
    return pd.Series(pool[rng.integers(0, len(pool), rows)], index=index, name="title")


def test_a_cluster_codes_exactly_as_pandas(client: Client) -> None:
    assert len(client.scheduler_info()["workers"]) == 2
    series = postings()
    expected = series.careerkit.classify()
    lazy = careerkit.dask.classify(dd.from_pandas(series, npartitions=6), min_score=None)
    result = client.compute(lazy).result()
    pd.testing.assert_frame_equal(result, expected, check_exact=True)
    strict = careerkit.dask.classify(dd.from_pandas(series, npartitions=6), min_score=90)
    pd.testing.assert_frame_equal(
        client.compute(strict).result(), series.careerkit.classify(min_score=90), check_exact=True
    )


def test_the_default_scheduler_codes_exactly_as_pandas() -> None:
    series = postings(500)
    lazy = careerkit.dask.classify(dd.from_pandas(series, npartitions=3))
    pd.testing.assert_frame_equal(lazy.compute(), series.careerkit.classify(), check_exact=True)
    assert list(lazy.columns) == COLUMNS  # the meta, before anything is computed
    assert dict(lazy.dtypes) == dict(series.careerkit.classify().dtypes)


def test_each_partition_is_read_once() -> None:
    reads: list[int] = []
    series = postings(40)

    def read(part: int) -> pd.Series:
        reads.append(part)
        return series.iloc[10 * part : 10 * part + 10]

    lazy = careerkit.dask.classify(dd.from_map(read, range(4), meta=series.iloc[:0]))
    result = lazy.compute(scheduler="sync")
    pd.testing.assert_frame_equal(result, series.careerkit.classify(), check_exact=True)
    assert sorted(reads) == [0, 1, 2, 3]


def test_dask_names_the_partition_and_row_of_a_value_that_is_not_a_title() -> None:
    series = pd.Series(["nurse", "cashier", "welder", 42], dtype=object, name="job")
    with dask.config.set({"dataframe.convert-string": False}):  # keep the objects as they are
        objects = dd.from_pandas(series, npartitions=2)
    with pytest.raises(
        ck.WrongTypeError,
        match=r"^partition 1: title: expected a column of job titles, .*got column 'job': "
        r"int 42 in row 1, index 3$",
    ):
        careerkit.dask.classify(objects).compute(scheduler="sync")


def test_dask_refuses_a_column_of_another_type_when_called() -> None:
    flags = dd.from_pandas(pd.Series([True, False], name="flag"), npartitions=1)
    with pytest.raises(ck.WrongTypeError, match=r"got column 'flag': bool values$"):
        careerkit.dask.classify(flags)  # no compute: refused at once


@settings(max_examples=20)
@given(
    st.lists(st.sampled_from([*posting_titles()[:6], None, "", "qqqzzzxx"]), max_size=12),
    st.integers(1, 4),
)
def test_dask_equals_pandas_for_any_split(titles: list[str | None], partitions: int) -> None:
    series = pd.Series(titles, dtype="str")
    lazy = careerkit.dask.classify(dd.from_pandas(series, npartitions=partitions))
    pd.testing.assert_frame_equal(
        lazy.compute(scheduler="sync"), series.careerkit.classify(), check_exact=True
    )


# --- one spec of the arguments ---------------------------------------------------------------


@pytest.mark.parametrize(
    "function",
    [
        careerkit.pandas.CareerkitSeriesAccessor.classify,
        careerkit.polars.CareerkitSeriesNamespace.classify,
        careerkit.dask.classify,
    ],
    ids=["pandas", "polars", "dask"],
)
def test_every_front_end_takes_and_documents_classify_s_arguments(function: object) -> None:
    import inspect

    from careerkit import _tables

    keywords = [
        (parameter.name, parameter.default)
        for parameter in inspect.signature(function).parameters.values()  # type: ignore[arg-type]
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    ]
    assert keywords == [(argument.name, argument.default) for argument in _tables.CLASSIFY]
    for argument in _tables.CLASSIFY:
        assert f"\n:param {argument.name}: {argument.means}\n" in str(function.__doc__)


def test_dask_classify_refuses_what_is_no_dask_series() -> None:
    with pytest.raises(ck.WrongTypeError, match=r"^series: .*got Series; for pandas"):
        careerkit.dask.classify(pd.Series(["nurse"]))  # type: ignore[arg-type]
    frame = dd.from_pandas(pd.DataFrame({"t": ["nurse"]}), npartitions=1)
    with pytest.raises(ck.WrongTypeError, match=r"give one of its columns, frame\[name\]"):
        careerkit.dask.classify(frame)  # type: ignore[arg-type]
