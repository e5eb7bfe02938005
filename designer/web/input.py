"""The request as the views see it: form texts and upload file names without control
characters (one place for every form, see `designer.core.characters`), and JSON bodies that
cannot crash the parser by nesting."""

from __future__ import annotations

from typing import Any

from flask import Request
from werkzeug.datastructures import FileStorage, ImmutableMultiDict

from designer.core.characters import strip_control

MAX_JSON_DEPTH = 32


def _depth(value: Any, limit: int) -> int:
    """How deeply `value` nests, counting no further than `limit` + 1."""
    if limit < 0 or not isinstance(value, dict | list):
        return 0
    items = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(item, limit - 1) for item in items), default=0)


def _clean_file(upload: FileStorage) -> FileStorage:
    if upload.filename:
        upload.filename = strip_control(upload.filename)
    return upload


class InputRequest(Request):
    """Form values have control characters removed (Word's line break becomes a new
    line); a JSON body nested deeper than MAX_JSON_DEPTH counts as no JSON, and
    `json_problem` says so ("too_deep")."""

    json_problem: str | None = None

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = ImmutableMultiDict(
            (strip_control(key), strip_control(value)) for key, value in self.form.items(multi=True)
        )
        files = ImmutableMultiDict(
            (key, _clean_file(upload)) for key, upload in self.files.items(multi=True)
        )
        d = self.__dict__
        d["form"], d["files"] = form, files

    def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        try:
            data = super().get_json(force=force, silent=silent, cache=cache)
        except RecursionError:
            data = None
        else:
            if _depth(data, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH:
                return data
        self.json_problem = "too_deep"
        if silent:
            return None
        return self.on_json_loading_failed(None)
