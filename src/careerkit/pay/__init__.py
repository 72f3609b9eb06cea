"""Pay normalisation: periods under a work schedule, dated currency conversion,
price indices and PPP, each result carrying the provenance that made it.

Import from :mod:`careerkit`; numpy and pint are imported only by the functions
that need them. Each name's module is imported on first use: ``Pay`` alone does
not import the bands, histories or the array engine.
"""

from typing import TYPE_CHECKING

from careerkit._lazy import lazy_names, public_names

if TYPE_CHECKING:
    from careerkit.pay._bands import ConvertedPayBand
    from careerkit.pay._exact import PRECISION
    from careerkit.pay._growth import PayGrowth
    from careerkit.pay._history import PayHistory, SeriesCut
    from careerkit.pay._pay import Pay
    from careerkit.pay._position import PayPosition
    from careerkit.pay._range import PayRange
    from careerkit.pay._units import INTERNATIONAL_DOLLAR
    from careerkit.pay._vector import conversion_failures, convert_array
    from careerkit.pay.provenance import (
        ExchangeRateStep,
        PPPStep,
        PriceIndexStep,
        ProvenanceStep,
        ScheduleStep,
    )

_LAZY = {
    **dict.fromkeys(["ConvertedPayBand"], "careerkit.pay._bands"),
    **dict.fromkeys(["PRECISION"], "careerkit.pay._exact"),
    **dict.fromkeys(["PayGrowth"], "careerkit.pay._growth"),
    **dict.fromkeys(["PayHistory", "SeriesCut"], "careerkit.pay._history"),
    **dict.fromkeys(["Pay"], "careerkit.pay._pay"),
    **dict.fromkeys(["PayPosition"], "careerkit.pay._position"),
    **dict.fromkeys(["PayRange"], "careerkit.pay._range"),
    **dict.fromkeys(["INTERNATIONAL_DOLLAR"], "careerkit.pay._units"),
    **dict.fromkeys(["conversion_failures", "convert_array"], "careerkit.pay._vector"),
    **dict.fromkeys(
        ["ExchangeRateStep", "PPPStep", "PriceIndexStep", "ProvenanceStep", "ScheduleStep"],
        "careerkit.pay.provenance",
    ),
}

__all__ = [
    "INTERNATIONAL_DOLLAR",
    "PRECISION",
    "ConvertedPayBand",
    "ExchangeRateStep",
    "PPPStep",
    "Pay",
    "PayGrowth",
    "PayHistory",
    "PayPosition",
    "PayRange",
    "PriceIndexStep",
    "ProvenanceStep",
    "ScheduleStep",
    "SeriesCut",
    "conversion_failures",
    "convert_array",
]

__getattr__ = lazy_names("careerkit.pay", _LAZY, globals())


def __dir__() -> list[str]:
    return public_names(__all__, globals())
