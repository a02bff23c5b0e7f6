"""Reading and checking the registry files an analyst writes: bytes, TOML, tables, rules."""
