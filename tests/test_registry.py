"""Looking careers up by id, alias, code and title; the registry's clash rules."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit as ck
from careerkit import registry
from careerkit.registry import Registry, normalize_key


@pytest.mark.parametrize(
    "key",
    [
        "customer-service",
        "customer-care-executive",
        "customer-service-representative",
        "customer-service-executive",
        "csr",
        "5244.0301",
        "GN007",
        "43-4051",
        "43-4051.00",
        "4222",
        "Customer service representative / customer care executive",
        "ग्राहक सेवा प्रतिनिधि / ग्राहक सेवा एग्जीक्यूटिव (कस्टमर केयर एग्जीक्यूटिव)",
        "कस्टमर केयर एग्जीक्यूटिव",
        "ग्राहक सेवा प्रतिनिधि",
    ],
)
def test_customer_service_answers_to_every_kind_of_key(key: str) -> None:
    assert ck.get(key).id == "customer-service"


@pytest.mark.parametrize(
    "key",
    [
        "public-relations-specialist",
        "pr-specialist",
        "public-relations",
        "27-3031",
        "27-3031.00",
        "2432",
        "Public relations specialist",
        "जनसंपर्क विशेषज्ञ",
    ],
)
def test_public_relations_answers_to_every_kind_of_key(key: str) -> None:
    assert ck.get(key).id == "public-relations-specialist"


@pytest.mark.parametrize(
    "key",
    [
        "CSR",
        "  csr  ",
        "Customer Service",
        "customer_service",
        "CUSTOMER-care   executive",
        "gn007",
    ],
)
def test_lookup_ignores_case_and_whitespace(key: str) -> None:
    assert ck.get(key).id == "customer-service"


def test_careers_are_sorted_by_id() -> None:
    found = ck.careers()
    assert isinstance(found, tuple)
    ids = [career.id for career in found]
    assert ids == sorted(ids)
    assert {"customer-service", "public-relations-specialist", "registered-nurses"} <= set(ids)
    assert len(ids) == 830  # the catalogue's occupations, two of them the rich profiles


def test_unknown_key_suggests_the_closest() -> None:
    with pytest.raises(ck.ProfileNotFoundError) as caught:
        ck.get("custmer service")
    assert str(caught.value) == "unknown career 'custmer service'; did you mean 'customer-service'?"
    assert caught.value.suggestions == ("customer-service",)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, ck.CareerkitError)


def test_unknown_key_without_a_close_match_lists_the_careers() -> None:
    with pytest.raises(
        LookupError,
        match=(
            r"^unknown career 'astronaut'; known careers: customer-service, "
            r"public-relations-specialist$"
        ),
    ):
        Registry.from_entry_points(catalogue=False).get("astronaut")
    with pytest.raises(
        LookupError,
        match=r"^unknown career 'zzqx'; none of the 830 careers answers to it; "
        r"search them by words with careerkit.search\(\) or 'careerkit search'$",
    ):
        ck.get("zzqx")


def test_key_must_be_a_string() -> None:
    with pytest.raises(
        ck.WrongTypeError,
        match=r"^key: a career key is a string \(an id, alias, code or title\), got int 4222$",
    ):
        ck.get(4222)  # type: ignore[arg-type]


def test_default_registry_loads_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_default", None)
    results: list[Registry] = []
    barrier = threading.Barrier(8)

    def load() -> None:
        barrier.wait()
        results.append(registry.default_registry())

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)
    assert len(results[0]) == 830


# --- isolated registries and clashes --------------------------------------------------------

SOURCE = ck.Source(id="s", title=ck.Text("S"))


def career(career_id: str, *, aliases: tuple[str, ...] = (), isco: str | None = None) -> ck.Career:
    codes = [ck.OccupationCode(system="ISCO-08", code=isco, source="s")] if isco else []
    return ck.Career(
        id=career_id,
        title=ck.Text(career_id.replace("-", " ").title()),
        sources=[SOURCE],
        aliases=aliases,
        occupation_codes=codes,
    )


def test_a_new_registry_is_empty_and_isolated() -> None:
    empty = Registry()
    assert len(empty) == 0
    assert "csr" not in empty
    with pytest.raises(ck.ProfileNotFoundError, match="no careers are registered"):
        empty.get("csr")
    own = Registry([career("tea-taster", aliases=("csr",))])
    assert own.get("CSR").id == "tea-taster"  # the default registry is untouched
    assert ck.get("csr").id == "customer-service"
    assert [c.id for c in own] == ["tea-taster"]


def test_same_id_twice_names_both_origins() -> None:
    reg = Registry([career("tea-taster")], origin="first.toml")
    with pytest.raises(ck.DuplicateProfileError) as caught:
        reg.add(career("tea-taster"), origin="second.toml")
    assert str(caught.value) == (
        "second.toml: lookup key 'tea-taster' is claimed by career 'tea-taster' (first.toml) "
        "and by career 'tea-taster' (second.toml); ids, aliases, titles and occupation codes "
        "must each name one career"
    )
    assert isinstance(caught.value, ck.ProfileLoadError)


def test_alias_clash_is_an_error() -> None:
    reg = Registry([career("tea-taster", aliases=("taster",))], origin="a.toml")
    with pytest.raises(
        ck.DuplicateProfileError,
        match=r"lookup key 'Taster' is claimed by career 'tea-taster' \(a.toml\) and by career 'wine-taster' \(b.toml\)",
    ):
        reg.add(career("wine-taster", aliases=("Taster",)), origin="b.toml")
    assert "wine-taster" not in reg  # a refused career leaves no partial keys behind


def test_code_clash_is_an_error() -> None:
    reg = Registry([career("tea-taster", isco="7515")], origin="a.toml")
    with pytest.raises(ck.DuplicateProfileError, match="lookup key '7515'"):
        reg.add(career("coffee-taster", isco="7515"), origin="b.toml")


def test_builtins_clash_with_a_copy_of_themselves() -> None:
    reg = Registry(ck.careers(), origin="built-in")
    with pytest.raises(ck.DuplicateProfileError, match="'customer-service'"):
        reg.add(ck.get("customer-service"), origin="copy.toml")


def test_registry_origin_names_the_file() -> None:
    assert registry.default_registry().origin("customer-service") == (
        "careerkit: careerkit.profiles/customer-service.toml"
        " + careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"
    )
    assert registry.default_registry().origin("registered-nurses") == (
        "careerkit: catalogue (BLS OEWS May 2025, O*NET 29.2)"
    )


@given(st.text(max_size=30))
def test_normalize_key_is_idempotent(key: str) -> None:
    assert normalize_key(normalize_key(key)) == normalize_key(key)


@given(
    st.sampled_from(ck.get("customer-service").aliases),
    st.sampled_from([str.upper, str.lower, str.title]),
    st.sampled_from(["", " ", "\t"]),
)
def test_any_alias_in_any_case_finds_the_career(alias: str, case: object, pad: str) -> None:
    assert ck.get(pad + case(alias) + pad).id == "customer-service"  # type: ignore[operator]
