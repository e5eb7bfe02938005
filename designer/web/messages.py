"""User-facing texts for the error codes services raise (`Invalid.errors`)."""

from __future__ import annotations

from flask import flash
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from designer.services.errors import Invalid

ERROR_TEXTS = {
    "required": _l("This field is required."),
    "invalid": _l("This value is not valid."),
    "unknown": _l("Unknown value."),
    "unknown_field": _l("Unknown field."),
    "file_too_large": _l("The file is too large."),
    "file_empty": _l("The file is empty."),
    "file_type": _l(
        "This file type is not allowed. Allowed: PNG, JPEG, GIF, WebP, PDF, MP4, Word, Excel, "
        "PowerPoint and plain text; the file name must match its content."
    ),
    "no_answers": _l("A question needs at least two answers."),
    "no_correct_answer": _l("Mark at least one answer as correct."),
    "unmatched_item": _l(
        "Each item of a matching question needs the answer it belongs to. Leave the item "
        "empty to offer the answer as a distractor."
    ),
    "too_few_pairs": _l(
        "A matching question needs at least two items with their answers and three answers "
        "in all. Add a pair or an answer without an item (a distractor)."
    ),
    "no_accepted_answer": _l("A short-answer question needs at least one accepted answer."),
    "taken": _l("An account with this e-mail address exists already."),
    "wrong": _l("The password is wrong."),
    "common_password": _l(
        "This password is one of the most common ones and easy to guess. Please choose another."
    ),
    "login_link_invalid": _l(
        "This log-in link has been used or has expired. Ask a coordinator for a new one."
    ),
    "login_link_self": _l("Change your own password on the page “Change password”."),
    "login_link_elsewhere": _l(
        "This person also belongs to a workspace that you do not coordinate. The operator "
        "of this Kurswerk can make the link with the command “designer login-link”."
    ),
    "no_account": _l(
        "There is no account with this e-mail address. Ask the person to register first."
    ),
    "already_member": _l("This person is a member already."),
    "not_verified": _l(
        "This person has not confirmed their e-mail address yet. They can be added by address "
        "once they followed the link in the mail Kurswerk sent them."
    ),
    "already_verified": _l("This person has confirmed their e-mail address already."),
    "no_invitation_mails": _l(
        "This person does not want invitation mails. Create the link without an address and "
        "pass it on yourself."
    ),
    "verify_link_invalid": _l("This confirmation link is not valid or has expired."),
    "reset_link_invalid": _l(
        "This link has been used or has expired. Ask for a new one with “Forgot password?”."
    ),
    "sign_on_no_email": _l(
        "The provider did not tell Kurswerk your e-mail address, which a new account needs. "
        "Ask the provider's administrator to share it."
    ),
    "sign_on_email_taken": _l(
        "An account with this e-mail address exists, but the address is not confirmed yet "
        "(by Kurswerk or by the provider). Log in with your password, confirm your address, "
        "and then sign on again."
    ),
    "sign_on_deactivated": _l("This account is deactivated. Ask the administrator."),
    "sign_on_link_invalid": _l("This sign-on has expired or was used already. Please start again."),
    "issuer_invalid": _l("Enter the provider's issuer URL starting with https://"),
    "domain_invalid": _l("Enter a domain such as example.org."),
    "domain_not_yours": _l("You can only choose the domain of your own confirmed e-mail address."),
    "duplicate_join_rule": _l("This rule exists already."),
    "last_coordinator": _l("A workspace needs at least one coordinator."),
    "hand_over_first": _l(
        "You are the only coordinator of a workspace listed above. Make another member its "
        "coordinator first (on its members page), then delete your account."
    ),
    "same_email": _l("This is your current e-mail address already."),
    "deactivate_self": _l("You cannot deactivate your own account."),
    "deactivated": _l("This account is deactivated. Reactivate it first."),
    "last_admin": _l(
        "This is the last administrator. Make someone else administrator first, so that "
        "someone can still look after this Kurswerk."
    ),
    "not_a_number": _l("Enter a whole number (0 or more)."),
    "not_a_date": _l("Enter a date (YYYY-MM-DD)."),
    "not_a_time": _l("Enter a time (HH:MM)."),
    "not_a_duration": _l("Enter a duration in minutes."),
    "not_a_pass_mark": _l("Enter a pass mark as a whole number from 1 to 100 (percent)."),
    "before_start": _l("The end date is before the start date."),
    "below_min": _l("The maximum is below the minimum."),
    "invalid_url": _l("Enter a full web address starting with https://"),
    "invalid_question": _l("Each question needs a kind and a text."),
    "too_long": _l("This text is too long."),
    "invalid_email": _l("Enter an e-mail address such as name@example.org."),
    "expiry_past": _l("The date must be in the future."),
    "already_revoked": _l("This badge has been revoked already."),
    "badge_first": _l("Save the badge first, then upload its image."),
    "badge_png": _l("The badge image must be a PNG file (.png). SVG files are not accepted."),
    "not_submittable": _l("Only a draft or a design with requested changes can be submitted."),
    "not_a_reviewer": _l("Choose reviewers who may sign off this design."),
    "already_decided": _l("This review has been decided already."),
    "not_in_review": _l("The design is not in review."),
    "override_reason_required": _l(
        "Blocking findings prevent approval. Give a reason to approve nevertheless."
    ),
    "duplicate_rule": _l("The checklist has this rule already."),
    "invalid_param": _l("This setting is not valid."),
    "invalid_checklist": _l("The checklist could not be saved with these settings."),
    "not_a_thread": _l("Only the first comment of a thread can be resolved."),
    "plan_no_rows": _l("No row of the plan could be read with these columns."),
    # Working together (collab)
    "not_a_partnership": _l("Partner organisations belong to workspaces of kind partnership."),
    "already_partner": _l("This organisation is a partner already."),
    "out_of_range": _l("Choose between 1 and 90 days."),
    "invitation_unknown": _l("This invitation link is not valid."),
    "invitation_expired": _l("This invitation link has expired. Ask for a new one."),
    "invitation_revoked": _l("This invitation link was revoked."),
    "invitation_accepted": _l("This invitation link was used already."),
    "competition_sensitive": _l(
        "A competition-sensitive nugget cannot be shared beyond its workspace."
    ),
    "restore_expired": _l("This item was in the trash for more than 30 days."),
    "form_outdated": _l(
        "This form is incomplete or outdated: reload the page and enter your change again."
    ),
    "template_file_missing": _l(
        "A file this template uses is missing. Save the template again from a design."
    ),
    # Requests for training (the public catalogue)
    "request_too_fast": _l(
        "The form was sent very quickly after it was opened, as programs do. Please check "
        "your entries and send it again."
    ),
    "request_form_expired": _l(
        "This form was opened more than a day ago. Please check your entries and send it again."
    ),
    "request_too_many": _l(
        "Too many requests were sent from your network within the last hour. Please try "
        "again later; your entries are kept below."
    ),
    "request_participants": _l("Enter the number of people as a whole number from 1 to 10000."),
    "request_retention_range": _l("Enter a number of days from 7 to 3650."),
    "request_has_design": _l("A design was made from this request already."),
    # LTI
    "lti_link_invalid": _l(
        "This registration link has been used, has expired or is not valid. Ask the "
        "coordinator of the Kurswerk workspace for a new one."
    ),
    "lti_registration_failed": _l(
        "The platform's configuration could not be read or it refused the registration. "
        "Check that the LMS can reach Kurswerk, and try again with a new link."
    ),
    "lti_issuer_mismatch": _l(
        "The platform's configuration names an issuer that does not match its address."
    ),
    "lti_taken": _l("A platform with this issuer and client ID is registered already."),
    "lti_one_only": _l("The LMS accepts only one item here: choose one."),
}


