"""Draw the figure of docs/howto/pay-over-time.md: python docs/_scripts/pay_over_time_figure.py

Registered nurses' (29-1141) US annual median, as published and in May 2025 prices, from
careerkit's shipped data, with the SOC 2010 cut marked: ``PayHistory.plot``, as the how-to
shows it. Needs the ``[plot]`` extra. The PNG is written without a timestamp or software
version, so the same data and matplotlib give the same file.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "_static" / "pay-over-time.png"


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import careerkit

    history = careerkit.get("29-1141").pay_history(statistic="median", period="year")
    ax = history.plot()
    ax.set_title("Registered nurses (29-1141): US median pay")
    ax.figure.savefig(OUT, dpi=100, metadata={"Software": None})
    plt.close(ax.figure)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
