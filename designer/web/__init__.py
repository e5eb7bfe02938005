"""Blueprints: thin controllers that parse, authorise (through services), call a service
and render."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from designer.web import (
        account,
        admin,
        api,
        auth,
        awards,
        badges,
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
        offers,
        plan_import,
        preview,
        printing,
        quality,
        requests,
        reviews,
        seal,
        sign_on,
        tokens,
        wizard,
        workspaces,
    )

    app.register_blueprint(auth.bp)
    app.register_blueprint(sign_on.bp)
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
    app.register_blueprint(offers.bp)
    app.register_blueprint(account.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(requests.bp)
    app.register_blueprint(badges.bp)
    app.register_blueprint(awards.bp)
