"""Load briefgen.toml into a typed Config, reporting every problem at once with its key."""
from __future__ import annotations

import re
import tomllib
import typing
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from briefgen.config.schema import Config
from briefgen.errors import ConfigError

CONFIG_NAME = "briefgen.toml"


def find_project(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` holding briefgen.toml; `start` itself if none does."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return here


class ConfigProblems(ConfigError):
    """Every problem of one briefgen.toml, one per line as `file:line: key: message`."""

    def __init__(self, problems: list[str], path: Path | None, lines: dict[str, int]) -> None:
        located = [(lines.get(_problem_key(p)), p) for p in problems]
        self.problems = sorted(located, key=lambda lp: (lp[0] is None, lp[0] or 0))   # in file order
        super().__init__("\n".join(problems), path, self.problems[0][0])

    def __str__(self) -> str:
        where = f"{self.path}:" if self.path else ""
        return "\n".join(f"{where}{line}: {text}" if line and where else f"{where} {text}".lstrip()
                         for line, text in self.problems)


def _problem_key(problem: str) -> str:
    """'site.per_page: …' -> 'site.per_page'; 'locales[1]: …' -> 'locales'."""
    return re.sub(r"\[\d+\]$", "", problem.split(":", 1)[0])


_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")


def key_lines(text: str) -> dict[str, int]:
    """Dotted key -> the line (1-based) that sets it, and table -> its header line. tomllib keeps no
    positions; a line scan is enough for the keys briefgen reads (no multi-line keys)."""
    found: dict[str, int] = {}
    table = ""
    in_string = False
    for number, line in enumerate(text.splitlines(), 1):
        opens = line.count('"""') % 2 or line.count("'''") % 2
        if not in_string:
            header = _TABLE.match(line)
            key = None if header else _KEY.match(line)
            if header:
                table = ".".join(part.strip().strip('"\'') for part in header.group(1).split("."))
                found.setdefault(table, number)
            elif key:
                dotted = ".".join(part.strip().strip('"\'') for part in key.group(1).split("."))
                found.setdefault(f"{table}.{dotted}" if table else dotted, number)
        if opens:
            in_string = not in_string
    return found


def _check_value(key: str, value: Any, kind: Any, meta: dict, problems: list[str]) -> Any:
    origin = typing.get_origin(kind) or kind
    ok = {
        bool: lambda v: isinstance(v, bool),
        int: lambda v: isinstance(v, int) and not isinstance(v, bool),
        float: lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        str: lambda v: isinstance(v, str),
        list: lambda v: isinstance(v, list),
        dict: lambda v: isinstance(v, dict),
    }.get(origin, lambda v: True)(value)
    if not ok:
        problems.append(f"{key}: expected {getattr(origin, '__name__', origin)}, got {value!r}")
        return None
    if meta.get("choices") and value not in meta["choices"]:
        problems.append(f"{key}: {value!r} is not one of {', '.join(map(repr, meta['choices']))}")
    if meta.get("minimum") is not None and value < meta["minimum"]:
        problems.append(f"{key}: {value!r} is below the minimum {meta['minimum']}")
    return float(value) if origin is float else value


def _build(cls: type, data: dict, prefix: str, problems: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls) if not f.metadata.get("internal")}
    for key in sorted(set(data) - set(known)):
        import difflib   # here: only a config with an unknown key needs it (~2 ms of every command's start)

        near = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
        problems.append(f"{prefix}{key}: unknown key; did you mean `{near[0]}`?" if near else
                        f"{prefix}{key}: unknown key (known: {', '.join(sorted(known))})")
    values = {}
    for name, f in known.items():
        if name not in data:
            continue
        kind = hints[name]
        if is_dataclass(kind):
            if not isinstance(data[name], dict):
                problems.append(f"{prefix}{name}: expected a table [{prefix}{name}]")
                continue
            values[name] = _build(kind, data[name], f"{prefix}{name}.", problems)
        else:
            checked = _check_value(prefix + name, data[name], kind, dict(f.metadata), problems)
            if checked is not None:
                values[name] = checked
    return cls(**values)


def _check_semantics(cfg: Config, problems: list[str]) -> None:
    """Checks that need more than a type: locales babel knows, a real time zone, a URL."""
    for key, code in [("locale", cfg.locale)] + [(f"locales[{i}]", c) for i, c in enumerate(cfg.locales)]:
        try:
            Locale.parse(str(code))
        except (UnknownLocaleError, ValueError, TypeError):
            problems.append(f"{key}: {code!r} is not a locale babel knows (e.g. fr_CH, de, en)")
    try:
        ZoneInfo(cfg.timezone)
    except Exception:  # noqa: BLE001 - ZoneInfo raises several kinds for a bad key
        problems.append(f"timezone: {cfg.timezone!r} is not an IANA time zone (e.g. Europe/Zurich)")
    if not cfg.base_url.startswith(("http://", "https://")):
        problems.append(f"base_url: {cfg.base_url!r} must start with http:// or https://")


def load_config(root: Path | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Read <root>/briefgen.toml (defaults when absent). Raises ConfigError listing every problem."""
    root = (root or find_project()).resolve()
    path = root / CONFIG_NAME
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            # Python 3.11's TOMLDecodeError has no lineno; its message ends "(at line N, column M)".
            found = re.search(r"at line (\d+)", str(exc))
            raise ConfigError(f"not valid TOML: {exc}", path, int(found.group(1)) if found else None) from None
        except UnicodeDecodeError:
            raise ConfigError("not UTF-8 text", path) from None
    for key, value in (overrides or {}).items():
        data[key] = value
    problems: list[str] = []
    cfg = _build(Config, data, "", problems)
    _check_semantics(cfg, problems)
    if problems:
        raise ConfigProblems(problems, path if path.is_file() else None,
                             key_lines(path.read_text(encoding="utf-8")) if path.is_file() else {})
    if not cfg.base_url.endswith("/"):
        cfg = replace(cfg, base_url=cfg.base_url + "/")
    return replace(cfg, root=root, source=path if path.is_file() else None)
