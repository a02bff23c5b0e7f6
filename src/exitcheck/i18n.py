"""The language of the human-readable views (--lang en|zh).

English is the code's own vocabulary and needs no file; Chinese words come from
data/i18n.toml, read only when --lang zh is in effect. JSON keys and codes never change with
the language.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

LANGS = ("en", "zh")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, LC_MESSAGES, LANG, in that order) is Chinese, else en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Words:
    """Look-ups of human-facing words; unknown words fall back to the English given."""

    def __init__(self, lang: str, table: Mapping[str, Any] | None = None) -> None:
        self.lang = lang
        self.table = table or {}

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def _get(self, group: str, key: str, default: str) -> str:
        value = self.table.get(group, {}).get(key)
        return value if isinstance(value, str) else default

    def label(self, key: str, default: str | None = None) -> str:
        return self._get("labels", key, default if default is not None else key)

    def status(self, code: str) -> str:
        return self._get("status", code, code)

    def status_meaning(self, code: str, default: str) -> str:
        return self._get("status_meaning", code, default)

    def measure_kind(self, code: str) -> str:
        return self._get("measure_kinds", code, code)

    def entity_kind(self, code: str) -> str:
        return self._get("entity_kinds", code, code)

    def name(self, record: Mapping[str, Any]) -> str:
        """'Huobi (火币)' in English, '火币 (Huobi)' in Chinese; the one name when there is one."""
        name, zh = record.get("name") or "", record.get("name_zh")
        if not zh:
            return str(name)
        return f"{zh} ({name})" if self.zh else f"{name} ({zh})"

    def text(self, record: Mapping[str, Any], key: str) -> str:
        """A text field in the reader's language where the record has it (description_zh)."""
        if self.zh and record.get(f"{key}_zh"):
            return str(record[f"{key}_zh"])
        return str(record.get(key) or "")


ENGLISH = Words("en")


@functools.cache
def words(lang: str) -> Words:
    if lang == "en":
        return ENGLISH
    from exitcheck.datafiles import data_file
    from exitcheck.tomlcompat import loads

    return Words(lang, loads(data_file("i18n.toml").read_text(encoding="utf-8")).get(lang, {}))
