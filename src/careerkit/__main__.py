"""``python -m careerkit``: the command-line interface (see :mod:`careerkit.cli`)."""

from careerkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
