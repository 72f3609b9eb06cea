"""Everything a task may carry pickles and copies: careers, bands, pay and its provenance.

A Dask or ``multiprocessing`` task sends its arguments and results to another
process by pickle, and a user may deep-copy a career to work on a copy. Every model
object comes back equal under every pickle protocol, ``copy.deepcopy`` and
``copy.copy``: of the same type all the way down, and a converted figure with the
same provenance and the same ``explain()`` (``Pay`` equality ignores provenance).
"""

from __future__ import annotations

import base64
import copy
import enum
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import careerkit as ck
import careerkit.pay
from careerkit import Pay, PayRange, Period, WorkSchedule, catalogue, testing
from careerkit._compare import ComparisonRow
from careerkit.data import DataFile
from careerkit.errors import CareerkitError
from careerkit.model._frozen import FrozenMapping
from careerkit.pay import provenance

T = TypeVar("T")
PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)  # 0 to 5
# Careers and tables are larger objects: a quarter of the profile's examples (15 by default).
FEWER = settings(max_examples=max(10, settings().max_examples // 4))


def round_trips(value: object) -> Iterator[tuple[str, Any]]:
    """*value* pickled under every protocol, deep-copied and copied, each named."""
    for protocol in PROTOCOLS:
        yield f"pickle protocol {protocol}", pickle.loads(pickle.dumps(value, protocol))
    yield "copy.deepcopy", copy.deepcopy(value)
    yield "copy.copy", copy.copy(value)


def children(value: object) -> list[tuple[str, object]]:
    """The values directly inside *value*, named: attrs fields, items, and a Pay's state."""
    if isinstance(value, Pay):
        return [(".provenance", value.provenance), (".origin", value.origin)]
    kind: Any = type(value)
    if attrs.has(kind):
        return [(f".{field.name}", getattr(value, field.name)) for field in attrs.fields(kind)]
    if isinstance(value, tuple | list):
        return [(f"[{index}]", item) for index, item in enumerate(value)]
    if isinstance(value, Mapping):
        return [
            named
            for key, item in value.items()
            for named in ((f"<{key!r}>", key), (f"[{key!r}]", item))
        ]
    return []


def parts(value: object, path: str = "") -> Iterator[tuple[str, object]]:
    """Every value inside *value*, *value* first, each with its path."""
    yield path, value
    for name, child in children(value):
        yield from parts(child, path + name)


def assert_same(
    restored: object, original: object, path: str = "", checked: set[tuple[int, int]] | None = None
) -> None:
    """*restored* is *original* again: equal, of one type, at every depth.

    A ``Pay`` must also have the same exact value, provenance, origin and
    explanation, which ``==`` does not compare. An object met again (the career of
    every row of a comparison) is checked once.
    """
    checked = set() if checked is None else checked
    assert type(restored) is type(original), f"{path}: {type(restored)} is not {type(original)}"
    assert restored == original, f"{path}: {restored!r} != {original!r}"
    if isinstance(restored, Pay):
        assert isinstance(original, Pay)
        assert restored.exact == original.exact, path
        assert restored.provenance == original.provenance, f"{path}.provenance"
        assert restored.explain() == original.explain(), f"{path}.explain()"
        assert repr(restored) == repr(original), path
    pair = (id(restored), id(original))  # both trees stay alive meanwhile: ids are not reused
    if pair in checked:
        return
    checked.add(pair)
    inside = zip(children(restored), children(original), strict=True)
    for (name, got), (expected_name, expected) in inside:
        assert name == expected_name, f"{path}: {name} where {expected_name} was"
        assert_same(got, expected, path + name, checked)


def assert_survives(value: object) -> None:
    """*value* comes back the same from every pickle protocol and from both copies."""
    for how, restored in round_trips(value):
        try:
            assert_same(restored, value)
            assert repr(restored) == repr(value)
        except AssertionError as error:
            raise AssertionError(f"after {how}: {error}") from None


def parts_of_types(value: object) -> dict[type, object]:
    """One instance of each attrs class (and Pay) found inside *value*."""
    found: dict[type, object] = {}
    for _, item in parts(value):
        if isinstance(item, Pay) or attrs.has(type(item)):
            found.setdefault(type(item), item)
    return found


# --- the checker itself: it tells apart what == does not -------------------------------------


def test_the_check_sees_a_different_provenance() -> None:
    stated = Pay("29868.8", "USD", "year")
    converted = Pay("14.36", "USD", "hour").per("year")
    assert stated == converted  # Pay equality ignores provenance...
    with pytest.raises(AssertionError, match="provenance"):
        assert_same(stated, converted)  # ...this check does not


def test_the_check_sees_a_different_type_inside() -> None:
    band = ck.get("customer-service").pay[0]
    as_dict = attrs.evolve(band)
    object.__setattr__(as_dict, "percentiles", dict(band.percentiles))
    assert as_dict == band  # a dict equals the FrozenMapping it came from
    with pytest.raises(AssertionError, match="percentiles"):
        assert_same(as_dict, band)


def test_the_check_sees_a_changed_value() -> None:
    career = ck.get("customer-service")
    changed = attrs.evolve(career, aliases=(*career.aliases, "help desk"))
    with pytest.raises(AssertionError, match="aliases"):
        assert_same(changed, career)


# --- every public model class, by example -----------------------------------------------------


def _converted_pay() -> Pay:
    return (
        Pay("14.36", "USD", "hour", when="2008-05")
        .per("year")
        .to_currency("INR")
        .in_prices_of("2024")
    )


def _step(pay: Pay, kind: type[T]) -> T:
    """The step of *kind* in *pay*'s provenance."""
    found = [step for step in pay.provenance if isinstance(step, kind)]
    assert len(found) == 1
    return found[0]


def _examples() -> dict[str, Callable[[], object]]:
    career = ck.get("customer-service")
    band = career.pay[0]
    schedule = WorkSchedule(hours_per_day="7.5", days_per_week=6, weeks_per_year=50)
    ppp = Pay(1000, "INR", "month", when="2015").per("year", schedule).to_ppp()
    table = ck.compare("csr", "pr-specialist", currency="INR", period="month", prices_of="2020")
    return {
        "Area": lambda: ck.area("austin"),
        "Area, nonmetropolitan": lambda: ck.area("3600001"),
        "PayBand, of an area": lambda: career.pay_bands("0035620")[-1],
        "Employment, of an area": lambda: career.employment_in("0035620")[0],
        "Career": lambda: career,
        "Career from the catalogue": lambda: ck.get("29-1141"),
        "Career, other profile": lambda: ck.get("public-relations-specialist"),
        "CareerExtension": lambda: catalogue.extension("43-4051", career),
        "CodeSystem": lambda: ck.CodeSystem.SOC_2018,
        "Comparison": lambda: table,
        "ComparisonRow": lambda: table.rows[0],
        "ComparisonRow, not converted": lambda: next(r for r in table.rows if r.converted is None),
        "ConvertedPayBand": lambda: band.convert(currency="INR", period="month"),
        "ConvertedPayBand, undated": lambda: next(
            b for b in career.pay if b.reference_date is None
        ).convert(currency="USD", period="year", when="2020-06"),
        "Course": lambda: career.courses[0],
        "CourseFee": lambda: career.course_fees[0],
        "DataFile": lambda: _step(_converted_pay(), provenance.ExchangeRateStep).data[0],
        "Employment": lambda: ck.get("29-1141").employment[0],
        "EntryRoute": lambda: career.entry_routes[0],
        "ExchangeRateStep": lambda: _converted_pay().provenance[1],
        "ExchangeRateStep, latest": lambda: (
            Pay(1, "USD", "hour").to_currency("INR", when="latest").provenance[0]
        ),
        "Fact": lambda: career.duties[0],
        "FieldStory": lambda: career.stories[0],
        "FundingKind": lambda: ck.FundingKind.LOAN,
        "FundingSource": lambda: career.funding[0],
        "FrozenMapping": lambda: band.percentiles,
        "OccupationCode": lambda: career.occupation_codes[0],
        "PPPStep": lambda: ppp.provenance[-1],
        "Pay": lambda: Pay("14.36", "USD", "hour", when="2008-05"),
        "Pay, converted": _converted_pay,
        "Pay, latest rates": lambda: Pay(1, "USD", "hour").to_currency("INR", when="latest"),
        "Pay, international dollars": lambda: ppp,
        "PayBand": lambda: band,
        "PayGrowth": lambda: career.pay_growth(region="US", statistic="median"),
        "PayHistory": lambda: ck.get("29-1141").pay_history(),
        "SeriesCut": lambda: ck.get("29-1141").pay_history().cut,
        "PayPosition": lambda: career.pay_position("$40,000-$50,000 a year", when="2025-05"),
        "PayRange": lambda: PayRange(Pay(10000, "INR", "month"), Pay(28000, "INR", "month")),
        "PayRange, open": lambda: PayRange(None, _converted_pay()),
        "Period": lambda: Period.MONTH,
        "PriceIndexStep": lambda: _converted_pay().provenance[2],
        "ProgressionLadder": lambda: career.ladder,
        "ReferenceDate": lambda: ck.ReferenceDate(2008, 5, 14),
        "ScheduleStep": lambda: ppp.provenance[0],
        "SearchResult": lambda: ck.search("nurse")[0],
        "SearchResults": lambda: ck.search("nurse"),
        "Source": lambda: career.sources[0],
        "Text": lambda: career.title,
        "WorkSchedule": lambda: schedule,
        "WorkSchedule.BLS_FULL_TIME": lambda: WorkSchedule.BLS_FULL_TIME,
        "WorkingHours": lambda: career.working_hours[0],
        "codes": lambda: career.codes,
        "Outlook": lambda: career.outlook[0],
        "Preparation": lambda: career.preparation,
        "CategoryShare": lambda: career.preparation.education_shares[1],  # type: ignore[union-attr]
        "Tool": lambda: career.tools[0],
        "Skill": lambda: career.skills[0],
        "Specialty": lambda: ck.get("29-1141").specialties[0],
        "RelatedOccupation": lambda: career.related_occupations[0],
        "NextStep": lambda: career.next_steps(limit=1)[0],
    }


EXAMPLES = _examples()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_model_object_survives_pickle_and_copy(name: str) -> None:
    value = EXAMPLES[name]()
    kind = name.split(",")[0].split(" ")[0]
    assert type(value).__name__ == kind or name in ("WorkSchedule.BLS_FULL_TIME", "codes")
    assert_survives(value)


def test_the_examples_cover_every_public_class() -> None:
    """A class added to the public surface (or to provenance) needs an example above."""
    public = {
        name: value
        for module, names in (
            (ck, ck.__all__),
            (provenance, provenance.__all__),
            (careerkit.pay, careerkit.pay.__all__),
        )
        for name in names
        if isinstance(value := getattr(module, name), type)
    }
    carried = {
        name
        for name, kind in public.items()
        if not issubclass(kind, CareerkitError | Warning) and name != "Registry"
    }  # a Registry is the process's catalogue of careers, not a value a task carries
    assert carried - {name.split(",")[0].split(" ")[0] for name in EXAMPLES} == set()
    assert {"ComparisonRow", "DataFile", "ExchangeRateStep", "PPPStep"} <= set(EXAMPLES)


def test_the_examples_carry_what_they_are_meant_to() -> None:
    converted = EXAMPLES["Pay, converted"]()
    assert isinstance(converted, Pay)
    kinds = [type(step) for step in converted.provenance]
    assert kinds == [
        provenance.ScheduleStep,
        provenance.ExchangeRateStep,
        provenance.PriceIndexStep,
    ]
    ppp = EXAMPLES["Pay, international dollars"]()
    assert isinstance(ppp, Pay) and isinstance(ppp.provenance[-1], provenance.PPPStep)
    assert isinstance(EXAMPLES["ExchangeRateStep, latest"](), provenance.ExchangeRateStep)
    table = EXAMPLES["Comparison"]()
    assert isinstance(table, ck.Comparison)
    assert any(row.converted is None for row in table.rows)
    assert any(row.converted is not None for row in table.rows)
    band = EXAMPLES["PayBand"]()
    assert isinstance(band, ck.PayBand) and len(band.percentiles) >= 1
    assert isinstance(EXAMPLES["ComparisonRow"](), ComparisonRow)
    data = EXAMPLES["DataFile"]()
    assert isinstance(data, DataFile) and data.shipped


def test_the_brief_example_keeps_its_provenance() -> None:
    pay = _converted_pay()
    for protocol in PROTOCOLS:
        restored = pickle.loads(pickle.dumps(pay, protocol))
        assert restored == pay
        assert restored.provenance == pay.provenance
        assert restored.explain() == pay.explain()
        assert restored.origin == pay.origin == Pay("14.36", "USD", "hour", when="2008-05")
    assert copy.deepcopy(pay).explain() == pay.explain()


def test_a_restored_figure_converts_as_the_original() -> None:
    pay = pickle.loads(pickle.dumps(_converted_pay()))
    again = pay.per("hour").to_currency("USD", when="2024")
    expected = _converted_pay().per("hour").to_currency("USD", when="2024")
    assert_same(again, expected)


def test_a_restored_band_is_still_read_only() -> None:
    band = pickle.loads(pickle.dumps(ck.get("customer-service").pay[0]))
    assert isinstance(band.percentiles, FrozenMapping)
    with pytest.raises(TypeError):
        band.percentiles[50] = Decimal(0)  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        band.low = Decimal(0)


def test_errors_a_worker_raises_reach_the_caller_whole() -> None:
    """An error raised in a task is pickled back: ones made from more than a message too."""
    raised = []
    for make in (
        lambda: ck.get("custmer service"),
        lambda: ck.from_dict({"id": "x"}),
        lambda: ck.Pay(-1, "USD", "hour"),
        lambda: ck.Pay([1], "USD", "hour"),  # type: ignore[arg-type]
        lambda: ck.get("customer-service").get_source("nowhere"),
        lambda: ck.Pay(1, "USD", "hour").to_currency("INR"),
    ):
        with pytest.raises(CareerkitError) as caught:
            make()
        raised.append(caught.value)
    assert {type(error).__name__ for error in raised} >= {
        "ProfileNotFoundError",
        "ProfileLoadError",
        "WrongTypeError",
    }
    for error in raised:
        for how, restored in round_trips(error):
            assert type(restored) is type(error), how
            assert str(restored) == str(error), how
            assert restored.args == error.args, how
            assert vars(restored) == vars(error), how


# --- properties: generated careers, bands and figures -----------------------------------------

years = st.integers(2000, 2020)  # every shipped series covers them, for every currency drawn
months = st.builds(lambda year, month: f"{year}-{month:02d}", years, st.integers(1, 12))
schedules = st.builds(
    WorkSchedule,
    hours_per_day=st.integers(1, 24),
    days_per_week=st.integers(1, 7),
    weeks_per_year=st.integers(1, 53),
)
steps: st.SearchStrategy[tuple[str, Any, Any]] = st.one_of(
    st.tuples(st.just("per"), st.sampled_from(list(Period)), st.none() | schedules),
    st.tuples(st.just("to_currency"), st.sampled_from(testing.CURRENCIES), st.none() | months),
    st.tuples(st.just("in_prices_of"), years.map(str) | months, st.none()),
)


@st.composite
def converted_pays(draw: st.DrawFn) -> Pay:
    """A dated figure put through any chain of conversions, maybe ending in PPP."""
    pay = draw(testing.pays(dated=True))
    for name, first, second in draw(st.lists(steps, max_size=5)):
        if name == "per":
            pay = pay.per(first, second)
        elif name == "to_currency":
            pay = pay.to_currency(first, when=second)
        else:
            pay = pay.in_prices_of(first)
    if draw(st.booleans()):
        pay = pay.to_ppp(country="DE" if pay.currency == "EUR" else None)
    return pay


@pytest.mark.thorough
@given(testing.careers())
@FEWER
def test_generated_careers_survive(career: ck.Career) -> None:
    assert_survives(career)


@given(testing.careers())
@FEWER
def test_every_object_inside_a_career_survives_alone(career: ck.Career) -> None:
    for value in parts_of_types(career).values():
        assert_survives(value)


@given(testing.pay_bands())
def test_pay_bands_survive(band: ck.PayBand) -> None:
    assert_survives(band)
    assert_survives(band.percentiles)


@pytest.mark.thorough
@given(
    testing.pay_bands(),
    st.sampled_from(list(Period)),
    st.sampled_from(testing.CURRENCIES),
    st.none() | years.map(str),
    months,
    st.none() | schedules,
)
def test_converted_bands_survive(
    band: ck.PayBand,
    period: Period,
    currency: str,
    prices_of: str | None,
    when: str,
    schedule: WorkSchedule | None,
) -> None:
    # a date the shipped data covers (when= dates undated bands only); half of them undated
    band = attrs.evolve(band, reference_date=None if band.indicative else when)
    converted = band.convert(
        period=period, currency=currency, prices_of=prices_of, when=when, schedule=schedule
    )
    assert_survives(converted)


@given(converted_pays())
def test_converted_pays_survive_with_their_provenance(pay: Pay) -> None:
    assert_survives(pay)


@pytest.mark.thorough
@given(converted_pays(), testing.amounts(10**6).map(lambda amount: amount + 1))
def test_pay_ranges_survive(low: Pay, more: Decimal) -> None:
    high = Pay(low.amount + more, low.currency, low.period, when=low.when)
    assert_survives(PayRange(low, high))
    assert_survives(PayRange(low, None))
    assert_survives(PayRange(None, low))


@given(st.sampled_from(sorted(catalogue.occupations())))
@FEWER
def test_catalogue_careers_survive(soc: str) -> None:
    assert_survives(ck.get(soc))


@pytest.mark.thorough
@given(
    st.lists(
        st.sampled_from(["public-relations-specialist", "29-1141", "43-4051", "27-3031"]),
        max_size=2,
    ),
    st.sampled_from(testing.CURRENCIES),
    st.sampled_from(list(Period)),
    st.none() | years.map(str),
    st.sampled_from([None, "US", "IN"]),
)
@FEWER
def test_comparisons_survive(
    keys: list[str], currency: str, period: Period, prices_of: str | None, region: str | None
) -> None:
    # customer-service has bands in the US and in India: every region drawn has a row
    table = ck.compare(
        "customer-service",
        *keys,
        currency=currency,
        period=period,
        prices_of=prices_of,
        region=region,
    )
    assert_survives(table)
    restored = pickle.loads(pickle.dumps(table, pickle.HIGHEST_PROTOCOL))
    assert str(restored) == str(table)
    assert restored.to_dict() == table.to_dict()


# --- FrozenMapping: read-only, equal to any mapping of the same items, and picklable -----------

items = st.dictionaries(st.integers(1, 99), testing.amounts(), max_size=6)


@given(items)
def test_a_frozen_mapping_is_its_items(given_items: dict[int, Decimal]) -> None:
    frozen = FrozenMapping(given_items)
    assert frozen == given_items and given_items == frozen
    assert frozen == MappingProxyType(given_items) and MappingProxyType(given_items) == frozen
    assert frozen == FrozenMapping(reversed(list(given_items.items())))  # order: as dicts
    assert hash(frozen) == hash(FrozenMapping(dict(given_items)))
    assert list(frozen) == list(given_items) and list(reversed(frozen)) == list(
        reversed(given_items)
    )
    assert (len(frozen), list(frozen.items()), list(frozen.values())) == (
        len(given_items),
        list(given_items.items()),
        list(given_items.values()),
    )
    assert frozen.get(100) is None and frozen.get(100, "absent") == "absent"
    assert all(frozen[key] == value and key in frozen for key, value in given_items.items())
    assert_survives(frozen)
    assert copy.copy(frozen) is frozen  # nothing in it can change


@given(items, st.integers(1, 99), testing.amounts())
def test_a_frozen_mapping_differs_from_other_items(
    given_items: dict[int, Decimal], key: int, amount: Decimal
) -> None:
    other = {**given_items, key: amount + 1}
    assert FrozenMapping(given_items) != other
    assert FrozenMapping(given_items) != FrozenMapping(other)
    assert FrozenMapping(given_items) != list(given_items.items())


def test_a_frozen_mapping_cannot_be_changed() -> None:
    source = {50: Decimal("14.36")}
    frozen = FrozenMapping(source)
    source[50] = Decimal(0)  # the mapping took a copy
    assert frozen[50] == Decimal("14.36")
    with pytest.raises(TypeError):
        frozen[10] = Decimal(1)  # type: ignore[index]
    with pytest.raises(TypeError):
        del frozen[50]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        frozen._items = {}
    with pytest.raises(AttributeError):
        frozen.update({10: 1})  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        del frozen._items
    assert frozen == {50: Decimal("14.36")}


# --- in another process, as a Dask worker would ------------------------------------------------

_WORKER = """
import base64, pickle, sys
import careerkit as ck
objects = pickle.loads(base64.b64decode(sys.stdin.read()))
career, band, converted, pay, table = objects
assert career.get_source(band.source).id == band.source
assert "prices of" in converted.explain() and len(converted.median.provenance) == 3
results = [*objects, pay.per("hour"), band.convert(period="year"), ck.Pay(career.pay[0].median or 1, "USD", "hour")]
sys.stdout.write(base64.b64encode(pickle.dumps(results, 5)).decode())
"""


def test_objects_go_to_another_process_and_back() -> None:
    career = ck.get("customer-service")
    band = career.pay[0]
    objects = [
        career,
        band,
        band.convert(currency="INR", period="month", prices_of="2020"),
        _converted_pay(),
        ck.compare("csr", "29-1141", currency="EUR", period="year"),
    ]
    done = subprocess.run(
        [sys.executable, "-c", _WORKER],
        input=base64.b64encode(pickle.dumps(objects, 5)).decode(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    back = pickle.loads(base64.b64decode(done.stdout))
    expected = [
        *objects,
        _converted_pay().per("hour"),
        band.convert(period="year"),
        Pay(band.median or 1, "USD", "hour"),
    ]
    for got, want in zip(back, expected, strict=True):
        assert_same(got, want)


# --- the model's enums pickle as their members -------------------------------------------------


@pytest.mark.parametrize("kind", [Period, ck.CodeSystem, ck.FundingKind])
def test_enum_members_come_back_as_themselves(kind: type[enum.Enum]) -> None:
    for member in kind:
        for _, restored in round_trips(member):
            assert restored is member
