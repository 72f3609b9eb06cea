"""Record the keys of careerkit's own profiles, so the first lookup need not parse them.

Run after editing a file in src/careerkit/profiles/: python tools/profile_keys.py
(tests/test_registry.py fails, naming this script, when the record is stale; a stale
record is never used: careerkit parses a file whose CRC-32 differs).
"""

from __future__ import annotations

import json
from pathlib import Path

import careerkit.profiles
from careerkit.catalogue.sources.profiles import KEYS_FILE, own_keys


def main() -> None:
    path = Path(careerkit.profiles.__file__).with_name(KEYS_FILE)
    path.write_text(
        json.dumps(own_keys(careerkit.profiles), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
