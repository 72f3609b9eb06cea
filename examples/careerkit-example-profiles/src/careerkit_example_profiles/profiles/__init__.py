"""TOML profiles found by careerkit through the ``careerkit.profiles`` entry point."""
