"""The checked registry kept for fast reading (the shipped pack, the SQLite cache) and loaded."""
