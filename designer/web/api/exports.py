"""Exports: every format of `designer.export.formats`, the file streamed from disk."""

from __future__ import annotations

import re
from typing import Any

from flask import jsonify, send_file
from flask_babel import lazy_gettext as _l

from designer.core.assets import MissingAsset
from designer.export.formats import formats
from designer.export.options import ExportOption, InvalidOptions
from designer.queries.exporting import download_name, export_to_stream
from designer.services.permissions import Action
from designer.web.api import common, schemas
from designer.web.api.errors import invalid_response
from designer.web.api.spec import operation
from designer.web.export_options import problem_texts


def _option_schema(option: ExportOption) -> dict[str, Any]:
    """What `export.options.parse_options` takes for the option: one of its declared
    values, or for a multiple choice several of them joined by commas (spaces around a
    value and empty pieces are ignored there)."""
    if not option.multiple:
        return {"type": "string", "enum": list(option.values)}
    piece = "\\s*(" + "|".join(re.escape(v) for v in option.values) + ")?\\s*"
    return {"type": "string", "pattern": f"^{piece}(,{piece})*$", "description": "Comma-separated"}


def export_request_schema() -> dict[str, Any]:
    """`format` and the options of that format (`oneOf`, one variant per format)."""
    schema = schemas.obj(
        {
            "format": {"type": "string", "enum": sorted(formats())},
            "options": {
                "type": "object",
                "additionalProperties": {"type": "string", "maxLength": 200},
            },
        },
        ("format",),
    )
    schema["oneOf"] = [
        schemas.obj(
            {
                "format": {"type": "string", "const": fmt.key},
                "options": schemas.obj({o.name: _option_schema(o) for o in fmt.options}),
            },
            ("format",),
        )
        for fmt in formats().values()
    ]
    return schema


def export_types() -> list[str]:
    """The content types an export answers with, one per format's file type."""
    return sorted({fmt.mimetype for fmt in formats().values()})


def formats_schema() -> dict[str, Any]:
    option = schemas.obj(
        {
            "name": {"type": "string"},
            "default": {"type": "string"},
            "multiple": {"type": "boolean"},
            "choices": {"type": "array", "items": {"type": "string"}},
        }
    )
    return schemas.list_of(
        schemas.obj(
            {
                "key": {"type": "string"},
                "label": {"type": "string"},
                "extension": {"type": "string"},
                "mimetype": {"type": "string"},
                "options": schemas.list_of(option),
            }
        )
    )


@operation(
    "GET",
    "/formats",
    summary=_l("List the export formats and their options"),
    tag="exports",
    writes=False,
    result=formats_schema(),
)
def list_formats():
    return jsonify(
        [
            {
                "key": f.key,
                "label": f.label,
                "extension": f.extension,
                "mimetype": f.mimetype,
                "options": [
                    {
                        "name": o.name,
                        "default": o.default,
                        "multiple": o.multiple,
                        "choices": list(o.values),
                    }
                    for o in f.options
                ],
            }
            for f in formats().values()
        ]
    )


@operation(
    "POST",
    "/designs/<int:design_id>/exports",
    summary=_l("Export a design; the answer is the file"),
    tag="exports",
    writes=False,
    body=export_request_schema,
    binary=export_types,
    errors=(422,),
    description=_l("Read-scoped tokens may export: an export changes nothing."),
)
def create_export(design_id: int):
    design = common.design(design_id, Action.DESIGN_EXPORT)
    data = common.json_body()
    given = data.get("options", {})
    try:
        stream, size, fmt = export_to_stream(design, data["format"], given)
    except InvalidOptions as exc:
        return invalid_response(
            {f"options.{p.name}": p.code for p in exc.problems},
            {f"options.{name}": text for name, text in problem_texts(exc).items()},
        )
    except MissingAsset as exc:
        return jsonify(error="missing_asset", problems=[str(exc)]), 422
    response = send_file(
        stream,
        mimetype=fmt.mimetype,
        as_attachment=True,
        download_name=download_name(design, fmt, given),
    )
    response.content_length = size
    return response
