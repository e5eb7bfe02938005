"""Fixtures of the template gallery and guided Grobkonzept tests."""

from __future__ import annotations

import pytest

from designer.extensions import db


@pytest.fixture
def designer_user(make_user, workspace):
    return make_user("designer@example.org", workspace=workspace, role="designer")


@pytest.fixture
def blended(app, workspace, designer_user):
    """A design created from the Blended-Learning template by a designer."""
    from designer.services.design_templates import create_from_template

    design = create_from_template(
        designer_user,
        workspace,
        "builtin:blended",
        "Digitale Lernangebote entwickeln",
        "de",
        app.extensions["file_store"],
    )
    db.session.commit()
    return design
