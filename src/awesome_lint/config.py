"""Configuration: discovery, presets, per-rule levels and options, validation.

A config is ``.awesome-lint.yaml`` (or ``.yml``) found upward from each file, ``[tool.awesome-lint]`` in a
``pyproject.toml`` found the same way, or a file named with ``--config``::

    extends: paper-list            # or awesome, or auto (the default)
    rules:
      blank-lines: off
      entry-order: {level: error, order: year-desc}
    exclude: ["docs/**", "CHANGELOG.md"]

Every mistake is reported as a ConfigError: one line naming the key, with the closest valid name.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from . import data
from .record import Record
from .rules import all_rules
from .suggest import did_you_mean

CONFIG_NAMES = (".awesome-lint.yaml", ".awesome-lint.yml")
LEVELS = ("off", "info", "warning", "error")
PRESET_NAMES = ("auto", *data.PRESETS)

# Top-level keys. The knowledge keys extend the shipped data in rules/*.yaml; their contents are
# checked by the modules that read them.
TOP_LEVEL_KEYS = {
    "extends": "the preset to start from: auto, paper-list or awesome",
    "rules": "per-rule levels and options",
    "exclude": "glob patterns of files not to lint, relative to the config file",
    "venues": "extra venues, as in rules/venues.yaml",
    "labels": "extra link labels, as in rules/labels.yaml",
    "hosts": "extra hosts, as in rules/hosts.yaml",
    "conventions": "conventions to pin instead of inferring them from the list",
    "links": "settings for --check-links",
}


class ConfigError(Exception):
    """A bad config. The message is one line; the exit code is 2."""


class RuleSetting(Record):
    level: str  # one of LEVELS
    options: dict

    _FIELDS = tuple(__annotations__)

    def __init__(self, level: str, options: dict | None = None) -> None:
        self.level = level
        self.options = {} if options is None else options

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())


class Config(Record):
    path: Path | None  # the file it came from, None for the built-in defaults
    preset: str
    rules: dict[str, RuleSetting]  # explicit settings, over the preset's
    exclude: tuple[str, ...]
    extra: dict  # venues, labels, hosts, conventions, links

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        path: Path | None = None,
        preset: str = "auto",
        rules: dict[str, RuleSetting] | None = None,
        exclude: tuple[str, ...] = (),
        extra: dict | None = None,
    ) -> None:
        self.path = path
        self.preset = preset
        self.rules = {} if rules is None else rules
        self.exclude = exclude
        self.extra = {} if extra is None else extra

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def excludes(self, file: Path) -> bool:
        """Whether ``file`` matches an ``exclude`` pattern (also for paths passed explicitly)."""
        if not self.exclude:
            return False
        try:
            relative = file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        return any(_glob_regex(pattern).fullmatch(relative) for pattern in self.exclude)


@cache
def _glob_regex(pattern: str) -> re.Pattern:
    """A glob as a regex: ``**`` spans folders, ``*`` and ``?`` do not; a pattern with no slash matches anywhere."""
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    parts, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    if pattern.endswith("/"):
        parts.append(".*")
    return re.compile("".join(parts))


# ---------------------------------------------------------------------------------------------- parsing


def parse_rule_setting(rule_id: str, value, where: str) -> RuleSetting:
    """One entry of a ``rules:`` mapping: off, on, a level, or {level: …, option: value}."""
    rules = all_rules()
    if rule_id not in rules:
        raise ConfigError(f"{where}: unknown rule {rule_id!r}{did_you_mean(rule_id, rules)}")
    rule = rules[rule_id]
    if value is True or value == "on":
        return RuleSetting(rule.severity)
    if value is False or value is None:
        return RuleSetting("off")
    if isinstance(value, str):
        if value not in LEVELS:
            raise ConfigError(
                f"{where}: rule {rule_id!r} has level {value!r}; use one of off, on, {', '.join(LEVELS[1:])}"
            )
        return RuleSetting(value)
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: rule {rule_id!r} must be off, on, a level or a mapping, not {value!r}")
    options = dict(value)
    level = options.pop("level", rule.severity)
    if level == "on":
        level = rule.severity
    if level not in LEVELS:
        raise ConfigError(f"{where}: rule {rule_id!r} has level {level!r}; use one of {', '.join(LEVELS)}")
    for name, option in options.items():
        if name not in rule.options:
            valid = ["level", *rule.options]
            raise ConfigError(f"{where}: rule {rule_id!r} has no option {name!r}{did_you_mean(name, valid)}")
        _check_option_type(rule_id, name, option, rule.options[name], where)
        if name in rule.regex_options:
            _check_regex(rule_id, name, option, where)
    return RuleSetting(level, options)


def _check_regex(rule_id: str, name: str, value, where: str) -> None:
    """Every pattern of a regular-expression option compiles (a rule would otherwise fail on each file)."""
    for pattern in [value] if isinstance(value, str) else value:
        try:
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError) as err:
            shown = repr(pattern) if len(repr(pattern)) <= 60 else repr(pattern)[:57] + "..."
            raise ConfigError(
                f"{where}: option {name!r} of rule {rule_id!r}: invalid regular expression {shown}: {err}"
            ) from None


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string", dict: "a mapping"}


def _check_option_type(rule_id: str, name: str, value, default, where: str) -> None:
    """An option's value must have the type of its default (a list's items, the type of its first item)."""
    if isinstance(default, list | tuple) and isinstance(value, list | tuple):
        if not default or all(_has_type_of(item, default[0]) for item in value):
            return
        expected = f"a list of {_type_name(default[0]).removeprefix('a ').removeprefix('an ')}s"
    elif _has_type_of(value, default):
        return
    else:
        expected = _type_name(default)
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    raise ConfigError(f"{where}: option {name!r} of rule {rule_id!r} must be {expected}, not {shown}")


def _has_type_of(value, default) -> bool:
    if default is None:
        return True
    if isinstance(value, bool) != isinstance(default, bool):
        return False  # YAML's true is no number, and 1 is no boolean
    if isinstance(default, float) and isinstance(value, int):
        return True
    return isinstance(value, type(default))


def _type_name(default) -> str:
    if isinstance(default, list | tuple):
        return "a list"
    return _TYPE_NAMES.get(type(default), f"a {type(default).__name__}")


def from_mapping(raw, path: Path | None) -> Config:
    """Build and validate a Config from a parsed YAML or TOML mapping."""
    where = str(path) if path else "config"
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the config must be a mapping of keys to values")
    for key in raw:
        if key not in TOP_LEVEL_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{did_you_mean(str(key), TOP_LEVEL_KEYS)}")
    preset = raw.get("extends", "auto")
    if preset not in PRESET_NAMES:
        raise ConfigError(f"{where}: unknown preset {preset!r} in extends{did_you_mean(str(preset), PRESET_NAMES)}")
    rules_raw = raw.get("rules") or {}
    if not isinstance(rules_raw, dict):
        raise ConfigError(f"{where}: 'rules' must be a mapping of rule ids to settings")
    rules = {str(rule_id): parse_rule_setting(str(rule_id), value, where) for rule_id, value in rules_raw.items()}
    exclude = raw.get("exclude") or []
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise ConfigError(f"{where}: 'exclude' must be a list of glob patterns")
    extra = {key: raw[key] for key in raw if key not in ("extends", "rules", "exclude")}
    for key, value in extra.items():
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: {key!r} must be a mapping")
    _validate_knowledge(extra, where)
    return Config(path=path, preset=preset, rules=rules, exclude=tuple(exclude), extra=extra)


def _validate_knowledge(extra: dict, where: str) -> None:
    """The contents of ``venues:``, ``labels:``, ``hosts:`` and ``conventions:``, checked by their owners."""
    from . import conventions, knowledge

    try:
        knowledge.validate(extra)
        if "conventions" in extra:
            conventions.validate_pins(extra["conventions"])
        if "links" in extra:
            from .links import settings as link_settings

            link_settings.parse(extra["links"])
    except ValueError as err:
        raise ConfigError(f"{where}: {err}") from None


def load_file(path: Path) -> Config:
    """Read one config file: YAML (``yaml.safe_load``), or the ``[tool.awesome-lint]`` table of a pyproject.toml."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read config: {getattr(err, 'strerror', None) or err}") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            raw = tomllib.loads(text).get("tool", {}).get("awesome-lint", {})
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: invalid TOML: {err}") from None
        except RecursionError:
            raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    else:
        import yaml  # here, not at the top: a run without a YAML config never imports it

        try:
            raw = _load_yaml(text, path)
        except RecursionError:
            raise ConfigError(f"{path}: invalid YAML: nested too deeply") from None
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(err, "problem", None) or "syntax error"
            raise ConfigError(f"{path}: invalid YAML{at}: {problem}") from None
    return from_mapping(raw, path)