def error_text(code: str) -> str:
    if code.startswith("min_length:"):
        return str(_l("Use at least %(n)s characters.", n=code.split(":", 1)[1]))
    if code.startswith(("too_many:", "too_long:")):
        return limit_text(code)
    return str(ERROR_TEXTS.get(code, code))


def limit_text(code: str) -> str:
    """The sentence for a limit of designer/core/limits.py, e.g. `too_many:nuggets:1000`."""
    _kind, what, limit = [*code.split(":"), "", ""][:3]
    if not limit.isdecimal():
        return code
    num = int(limit)
    texts = {
        "nuggets": lambda: ngettext(
            "A design may hold at most %(num)d nugget.",
            "A design may hold at most %(num)d nuggets.",
            num,
        ),
        "modules": lambda: ngettext(
            "A design may hold at most %(num)d module.",
            "A design may hold at most %(num)d modules.",
            num,
        ),
        "objectives": lambda: ngettext(
            "A design may hold at most %(num)d learning objective.",
            "A design may hold at most %(num)d learning objectives.",
            num,
        ),
        "files": lambda: ngettext(
            "A design may hold at most %(num)d file.",
            "A design may hold at most %(num)d files.",
            num,
        ),
        "questions": lambda: ngettext(
            "A nugget may hold at most %(num)d question.",
            "A nugget may hold at most %(num)d questions.",
            num,
        ),
        "answers": lambda: ngettext(
            "A question may have at most %(num)d answer.",
            "A question may have at most %(num)d answers.",
            num,
        ),
        "title": lambda: ngettext(
            "A title may have at most %(num)d character.",
            "A title may have at most %(num)d characters.",
            num,
        ),
        "text": lambda: ngettext(
            "A text may have at most %(num)d character.",
            "A text may have at most %(num)d characters.",
            num,
        ),
        "design_json_mib": lambda: str(
            _l("The design.json of an import may be at most %(num)s MiB.", num=num)
        ),
    }
    return texts[what]() if what in texts else code


def flash_errors(exc: Invalid) -> None:
    """Show a service's errors as messages on the next page (forms without fields to
    attach them to: buttons, small inline forms)."""
    for code in exc.errors.values():
        flash(error_text(code), "error")


def attach_errors(form, exc: Invalid) -> None:
    """Show a service's field errors next to the form's fields (or on the form)."""
    for name, code in exc.errors.items():
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = (
                [*field.errors, error_text(code)]
                if isinstance(field.errors, list)
                else [error_text(code)]
            )
        else:
            form.form_errors.append(error_text(code))
