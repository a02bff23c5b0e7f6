"""The version of exitcheck, written once (the wheel's metadata reads it from here)."""

__version__ = "0.3.0"
