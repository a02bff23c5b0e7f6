"""The answers, as records: the status of an entity as of a day (``status``), the two
clocks (``clocks``), the answers of status, list, search and screen (``report``) and the
documented records they are made of (``report_records``, ``registry_records``; their JSON
Schemas in ``schemas``), the timeline's rows (``timeline``), what changed between two
registries (``diff``) and screening a list (``screen``, reading it: ``screen_input``).

Pure: time is a parameter, and nothing here writes a sentence (render/ does) or reads the
command line (cli/ does). ``api.py`` imports the module of the answer it gives, when it gives
it, so that an answer loads only what it needs; render/ reads ``clocks.Clock`` and the
timeline's rows.
"""