MAX_CONFIG_VALUES = 100_000  # values in a config with its aliases expanded: a "billion laughs" file is refused


def _load_yaml(text: str, path: Path):
    """``yaml.safe_load`` (no tags that build objects), refusing aliases that expand beyond MAX_CONFIG_VALUES."""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_CONFIG_VALUES:
            raise ConfigError(
                f"{path}: the config expands to more than {MAX_CONFIG_VALUES:,} values through its aliases (*name)"
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _expanded_size(root) -> int:
    """How many values a YAML node graph holds once every alias is expanded, counted without expanding it."""
    import yaml

    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            sizes[id(node)] = 1
            continue
        if children_done:
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 0) for child in children)
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "[tool.awesome-lint" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _discover_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and _has_tool_table(pyproject):
        return pyproject
    if folder.parent != folder:
        return _discover_in(folder.parent)
    return None


def discover(file: Path) -> Config:
    """The config that applies to ``file``: the nearest one upward from its folder, or the defaults."""
    found = _discover_in(file.resolve().parent)
    if not found:
        return Config()
    stat = found.stat()
    return _load_cached(found, stat.st_mtime_ns, stat.st_size)


@cache
def _load_cached(path: Path, mtime_ns: int, size: int) -> Config:
    """One parse per config file and version (the key changes when the file does), however many lists use it."""
    return load_file(path)


