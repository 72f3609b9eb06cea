"""Names imported on first use (PEP 562), shared by ``careerkit`` and ``careerkit.model``."""

import sys
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from importlib import import_module

_MODULE = type(sys)  # types.ModuleType, without importing types


def lazy_names(
    package: str, names: Mapping[str, str], namespace: MutableMapping[str, object]
) -> Callable[[str], object]:
    """A module ``__getattr__`` importing each name of *names* from its module on first use.

    The value is then stored in *namespace* (the package's globals), so later
    lookups never reach this function.
    """

    def getattr_(name: str) -> object:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    return getattr_


def public_names(names: Iterable[str], namespace: Mapping[str, object]) -> list[str]:
    """What ``dir()`` of a package shows: *names* (its ``__all__``), the module's dunders
    and the public submodules imported so far (``careerkit.data``).

    Not what the package imports for itself (``annotations``, ``TYPE_CHECKING``, helpers).
    """
    found = set(names)
    for name, value in namespace.items():
        dunder = name.startswith("__") and name.endswith("__")
        if dunder or (isinstance(value, _MODULE) and not name.startswith("_")):
            found.add(name)
    return sorted(found)
