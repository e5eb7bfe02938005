"""Account → API tokens: create (the secret is shown once), list and revoke."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.services import tokens as token_service
from designer.web.forms.tokens import RevokeTokenForm, TokenForm
from designer.web.transaction import saving

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")


@bp.route("", methods=["GET", "POST"])
@login_required
def index():
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        with saving(form) as outcome:
            token, secret = token_service.create_token(
                current_user, form.name.data, form.scope.data
            )
        if outcome.ok:
            form = TokenForm(formdata=None)
    return render_template(
        "account/tokens.html",
        form=form,
        secret=secret,
        tokens=token_service.tokens_of(current_user),
        revoke_form=RevokeTokenForm(),
    )


@bp.post("/<int:token_id>/revoke")
@login_required
def revoke(token_id: int):
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    with saving():
        token = token_service.revoke_token(current_user, token_id)
    flash(_("The token %(name)s was revoked.", name=token.name), "success")
    return redirect(url_for("tokens.index"))
