"""Blueprints: thin controllers that parse, authorise (through services), call a service
and render."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from designer.blueprints import api, auth, designs, tokens, workspaces

    app.register_blueprint(auth.bp)
    app.register_blueprint(workspaces.bp)
    app.register_blueprint(designs.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(api.docs_bp)
    app.register_blueprint(tokens.bp)
