"""Hooks: how a lower layer offers a convenience whose work lives in a higher one.

careerkit's layers import only downward (``docs/design.md``; ``.ci/run`` checks it with
import-linter). A few conveniences of lower objects need a higher layer: ``str(pay)``
formats pay as text (``careerkit.text``, above ``careerkit.pay``); ``band.convert()``,
``career.pay_history()`` and ``career.pay_growth()`` convert with the pay engine (above
the model); the model's currency check knows which currencies have rates (``careerkit.data``,
above the model); ``careerkit.data.update("oews", ...)`` and the ``oews`` entry of
``careerkit.data.status()`` install and describe OEWS releases, the catalogue's own format
(``careerkit.catalogue``, above the data store). Each such place calls a hook declared
here, in the ground layer; :mod:`careerkit._wiring`, which ``careerkit/__init__.py``
imports and which sits above every layer, provides each hook with a function that imports its work on first call.

This is the one mechanism: a lower module never imports a higher one, not even inside a
function. A hook called before it is provided is a bug in careerkit, reported as such.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs more than this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Generic, TypeVar

    _F = TypeVar("_F", bound=Callable[..., Any])

    class Hook(Generic[_F]):
        """A function a higher layer provides (the type checker's view)."""

        name: str

        def __init__(self, name: str) -> None: ...
        def provide(self, function: _F) -> None: ...
        @property
        def call(self) -> _F: ...

else:

    class Hook:
        """A function a higher layer provides: declared here, provided by careerkit._wiring."""

        __slots__ = ("_function", "name")

        def __init__(self, name):
            self.name = name
            self._function = None

        def __repr__(self):
            return f"<Hook {self.name}>"

        def provide(self, function):
            self._function = function

        @property
        def call(self):
            function = self._function
            if function is None:
                raise RuntimeError(
                    f"careerkit's hook {self.name} has no provider: careerkit/_wiring.py "
                    "provides every hook when careerkit is imported (a bug in careerkit)"
                )
            return function


if TYPE_CHECKING:
    from careerkit._related import NextStep
    from careerkit.catalogue.sources.oews_areas import Figures
    from careerkit.data import SeriesStatus
    from careerkit.data._install import Installed
    from careerkit.model import Career, Employment
    from careerkit.pay import ConvertedPayBand, PayGrowth, PayHistory, PayPosition

format_pay: Hook[Callable[..., str]] = Hook("format_pay")
"""``Pay.__str__`` and ``PayRange.__str__``: :func:`careerkit.text.format_pay`."""

format_figures: Hook[Callable[..., str]] = Hook("format_figures")
"""``Career._repr_html_``: :func:`careerkit.text.format.format_figures`."""

convert_band: Hook[Callable[..., ConvertedPayBand]] = Hook("convert_band")
"""``PayBand.convert`` (and through it ``Career.pay_in``): the pay engine's band conversion."""

pay_history: Hook[Callable[..., PayHistory]] = Hook("pay_history")
"""``Career.pay_history``: a career's history of a statistic (its bands and the catalogue's
national history, through the pay engine)."""

employment_history: Hook[Callable[..., tuple[Employment, ...]]] = Hook("employment_history")
"""``Career.employment_history``: a career's employment date by date (its own figures and the
catalogue's national history)."""

pay_growth: Hook[Callable[..., PayGrowth]] = Hook("pay_growth")
"""``Career.pay_growth``: the pay engine's growth between two dates."""

rated_currencies: Hook[Callable[[], frozenset[str]]] = Hook("rated_currencies")
"""The model's currency check: the ISO 4217 codes careerkit has exchange rates for."""

update_oews: Hook[Callable[..., Installed]] = Hook("update_oews")
"""``careerkit.data.update("oews", ...)``: the catalogue's installer of a BLS OEWS release."""

oews_status: Hook[Callable[[], SeriesStatus]] = Hook("oews_status")
"""The ``oews`` entry of ``careerkit.data.status()``: the catalogue's releases in use."""

related_careers: Hook[Callable[[Career], tuple[Career, ...]]] = Hook("related_careers")
"""``Career.related``: the registry's careers for the occupations a career lists as related."""

area_figures: Hook[Callable[..., Figures]] = Hook("area_figures")
"""A career's pay bands and employment in a metropolitan or nonmetropolitan area."""

next_steps: Hook[Callable[..., tuple[NextStep, ...]]] = Hook("next_steps")
"""``Career.next_steps``: the related careers that pay more, worked out when asked."""

render_career: Hook[Callable[..., str]] = Hook("render_career")
"""``Career.__str__``: the profile as ``careerkit show`` prints it (:mod:`careerkit._render`)."""

render_band: Hook[Callable[..., str]] = Hook("render_band")
"""``PayBand.__str__`` and ``CourseFee.__str__``: a band as ``careerkit show`` prints it."""

pay_position: Hook[Callable[..., PayPosition]] = Hook("pay_position")
"""``Career.pay_position``: an offer (text read by ``careerkit.text``) placed in a band."""

to_frame: Hook[Callable[..., Any]] = Hook("to_frame")
"""``to_frame()`` and ``to_polars()`` of ``SearchResults``, ``Comparison``, ``PayHistory`` and
``Career``: a pandas or polars DataFrame (``careerkit._frames`` imports either on first use)."""

__all__ = [
    "Hook",
    "area_figures",
    "convert_band",
    "employment_history",
    "format_figures",
    "format_pay",
    "next_steps",
    "oews_status",
    "pay_growth",
    "pay_history",
    "pay_position",
    "rated_currencies",
    "related_careers",
    "render_band",
    "render_career",
    "to_frame",
    "update_oews",
]
