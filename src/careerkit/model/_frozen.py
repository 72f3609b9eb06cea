"""``FrozenMapping``: the read-only mapping the model classes hold (a band's percentiles).

``types.MappingProxyType`` is read-only too, but it cannot be pickled or deep-copied,
so a career holding one could not be sent to another process (a Dask worker, a
``multiprocessing`` pool) nor copied. This mapping keeps its own dict, offers no
way to change it, and pickles and copies as that dict.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Any, TypeVar, overload

__all__ = ["FrozenMapping"]

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")


class FrozenMapping(Mapping[K, V]):
    """A mapping that cannot be changed after it is made; it pickles and copies.

    It equals any mapping with the same items (a ``dict`` included), keeps the
    order it was given, and hashes by its items where they are hashable.

    >>> percentiles = FrozenMapping({10: 31750, 50: 44770})
    >>> percentiles[50], percentiles == {50: 44770, 10: 31750}
    (44770, True)
    >>> percentiles[90] = 1
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMapping' object does not support item assignment
    """

    __slots__ = ("_items",)

    _items: dict[K, V]

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = (), /) -> None:
        object.__setattr__(self, "_items", dict(items))  # a copy: the caller's dict may change

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"FrozenMapping is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"FrozenMapping is immutable; cannot delete {name!r}")

    # The Mapping methods, each the dict's own (the mixins would go through __getitem__).

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __reversed__(self) -> Iterator[K]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, default: V | D, /) -> V | D: ...
    def get(self, key: K, default: object = None, /) -> object:
        return self._items.get(key, default)

    def keys(self) -> KeysView[K]:
        return self._items.keys()

    def values(self) -> ValuesView[V]:
        return self._items.values()

    def items(self) -> ItemsView[K, V]:
        return self._items.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMapping):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"

    # Pickling and copying: as the dict, made into a FrozenMapping again.

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMapping, (self._items,))

    def __copy__(self) -> FrozenMapping[K, V]:
        return self  # nothing in it can change, as for a tuple