# ---------------------------------------------------------------------------------------------- resolving


def resolve_rules(
    config: Config,
    preset: str,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> dict[str, RuleSetting]:
    """The enabled rules and their settings: the preset, then the config, then --select and --ignore."""
    rules = all_rules()
    settings: dict[str, RuleSetting] = {}
    for rule_id, value in data.preset(preset).items():
        settings[rule_id] = parse_rule_setting(rule_id, value, f"preset {preset}")
    for rule_id, setting in config.rules.items():
        base = settings.get(rule_id)
        options = {**(base.options if base else {}), **setting.options}
        settings[rule_id] = RuleSetting(setting.level, options)
    if select:
        settings = {
            rule_id: settings.get(rule_id) if rule_id in settings else RuleSetting(rules[rule_id].severity)
            for rule_id in select
        }
        settings = {
            rule_id: s if s.level != "off" else RuleSetting(rules[rule_id].severity, s.options)
            for rule_id, s in settings.items()
        }
    for rule_id in ignore:
        settings.pop(rule_id, None)
    return {rule_id: s for rule_id, s in settings.items() if s.level != "off"}


def check_rule_ids(ids: tuple[str, ...], flag: str) -> None:
    """Reject unknown ids given to --select, --ignore or --explain."""
    rules = all_rules()
    for rule_id in ids:
        if rule_id not in rules:
            raise ConfigError(f"{flag}: unknown rule {rule_id!r}{did_you_mean(rule_id, rules)}")
