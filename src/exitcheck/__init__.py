"""exitcheck: what platforms announced toward mainland-China users, since when, and says who."""

__version__ = "0.1.0"
