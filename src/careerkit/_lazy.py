"""Names imported on first use (PEP 562), shared by ``careerkit`` and ``careerkit.model``."""

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module


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
