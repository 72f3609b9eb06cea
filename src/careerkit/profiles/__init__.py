"""Built-in career profiles: one TOML file per career, named after its id (data only)."""
