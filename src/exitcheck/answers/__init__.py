"""The answers: status, the two clocks, lists, the timeline, diff and screening, as records."""
