"""The mutants of scripts/mutate.py: deliberate single changes to code and data.

Each is (group, file, original snippet, replacement, equivalent-or-None). The snippet must occur
exactly once in the file. A mutant marked equivalent cannot change any observable behaviour; the
string says why, and it is not counted in the kill rate.
"""

from __future__ import annotations

from typing import NamedTuple


class Mutant(NamedTuple):
    group: str
    file: str
    find: str
    replace: str
    equivalent: str | None = None


M = "src/exitcheck/matching/decide.py"
N = "src/exitcheck/matching/names.py"
S = "src/exitcheck/answers/status.py"
D = "src/exitcheck/dates.py"
SC = "src/exitcheck/answers/screen.py"
SI = "src/exitcheck/answers/screen_input.py"
ST = "src/exitcheck/store/sqlite.py"
R = "src/exitcheck/store/cache.py"
IX = "src/exitcheck/matching/index.py"
RS = "src/exitcheck/matching/results.py"
CF = "src/exitcheck/store/cachefs.py"
MD = "src/exitcheck/render/markdown.py"
CSV = "src/exitcheck/render/csvfmt.py"
FL = "src/exitcheck/render/flat.py"
SAFE = "src/exitcheck/render/safe.py"
JS = "src/exitcheck/render/jsonfmt.py"
ND = "src/exitcheck/render/ndjson.py"
SVG = "src/exitcheck/render/timeline_svg.py"
PC = "src/exitcheck/render/pieces.py"
WR = "src/exitcheck/render/wrap.py"
ENT = "data/entities.toml"
MT = "data/matching.toml"
I18N = "data/i18n.toml"

