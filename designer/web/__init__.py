"""Blueprints: thin controllers that parse, authorise (through services), call a service
and render."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from designer.web import (
        api,
        auth,
        canvas,
        checklists,
        collab,
        comments,
        design_templates,
        designs,
        editor,
        library,
        lti,
        lti_launch,
        notices,
        notifications,
        plan_import,
        preview,
        printing,
        quality,
        reviews,
        seal,
        tokens,
        wizard,
        workspaces,
    )

    app.register_blueprint(auth.bp)
    app.register_blueprint(workspaces.bp)
    app.register_blueprint(designs.bp)
    app.register_blueprint(plan_import.bp)
    app.register_blueprint(collab.bp)
    app.register_blueprint(wizard.bp)
    app.register_blueprint(printing.bp)
    app.register_blueprint(preview.bp)
    app.register_blueprint(design_templates.bp)
    app.register_blueprint(canvas.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(library.bp)
    for quality_bp in (
        checklists.bp,
        comments.bp,
        notifications.bp,
        quality.bp,
        reviews.bp,
        seal.bp,
    ):
        app.register_blueprint(quality_bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(api.docs_bp)
    app.register_blueprint(tokens.bp)
    app.register_blueprint(lti.bp)
    app.register_blueprint(lti_launch.bp)
    app.register_blueprint(notices.bp)
