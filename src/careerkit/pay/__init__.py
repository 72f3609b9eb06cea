"""Pay normalisation: periods under a work schedule, dated currency conversion,
price indices and PPP, each result carrying the provenance that made it.

Import from :mod:`careerkit`; numpy and pint are imported only by the functions
that need them.
"""

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
