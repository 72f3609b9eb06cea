"""Where each hook of :mod:`careerkit._hooks` gets its provider (imported by ``careerkit``).

This module sits above every layer, so it may name any of them; each provider imports its
work on first call, so that ``import careerkit`` stays cheap.
"""

from __future__ import annotations

from careerkit import _hooks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from careerkit._related import NextStep
    from careerkit.catalogue.sources.oews_areas import Figures
    from careerkit.data import SeriesStatus
    from careerkit.data._install import Installed
    from careerkit.model import Career, Employment
    from careerkit.pay import ConvertedPayBand, PayGrowth, PayHistory, PayPosition


def _format_pay(*args: Any, **kwargs: Any) -> str:
    from careerkit.text.format import format_pay

    return format_pay(*args, **kwargs)


def _format_figures(*args: Any, **kwargs: Any) -> str:
    from careerkit.text.format import format_figures

    return format_figures(*args, **kwargs)


def _convert_band(*args: Any, **kwargs: Any) -> ConvertedPayBand:
    from careerkit.pay._bands import convert_band

    return convert_band(*args, **kwargs)


def _pay_history(*args: Any, **kwargs: Any) -> PayHistory:
    from careerkit._history import pay_history

    return pay_history(*args, **kwargs)


def _employment_history(*args: Any, **kwargs: Any) -> tuple[Employment, ...]:
    from careerkit._history import employment_history

    return employment_history(*args, **kwargs)


def _pay_growth(*args: Any, **kwargs: Any) -> PayGrowth:
    from careerkit.pay._growth import growth

    return growth(*args, **kwargs)


def _pay_position(*args: Any, **kwargs: Any) -> PayPosition:
    from careerkit._position import pay_position

    return pay_position(*args, **kwargs)


def _to_frame(*args: Any, **kwargs: Any) -> Any:
    from careerkit._frames import frame

    return frame(*args, **kwargs)


def _rated_currencies() -> frozenset[str]:
    from careerkit.data import ECB_CURRENCIES, FX_SERIES

    return frozenset({"USD", *FX_SERIES.values(), *ECB_CURRENCIES})


def _update_oews(*args: Any, **kwargs: Any) -> Installed:
    from careerkit.catalogue._oews_update import update_oews

    return update_oews(*args, **kwargs)


def _oews_status() -> SeriesStatus:
    from careerkit.catalogue._status import oews_status

    return oews_status()


def _related_careers(career: Career) -> tuple[Career, ...]:
    from careerkit._related import related

    return related(career)


def _area_figures(*args: Any, **kwargs: Any) -> Figures:
    from careerkit.catalogue.sources.oews_areas import figures

    return figures(*args, **kwargs)


def _next_steps(*args: Any, **kwargs: Any) -> tuple[NextStep, ...]:
    from careerkit._related import next_steps

    return next_steps(*args, **kwargs)


def _render_career(*args: Any, **kwargs: Any) -> str:
    from careerkit._render import render_career

    return render_career(*args, **kwargs)


def _render_band(*args: Any, **kwargs: Any) -> str:
    from careerkit._render import render_band

    return render_band(*args, **kwargs)


_hooks.format_pay.provide(_format_pay)
_hooks.format_figures.provide(_format_figures)
_hooks.convert_band.provide(_convert_band)
_hooks.pay_history.provide(_pay_history)
_hooks.employment_history.provide(_employment_history)
_hooks.pay_growth.provide(_pay_growth)
_hooks.rated_currencies.provide(_rated_currencies)
_hooks.update_oews.provide(_update_oews)
_hooks.oews_status.provide(_oews_status)
_hooks.related_careers.provide(_related_careers)
_hooks.next_steps.provide(_next_steps)
_hooks.area_figures.provide(_area_figures)
_hooks.pay_position.provide(_pay_position)
_hooks.to_frame.provide(_to_frame)
_hooks.render_career.provide(_render_career)
_hooks.render_band.provide(_render_band)
