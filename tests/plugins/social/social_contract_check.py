"""Read ``openapi.yaml`` and check JSON documents against its schemas, without third-party packages.

``jsonschema`` and a YAML library are not installed (and not worth adding for one file), so this is
a deliberately small reader and checker:

- :func:`load_yaml_subset` reads the YAML subset the contract is written in (block mappings and
  sequences, flow lists of scalars, quoted and plain scalars, literal ``|`` blocks) and raises on
  anything else, so a construct it does not know fails loudly instead of being misread;
- :func:`check` validates against the JSON Schema keywords the contract uses and raises on any
  keyword it does not know, so a schema can never pass because the checker skipped part of it.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

# -- YAML subset --------------------------------------------------------------------------------

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


class YamlSubsetError(ValueError):
    pass


def _scalar(text: str, where: int) -> Any:
    text = text.strip()
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise YamlSubsetError(f"line {where}: unterminated single-quoted scalar")
        return text[1:-1].replace("''", "'")
    if text.startswith('"'):
        try:
            return json.loads(text)
        except ValueError:
            raise YamlSubsetError(f"line {where}: double-quoted scalar outside the subset: {text}") from None
    if text.startswith("["):
        if not text.endswith("]"):
            raise YamlSubsetError(f"line {where}: a flow list must close on its line")
        inner = text[1:-1].strip()
        return [_scalar(item, where) for item in _split_flow(inner, where)] if inner else []
    if text[:1] in ("{", "&", "*", "!", "%", "@", "`", ">"):
        raise YamlSubsetError(f"line {where}: construct outside the subset: {text}")
    if " #" in text:
        text = text.split(" #", 1)[0].rstrip()
    if text in ("null", "~", ""):
        return None
    if text in ("true", "false"):
        return text == "true"
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if ": " in text or text.endswith(":"):
        raise YamlSubsetError(f"line {where}: a plain scalar may not contain ': ': {text}")
    return text


def _split_flow(inner: str, where: int) -> list[str]:
    items, current, quote = [], "", ""
    for ch in inner:
        if quote:
            current += ch
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
            current += ch
        elif ch == ",":
            items.append(current)
            current = ""
        elif ch in "[]{}":
            raise YamlSubsetError(f"line {where}: nested flow collections are outside the subset")
        else:
            current += ch
    if quote:
        raise YamlSubsetError(f"line {where}: unterminated quote in a flow list")
    return [*items, current]


def _split_key(text: str, where: int) -> tuple[str, str] | None:
    """``key: rest`` → (key, rest); None when the line is not a mapping entry."""
    if text[:1] in ("'", '"'):
        end = text.find(text[0], 1)
        while text[0] == "'" and end != -1 and text[end + 1 : end + 2] == "'":
            end = text.find("'", end + 2)
        if end == -1 or text[end + 1 : end + 2] != ":":
            return None
        return _scalar(text[: end + 1], where), text[end + 2 :].strip()
    m = re.match(r"^([^\s'\"#][^:]*?):(\s+(.*))?$", text)
    if not m:
        return None
    return m.group(1), (m.group(3) or "").strip()


class _Reader:
    def __init__(self, text: str) -> None:
        self.raw = text.splitlines()
        # structural lines: [indent, text, line number]; blank and comment lines are skipped
        self.lines: list[list[Any]] = []
        for no, line in enumerate(self.raw, start=1):
            if "\t" in line[: len(line) - len(line.lstrip())]:
                raise YamlSubsetError(f"line {no}: tabs in indentation")
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                self.lines.append([len(line) - len(line.lstrip(" ")), stripped, no])
        self.i = 0

    def node(self, indent: int) -> Any:
        line = self.lines[self.i]
        if line[0] != indent:
            raise YamlSubsetError(f"line {line[2]}: unexpected indentation")
        if line[1] == "-" or line[1].startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent)

    def _value(self, rest: str, indent: int, no: int, *, allow_same_indent_seq: bool) -> Any:
        if rest in ("|", "|-"):
            return self.block(indent, no, keep_newline=rest == "|")
        if rest:
            return _scalar(rest, no)
        if self.i < len(self.lines):
            nxt = self.lines[self.i]
            if nxt[0] > indent:
                return self.node(nxt[0])
            if allow_same_indent_seq and nxt[0] == indent and (nxt[1] == "-" or nxt[1].startswith("- ")):
                return self.sequence(indent)
        return None

    def mapping(self, indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while self.i < len(self.lines) and self.lines[self.i][0] == indent:
            _, text, no = self.lines[self.i]
            if text == "-" or text.startswith("- "):
                break
            split = _split_key(text, no)
            if split is None:
                raise YamlSubsetError(f"line {no}: expected 'key: value', got {text!r}")
            key, rest = split
            if key in result:
                raise YamlSubsetError(f"line {no}: duplicate key {key!r}")
            self.i += 1
            result[key] = self._value(rest, indent, no, allow_same_indent_seq=True)
        if self.i < len(self.lines) and self.lines[self.i][0] > indent:
            raise YamlSubsetError(f"line {self.lines[self.i][2]}: unexpected indentation")
        return result

    def sequence(self, indent: int) -> list[Any]:
        result: list[Any] = []
        while self.i < len(self.lines) and self.lines[self.i][0] == indent:
            line = self.lines[self.i]
            if not (line[1] == "-" or line[1].startswith("- ")):
                break
            rest = line[1][1:].strip()
            if rest == "-" or rest.startswith("- "):
                raise YamlSubsetError(f"line {line[2]}: nested inline sequences are outside the subset")
            if rest and not rest.startswith("[") and _split_key(rest, line[2]) is not None:
                # "- key: value" opens a mapping whose keys sit two columns in
                line[0], line[1] = indent + 2, rest
                result.append(self.mapping(indent + 2))
            else:
                self.i += 1
                result.append(self._value(rest, indent, line[2], allow_same_indent_seq=False))
        return result

    def block(self, indent: int, no: int, *, keep_newline: bool) -> str:
        """A literal block scalar: the raw lines after line ``no`` indented deeper than ``indent``."""
        body: list[str] = []
        raw_i = no  # index of the line after the header in self.raw
        block_indent = None
        while raw_i < len(self.raw):
            line = self.raw[raw_i]
            if line.strip():
                current = len(line) - len(line.lstrip(" "))
                if current <= indent:
                    break
                block_indent = current if block_indent is None else block_indent
                if current < block_indent:
                    raise YamlSubsetError(f"line {raw_i + 1}: block scalar less indented than its first line")
                body.append(line[block_indent:])
            else:
                body.append("")
            raw_i += 1
        while self.i < len(self.lines) and self.lines[self.i][2] <= raw_i:
            self.i += 1
        while body and body[-1] == "":
            body.pop()
        return "\n".join(body) + ("\n" if keep_newline and body else "")


def load_yaml_subset(text: str) -> Any:
    reader = _Reader(text)
    if not reader.lines:
        return None
    value = reader.node(reader.lines[0][0])
    if reader.i != len(reader.lines):
        raise YamlSubsetError(f"line {reader.lines[reader.i][2]}: unexpected content")
    return value


# -- JSON Schema subset --------------------------------------------------------------------------

_ANNOTATIONS = {"description", "summary", "title", "example", "examples", "deprecated", "default"}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _format_ok(fmt: str, value: str) -> bool:
    try:
        if fmt == "date":
            return bool(re.match(r"^\d{4}-\d{2}-\d{2}$", value)) and bool(date.fromisoformat(value))
        if fmt == "date-time":
            return bool(_DATE_TIME.match(value)) and bool(datetime.fromisoformat(value))
    except ValueError:
        return False
    raise ValueError(f"format {fmt!r} is not supported by the checker")


def resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref are supported: {ref}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def errors(
    instance: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$", *, strict: bool = False
) -> list[str]:
    """Every way ``instance`` breaks ``schema``. ``strict``: members the schema does not declare count too."""
    found: list[str] = []
    if "$ref" in schema:
        found += errors(instance, resolve(root, schema["$ref"]), root, path, strict=strict)
    for key, rule in schema.items():
        if key in _ANNOTATIONS or key == "$ref":
            continue
        if key == "type":
            kinds = rule if isinstance(rule, list) else [rule]
            if not any(_TYPES[k](instance) for k in kinds):
                found.append(f"{path}: expected {' or '.join(kinds)}, got {type(instance).__name__}")
                return found
        elif key == "enum":
            if instance not in rule:
                found.append(f"{path}: {instance!r} is not one of {rule}")
        elif key == "const":
            if instance != rule:
                found.append(f"{path}: {instance!r} is not {rule!r}")
        elif key == "pattern":
            if isinstance(instance, str) and not re.search(rule, instance):
                found.append(f"{path}: {instance!r} does not match {rule}")
        elif key == "minLength":
            if isinstance(instance, str) and len(instance) < rule:
                found.append(f"{path}: shorter than {rule}")
        elif key == "maxLength":
            if isinstance(instance, str) and len(instance) > rule:
                found.append(f"{path}: longer than {rule}")
        elif key == "format":
            if isinstance(instance, str) and not _format_ok(rule, instance):
                found.append(f"{path}: {instance!r} is not a {rule}")
        elif key == "required":
            if isinstance(instance, dict):
                found += [f"{path}: missing {name!r}" for name in rule if name not in instance]
        elif key == "properties":
            if isinstance(instance, dict):
                for name, sub in rule.items():
                    if name in instance:
                        found += errors(instance[name], sub, root, f"{path}.{name}", strict=strict)
                if strict:
                    found += [f"{path}: undocumented member {name!r}" for name in instance if name not in rule]
        elif key == "additionalProperties":
            if rule is False and isinstance(instance, dict):
                declared = schema.get("properties", {})
                found += [f"{path}: member {name!r} is not allowed" for name in instance if name not in declared]
        elif key == "items":
            if isinstance(instance, list):
                for n, item in enumerate(instance):
                    found += errors(item, rule, root, f"{path}[{n}]", strict=strict)
        elif key == "oneOf":
            matching = [sub for sub in rule if not errors(instance, sub, root, path, strict=strict)]
            if len(matching) != 1:
                found.append(f"{path}: matches {len(matching)} of the oneOf alternatives, not exactly one")
        else:
            raise ValueError(f"{path}: schema keyword {key!r} is not supported by the checker")
    return found


def check(instance: Any, schema: dict[str, Any], root: dict[str, Any], *, strict: bool = False) -> None:
    problems = errors(instance, schema, root, strict=strict)
    if problems:
        raise AssertionError("does not follow the contract:\n  " + "\n  ".join(problems))
