"""Matching a name to entities: normalised keys, the index of a registry, match decisions."""
