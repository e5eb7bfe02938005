"""Checks a JSON body against the (small) JSON-schema subset the API's spec table uses.

The services validate meaning (vocabularies, dates, permissions); this checks shape first,
so that a string where an id belongs, an id beyond the database's integer range or a
control character (NUL, vertical tab) never reaches the database. Error codes: see
`designer.web.api.errors`."""

from __future__ import annotations

from typing import Any

from designer.core.characters import has_control

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


def _is(value: Any, name: str) -> bool:
    if name == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


def _string_problem(value: str, schema: dict[str, Any]) -> str | None:
    if has_control(value):  # NUL, vertical tab, lone surrogates, ...: see core.text
        return "control_character"
    if len(value) > schema.get("maxLength", len(value)):
        return "too_long"
    if len(value) < schema.get("minLength", 0):
        return "required"
    return None


def validate(schema: dict[str, Any], value: Any, path: str = "") -> dict[str, str]:
    """Every problem as {dotted field path: code}; empty when `value` fits `schema`."""
    label = path or "body"
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is(value, name) for name in names):
            return {label: "wrong_type"}
    if "enum" in schema and value not in schema["enum"]:
        return {label: "unknown"}
    if isinstance(value, str):
        problem = _string_problem(value, schema)
        return {label: problem} if problem else {}
    if isinstance(value, int) and not isinstance(value, bool):
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            return {label: "out_of_range"}
        return {}
    if isinstance(value, list):
        return _validate_array(schema, value, path, label)
    if isinstance(value, dict):
        return _validate_object(schema, value, path)
    return {}


def _validate_array(schema: dict[str, Any], value: list[Any], path: str, label: str) -> dict:
    if len(value) > schema.get("maxItems", len(value)):
        return {label: "too_many"}
    errors: dict[str, str] = {}
    for i, item in enumerate(value):
        errors.update(validate(schema.get("items", {}), item, f"{path}.{i}" if path else str(i)))
    return errors


def _validate_object(schema: dict[str, Any], value: dict[str, Any], path: str) -> dict:
    errors: dict[str, str] = {}
    properties = schema.get("properties", {})
    for name in schema.get("required", ()):
        if name not in value:
            errors[f"{path}.{name}" if path else name] = "required"
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        where = f"{path}.{name}" if path else name
        if name in properties:
            errors.update(validate(properties[name], item, where))
        elif extra is False:
            errors[where] = "unknown_field"
        elif isinstance(extra, dict):
            errors.update(validate(extra, item, where))
    return errors