MUTANTS: list[Mutant] = [
    # -- status ---------------------------------------------------------------------------------
    Mutant("status", S, '    "closed": "the platform has closed permanently",\n    "closing": "a permanent closure is announced and not yet in effect",',
           '    "closing": "a permanent closure is announced and not yet in effect",\n    "closed": "the platform has closed permanently",'),
    Mutant("status", S, '    "exited": "service for the users in scope has stopped (or the clearing deadline has passed)",\n    "exiting": "an exit is announced: a service stop, clearing or block not yet in effect or undated",',
           '    "exiting": "an exit is announced: a service stop, clearing or block not yet in effect or undated",\n    "exited": "service for the users in scope has stopped (or the clearing deadline has passed)",'),
    Mutant("status", S, '"closed": ("closed", "closing")', '"closed": ("closed", "closed")'),
    Mutant("status", S, '"registration_stopped": ("restricted", "restricting")', '"registration_stopped": ("restricting", "restricted")'),
    Mutant("status", S, '"registration_stopped": ("restricted", "restricting")', '"registration_stopped": ("restricted", "restricted")'),
    Mutant("status", S, '"users_cleared": ("exited", "exiting")', '"users_cleared": ("exiting", "exiting")'),
    Mutant("status", S, '"access_blocked": ("exited", "exiting")', '"access_blocked": ("restricted", "restricting")'),
    Mutant("status", S, '"dissolved": ("dissolving", "dissolving")', '"dissolved": ("exited", "exiting")'),
    Mutant("status", S, '"exit_planned": ("exiting", "exiting")', '"exit_planned": ("exited", "exiting")'),
    Mutant("status", S, '"product_restricted": ("restricted", "restricting")', '"product_restricted": ("restricted", "restricted")'),
    Mutant("status", S, '"features_limited": ("restricted", "restricting")', '"features_limited": ("restricting", "restricting")'),
    Mutant("status", S, "    return measure.announced or reported", "    return measure.announced"),
    Mutant("status", S, "    return measure.announced or reported", "    return reported or measure.announced"),
    Mutant("status", S, "    return reached(known, as_of) or (effective is not None and reached(effective, as_of))",
           "    return True or (effective is not None and reached(effective, as_of))"),
    Mutant("status", S, "    return reached(known, as_of) or (effective is not None and reached(effective, as_of))",
           "    return reached(known, as_of)"),
    Mutant("status", S, "        return anchor is None or reached(anchor, as_of)", "        return True"),
    Mutant("status", S, "        anchor = effective if effective is not None else _day(measure.deadline)\n        return anchor is None",
           "        anchor = effective\n        return anchor is None"),
    Mutant("status", S, "    if not visible(measure, known_on, reported) or not counts_on(measure, as_of, reported):", "    if not counts_on(measure, as_of, reported):"),
    Mutant("status", S, "return done if completes is not None and in_effect(completes, as_of) else pending",
           "return done if completes is None or in_effect(completes, as_of) else pending"),
    Mutant("status", S, "return done if completes is not None and in_effect(completes, as_of) else pending",
           "return pending if completes is not None and in_effect(completes, as_of) else done"),
    Mutant("status", S, "if best is None or rank < best[0]:", "if best is None or rank <= best[0]:",
           "equal ranks keep the later measure instead of the first: the status word is the same, and "
           "'because' (the deciding measure) is not printed or serialised anywhere"),
    Mutant("status", S, "if best is None or rank < best[0]:", "if best is None or rank > best[0]:"),
    Mutant("status", S, "contributed = measure_status(measure, as_of, reported, known_on)",
           "contributed = measure_status(measure, as_of, None, known_on)"),
    Mutant("status", S, '        return Status("none", as_of, None, known_on)', '        return Status("statement", as_of, None, known_on)'),
    Mutant("status", "src/exitcheck/model.py", "return self.effective if self.effective is not None else self.deadline",
           "return self.deadline if self.deadline is not None else self.effective"),
    # -- dates ----------------------------------------------------------------------------------
    Mutant("dates", D, "return wall_clock(moment) <= datetime.combine(as_of, time())",
           "return wall_clock(moment) < datetime.combine(as_of, time())"),
    Mutant("dates", D, "return wall_clock(moment) <= datetime.combine(as_of, time())",
           "return moment.astimezone(__import__('datetime').timezone.utc).replace(tzinfo=None) <= datetime.combine(as_of, time()) if isinstance(moment, datetime) else wall_clock(moment) <= datetime.combine(as_of, time())"),
    Mutant("dates", D, "return wall_clock(moment) <= datetime.combine(as_of, time())",
           "return day_of(moment) <= as_of"),
    Mutant("dates", D, "        return datetime.combine(moment.start, time())\n    return datetime.combine(moment, time())",
           "        return datetime.combine(moment.start, time())\n    return datetime.combine(moment, time(12))"),
    Mutant("dates", D, "        return moment.end < as_of", "        return moment.end <= as_of"),
    Mutant("dates", D, "        return moment.end < as_of", "        return moment.start <= as_of"),
    Mutant("dates", D, "    if after is not None and last_day(moment) < after:", "    if after is not None and first_day(moment) < after:"),
    Mutant("dates", D, "    return before is None or first_day(moment) <= before", "    return before is None or last_day(moment) <= before"),
    Mutant("dates", D, "len(text) == 10", "len(text) >= 10",
           "date.fromisoformat then refuses any text after the date (it takes no time part), with the same exit 2"),
    Mutant("dates", D, '(text[:4] + text[5:7] + text[8:]).isdecimal()', '(text[:4] + text[5:7] + text[8:]).isdigit()'),
    Mutant("dates", D, 'if len(year_text) != 4 or not (year_text + month_text).isdecimal():', 'if not (year_text + month_text).isdecimal():'),
    Mutant("dates", D, "    value = text.strip()", "    value = text"),
    Mutant("dates", D, "    if moment is None:\n        return None\n    return moment.isoformat()",
           "    if moment is None:\n        return None\n    return str(moment)"),
    Mutant("dates", D, "        return moment.date()\n    if isinstance(moment, PartialDate):", "        return moment.date() + __import__('datetime').timedelta(days=1)\n    if isinstance(moment, PartialDate):"),
    Mutant("dates", D, 'and text[4] == text[7] == "-"', 'and text[4] == "-"'),
    # -- screening ------------------------------------------------------------------------------
    Mutant("screening", SC, "if len(name) > MAX_QUERY_CHARS", "if len(name) > MAX_QUERY_CHARS + 1"),
    Mutant("screening", SC, "if len(name) > MAX_QUERY_CHARS", "if False"),
    Mutant("screening", SC, "used = SCORE_THRESHOLD if threshold is None else threshold", "used = SCORE_THRESHOLD"),
    Mutant("screening", SI, "        if line.strip():\n            yield Row(number, line)", "        yield Row(number, line)"),
    Mutant("screening", SI, "enumerate(lines[1:] if skip_header else lines, 1)", "enumerate(lines[1:] if skip_header else lines, 2)"),
    Mutant("screening", SI, "enumerate(lines[1:] if skip_header else lines, 1)", "enumerate(lines, 1)"),
    Mutant("screening", SI, "    names = tuple(h.strip() for h in head)", "    names = tuple(head)"),
    Mutant("screening", SI, '        value = cells[at] if at < len(cells) else ""', '        value = cells[at] if at < len(cells) - 1 else ""'),
    Mutant("screening", SI, '    text = text.removeprefix("\\ufeff")', "    pass"),
    Mutant("screening", SI, '    if "\\ufffd" in text:', "    if False:"),
    Mutant("screening", SI, "    chosen = chosen or encoding or \"utf-8\"", "    chosen = encoding or chosen or \"utf-8\""),
    Mutant("screening", SI, "        if not plain:\n            _refuse_csv(lines)", "        if False:\n            _refuse_csv(lines)"),
    Mutant("screening", SI, "    if len(data) > MAX_INPUT_BYTES:", "    if False:"),
    Mutant("screening", SC, "    index.preload()\n", "",
           "preloading changes only speed: the answers are the same by design (tested against SQL)"),
    Mutant("screening", SC, "if result.decision == DECISION_MATCH and result.entity_id", "if result.entity_id",
           "MatchResult.entity_id is already None unless the decision is a match"),
    Mutant("screening", SC, "entity_status(entity, as_of, dates, clock.knowledge),", "entity_status(entity, as_of, None, clock.knowledge),"),
    Mutant("screening", SC, "else match(index, name, threshold=used, limit=0)", "else match(index, name, threshold=used, limit=5)"),
    Mutant("screening", SC, "        counts.add(result.decision)\n", ""),
    Mutant("screening", SI, '        if path.is_dir():\n            raise UsageError(f"{file}: is a directory", code="is_directory", file=file)\n', ""),
    Mutant("screening", SC, "        result = answers.get(name)", "        result = None",
           "the memo of repeated names only saves time: a name's answer does not change within one run"),
    # -- cache (registry.py's cache, store.py) --------------------------------------------------
    Mutant("cache", R, '_fnv1a(__version__ + "\\0" + data + "\\0" + "\\0".join(s[0] for s in signature))', '_fnv1a(data + "\\0" + "\\0".join(s[0] for s in signature))'),
    Mutant("cache", R, '_fnv1a(__version__ + "\\0" + data + "\\0" + "\\0".join(s[0] for s in signature))', '_fnv1a(__version__ + "\\0" + "\\0".join(s[0] for s in signature))'),
    Mutant("cache", R, 'if meta.get("format") != store.FORMAT or meta.get("version") != __version__:', 'if meta.get("format") != store.FORMAT:'),
    Mutant("cache", R, 'if meta.get("format") != store.FORMAT or meta.get("version") != __version__:', 'if meta.get("version") != __version__:'),
    Mutant("cache", R, "        if not same_files and not _same_content(meta, signature):", "        if False:"),
    Mutant("cache", R, "            if not verified and not cachefs.sound(fd, st.st_size):", "            if False:"),
    Mutant("cache", R, '    verified = stamp.get("db") == cachefs.file_id(st)', "    verified = True"),
    Mutant("cache", R, "    if not (verified and same_files):\n        _stamp(target, st, signature)", "    if False:\n        _stamp(target, st, signature)",
           "without the stamp every call re-reads the checksum and re-hashes the registry: slower, same answers"),
    Mutant("cache", R, "        cachefs.discard(target.db, target.stamp)\n        return None\n    if not (verified", "        return None\n    if not (verified"),
    Mutant("cache", R, "if raw is None or problem is not None or hashlib.sha256(raw).hexdigest() != digest:", "if raw is None or problem is not None:"),
    Mutant("cache", CF, "    return page_size * pages == size", "    return True",
           "sound() checks the CRC-32 of every byte right after: a file cut short or grown fails "
           "that too; the size check only saves reading it"),
    Mutant("cache", CF, "        os.replace(temporary, path)", "        os.replace(temporary, path.with_suffix('.other'))"),
    Mutant("cache", CF, "    return (crc & 0xFFFFFFFF).to_bytes(4, \"big\") == header[CHECK_AT : CHECK_AT + 4]", "    return True"),
    Mutant("cache", R, 'st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]', 'st.st_size, st.st_ctime_ns, st.st_ino]',
           "mtime is only a shortcut: a changed file still changes ctime (any write updates it), so the cache is re-checked all the same"),
    Mutant("cache", ST, "FORMAT = 10", "FORMAT = 11",
           "the number only has to differ from older layouts' and agree between writer and reader; both read the constant"),
    Mutant("cache", IX, "        return [(rowid, key) for rowid, key in rows if low <= len(key) <= high]",
           "        return list(rows)",
           "the length block is an optimisation: the matcher rejects keys outside the edit budget itself"),
    Mutant("cache", IX, "        rows = self.table.block(script, \"first\", query[0], digits, low, high)",
           "        rows = self.table.block(script, \"first\", query[0], digits, 0, 999)",
           "the length block is an optimisation: the matcher rejects keys outside the edit budget itself"),
    Mutant("cache", IX, "                blocks.setdefault((kind, \"first\", key[0], digits_), []).append((rowid, key))",
           "                blocks.setdefault((kind, \"first\", key[0], \"\"), []).append((rowid, key))"),
    Mutant("cache", IX, "            rows += self.table.block(script, \"first2\", query[:2], digits, low, high)", "            pass"),
    Mutant("cache", ST, '_FUZZY = "SELECT rowid, key FROM fuzzy WHERE script = ? AND {} = ? AND digits = ? AND len BETWEEN ? AND ?"',
           '_FUZZY = "SELECT rowid, key FROM fuzzy WHERE script = ? AND {} = ? AND ? IS NOT NULL AND len BETWEEN ? AND ?"'),
    Mutant("cache", IX, "        if self.table.size >= SCAN_ALL_BELOW:\n            return",
           "        if True:\n            return",
           "preloading changes only speed: the SQL path gives the same answers (tested)"),
    Mutant("cache", IX, "        table.make_entries()\n", "",
           "entries made once only save time: look-ups make them from the rows otherwise"),
    Mutant("cache", ST, "        if len(self._entities) >= ENTITY_CACHE:\n            self._entities.clear()", "        pass",
           "the bound keeps memory flat on huge registries; no answer depends on it"),
    Mutant("cache", IX, "                if len(key) > 1 and key[1] != key[0]:", "                if False:"),
    Mutant("cache", IX, '        yield ("fuzzy:cjk", core if has_cjk(core) else folded, label, field, str(MIN_FUZZY_CJK))', '        yield ("fuzzy:cjk", folded, label, field, str(MIN_FUZZY_CJK))'),
    Mutant("cache", IX, '            yield ("fuzzy:latin", romanised, label, field, str(MIN_FUZZY_PINYIN))', '            yield ("fuzzy:latin", romanised, label, field, str(MIN_FUZZY_LATIN))'),
    Mutant("cache", IX, '            yield ("romanised", romanised, label, field, "")\n', ""),
    Mutant("cache", IX, '        yield ("folded", folded, label, field, "")\n', ""),
    Mutant("cache", IX, 'out += [(a, "domain" if "." in a and domain_of(clean(a)) else "alias") for a in e.aliases]',
           'out += [(a, "alias") for a in e.aliases]'),
    Mutant("cache", IX, "    out.append((e.id, \"id\"))\n", ""),
    Mutant("cache", IX, "            if (row[0], row[1]) not in seen:", "            if True:"),
    # -- render ---------------------------------------------------------------------------------
    Mutant("render", SAFE, 'for ch in "\\\\`*_[]<>&|~"', 'for ch in "`*_[]<>&|~"'),
    Mutant("render", SAFE, 'for ch in "\\\\`*_[]<>&|~"', 'for ch in "\\\\`*_[]<>&~"'),
    Mutant("render", SAFE, "    return printable(value).translate(_MARKDOWN_SPECIAL)", "    return value.translate(_MARKDOWN_SPECIAL)"),
    Mutant("render", MD, '    yield "|" + "|".join("---" for _ in columns) + "|\\n"\n', ""),
    Mutant("render", MD, 'f"{f[\'name\']} {f[\'version\']} (sha256 {f[\'sha256\'][:12]})"', 'f"{f[\'name\']} {f[\'version\']}"'),
    Mutant("render", CSV, "    if isinstance(value, str):\n        return spreadsheet_text(value)", "    if False:\n        return spreadsheet_text(value)"),
    Mutant("render", CSV, "    if any(ch in text for ch in ',\";\\r\\n'):", "    if any(ch in text for ch in ',\"\\r\\n'):"),
    Mutant("render", CSV, "    yield _line(columns)\n", ""),
    Mutant("render", FL, 'return "true" if value else "false"', 'return str(value)'),
    Mutant("render", FL, 'm["effective_offset_assumed"] or m["deadline_offset_assumed"]', 'm["effective_offset_assumed"]'),
    Mutant("render", FL, '"quote": m["locator"]["quote"],', '"quote": m["locator"]["paragraph"],'),
    Mutant("render", FL, '    for m in measures or [None]:', '    for m in measures:'),
    Mutant("render", FL, 'row["candidates"] = "; ".join(f"{c[\'id\']}:{c[\'score\']}" for c in record["candidates"])',
           'row["candidates"] = ""'),
    Mutant("render", SAFE, 'text = str(value).replace("\\r\\n", " ").replace("\\n", " ").replace("\\t", " ")', "text = str(value)"),
    Mutant("render", SAFE, "_UNSAFE_CATEGORIES = {\"Cc\", \"Cf\", \"Cs\", \"Co\", \"Cn\", \"Zl\", \"Zp\"}", "_UNSAFE_CATEGORIES = {\"Cc\"}"),
    Mutant("render", SAFE, "    (0x2028, 0x202E),\n", ""),
    Mutant("render", SAFE, "    (0x7F, 0x9F),\n", ""),
    Mutant("render", SAFE, '        f"\\\\x{code:02x}"\n        if code < 0x100', '        f"\\\\u{code:04x}"\n        if code < 0x100'),
    Mutant("render", JS, "return json_safe(json.dumps(record, ensure_ascii=False, indent=indent))",
           "return json.dumps(record, ensure_ascii=False, indent=indent)"),
    Mutant("render", JS, "return json_safe(json.dumps(record, ensure_ascii=False, indent=indent))",
           "return json_safe(json.dumps(record, ensure_ascii=True, indent=indent))"),
    Mutant("render", JS, '        yield "[]\\n" if first else "\\n]\\n"', '        yield "]\\n"'),
    Mutant("render", JS, "            yield dumps(record, indent=None) + \"\\n\"", "            yield dumps(record) + \"\\n\""),
    Mutant("render", ND, "        return dumps(record, indent=None) + \"\\n\"", "        return dumps(record) + \"\\n\""),
    Mutant("render", SVG, "    return f'<text x=\"{x:.1f}\" y=\"{y:.1f}\"{extra}>{escape(printable(text))}</text>'",
           "    return f'<text x=\"{x:.1f}\" y=\"{y:.1f}\"{extra}>{escape(text)}</text>'"),
    Mutant("render", SVG, "    return f'<text x=\"{x:.1f}\" y=\"{y:.1f}\"{extra}>{escape(printable(text))}</text>'",
           "    return f'<text x=\"{x:.1f}\" y=\"{y:.1f}\"{extra}>{printable(text)}</text>'"),
    Mutant("render", SVG, "_text(LEFT - 10, y + 4, clip(w.name(row._asdict()), LABEL_COLUMNS), text_anchor=\"end\")",
           "_text(LEFT - 10, y + 4, row.id, text_anchor=\"end\")"),
    Mutant("render", PC, '.join(parts) or w.label("no_date", "no effective date given")', ".join(parts)"),
    Mutant("render", PC, '                extra.append(w.label("offset_assumed", "offset assumed"))', "                pass"),
    Mutant("render", PC, 'if match["method"] not in ("exact_id", "exact_name", "exact_alias", "exact_later_name"):', 'if match["method"] not in ("exact_id", "exact_name", "exact_later_name"):'),
    Mutant("render", WR, "        if used + w > width - 1:", "        if used + w > width:"),
    Mutant("render", "src/exitcheck/render/wrap.py", 'return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)', "return len(text)"),
    Mutant("render", "src/exitcheck/render/info.py", '            lines.append(f"  sha256  {f[\'sha256\']}")', '            lines.append(f"  sha256  {f[\'sha256\'][:12]}")'),
    # -- data (the shipped registry and word lists) -----------------------------------------------
    Mutant("data", ENT, 'paragraph = 19, quote = "在中国没有交易所业务"', 'paragraph = 12, quote = "在中国没有交易所业务"'),
    Mutant("data", ENT, 'aliases = ["HDAO", ', 'aliases = ['),
    Mutant("data", ENT, "effective = 2021-10-23\neffective_stated = \"2021年10月23日\"\ndescription = \"The platform closes on 23 Oct 2021", "effective = 2021-10-22\neffective_stated = \"2021年10月23日\"\ndescription = \"The platform closes on 23 Oct 2021"),
    Mutant("data", ENT, "effective = 2021-09-30T00:00:00+08:00", "effective = 2021-09-29T00:00:00+08:00"),
    Mutant("data", ENT, "deadline_offset_assumed = true", "deadline_offset_assumed = false"),
    Mutant("data", ENT, 'kind = "exit_planned"\nscope = "users in mainland China"\nscope_zh = "中国大陆用户"\nannounced = 2021-09-26', 'kind = "service_stopped"\nscope = "users in mainland China"\nscope_zh = "中国大陆用户"\nannounced = 2021-09-26'),
    Mutant("data", ENT, 'published = 2021-09-26\nlanguage = "zh"\nfile = "cls-2021-09-26-exits.zh.txt"', 'published = 2021-09-25\nlanguage = "zh"\nfile = "cls-2021-09-26-exits.zh.txt"'),
    Mutant("data", MT, '"wallet", "wallets", ', '"wallets", '),
    Mutant("data", MT, '"网", "站",', '"站",'),
    Mutant("data", I18N, 'effective = "生效"\ndeadline = "截止"', 'effective = "截止"\ndeadline = "生效"'),
    Mutant("data", I18N, 'restricted = "已限制"\nrestricting = "即将限制"', 'restricted = "即将限制"\nrestricting = "已限制"'),
    # -- matching (run last: the matcher changes often) -----------------------------------------
    Mutant("matching", RS, "MARGIN = 10.0", "MARGIN = 5.0"),
    Mutant("matching", M, "if len(ranked) > 1 and ranked[1].score > best.score - MARGIN:", "if len(ranked) > 1 and ranked[1].score >= best.score - MARGIN:"),
    Mutant("matching", RS, "SCORE_THRESHOLD = 75.0", "SCORE_THRESHOLD = 70.0"),
    Mutant("matching", M, "ranked = [c for c in best_per_entity(scored) if c.score >= threshold]", "ranked = [c for c in best_per_entity(scored) if c.score > threshold]"),
    Mutant("matching", M, "        if key[0] != query[0] and key[:2] != query[1::-1]:", "        if key[0] != query[0]:"),
    Mutant("matching", M, "        if key[0] != query[0] and key[:2] != query[1::-1]:", "        if False:",
           "KeyIndex.fuzzy asks every table only for keys with the query's first letter (or first two swapped)"),
    Mutant("matching", M, '        if "".join(ch for ch in key if ch.isdigit()) != digits:', "        if False:",
           "KeyIndex.fuzzy asks every table only for keys with the query's digits (one rule for all tables since issue 15)"),
    Mutant("matching", M, "            score = round(100.0 * (1 - distance / length), 1)", "            score = round(100.0 * (1 - distance / min(len(key), len(query))), 1)"),
    Mutant("matching", M, "        if budget == 0 or abs(len(key) - len(query)) > budget:", "        if budget == 0:",
           "OSA distance is at least the length difference, so the distance check below drops the same keys"),
    Mutant("matching", M, "        budget = min(max_edits(len(query), minimum), max_edits(len(key), minimum))", "        budget = max_edits(len(query), minimum)"),
    Mutant("matching", RS, "MIN_FUZZY_LATIN = 5", "MIN_FUZZY_LATIN = 4"),
    Mutant("matching", RS, "MIN_FUZZY_PINYIN = 8", "MIN_FUZZY_PINYIN = 5"),
    Mutant("matching", RS, "MIN_FUZZY_CJK = 6", "MIN_FUZZY_CJK = 4"),
    Mutant("matching", M, "    if 1 < len(tokens) <= MAX_REORDER_WORDS:\n        out += ((\"\".join(order), \"exact_reordered\")", "    if False:\n        out += ((\"\".join(order), \"exact_reordered\")"),
    Mutant("matching", M, "    if is_tone_pinyin(joined):", "    if False:"),
    Mutant("matching", RS, '    "alias": "exact_alias",', '    "alias": "exact_name",'),
    Mutant("matching", RS, "    if len({c.entity_id for c in candidates}) == 1:", "    if len({c.entity_id for c in candidates}) >= 1:",
           "validation refuses a name or alias that two entities share after normalisation, so an exact key never names two"),
    Mutant("matching", M, '    if not strip_generic(plain):\n        return none(query, key, "the query is only generic words")', "    if False:\n        pass"),
    Mutant("matching", M, "        if rival is not None and rival.score >= best.score:", "        if rival is not None and rival.score > best.score:"),
    Mutant("matching", M, "        if rival is not None and rival.score >= best.score:", "        if False:"),
    Mutant("matching", M, "        if others:", "        if False:"),
    Mutant("matching", M, "        if c.entity_id not in best or c.score > best[c.entity_id].score:", "        if c.entity_id not in best or c.score < best[c.entity_id].score:"),
    Mutant("matching", RS, "        return self.best.entity_id if self.best and self.decision == DECISION_MATCH else None", "        return self.best.entity_id if self.best else None",
           "every ambiguous or none result is built with best=None"),
    Mutant("matching", M, "    folded_tokens = [to_simplified(t) for t in tokens]", "    folded_tokens = list(tokens)"),
    Mutant("matching", M, "        found = index.romanised(form)\n        if found:", "        found = index.romanised(form)\n        if False:"),
    Mutant("matching", N, '    folded = unicodedata.normalize("NFKC", strip_controls(text))', '    folded = unicodedata.normalize("NFC", strip_controls(text))'),
    Mutant("matching", N, "        folded = folded.translate(_CONFUSABLES)", "        pass"),
    Mutant("matching", N, '    cleaned = strip_marks(clean(text))', '    cleaned = clean(text)'),
    Mutant("matching", N, '        return tuple(re.findall(r"[a-z0-9]+", cleaned))', '        return tuple(re.findall(r"[a-z]+", cleaned))'),
    Mutant("matching", N, '    host = found["host"].removeprefix("www.")', '    host = found["host"]'),
    Mutant("matching", N, "            out.append((token, token in generic.latin))", "            out.append((token, False))"),
    Mutant("matching", N, "        key=lambda ij: (ij[0] + n - ij[1], ij),", "        key=lambda ij: (n - ij[0] - ij[1], ij),"),
    Mutant("matching", N, "    if length < minimum + 3:\n        return 1", "    if length < minimum + 2:\n        return 1"),
    Mutant("matching", N, "    if length < minimum + 8:\n        return 2", "    if length < minimum + 9:\n        return 2"),
    Mutant("matching", N, "    if length < minimum:\n        return 0", "    if length <= minimum:\n        return 0"),
    Mutant("matching", N, "        found = suffix.search(token)\n        if found:", "        found = suffix.search(token)\n        if False:"),
    Mutant("matching", N, "    if text.isprintable():\n        return text\n    import unicodedata", "    return text\n    import unicodedata"),
]  # fmt: skip
