"""The `designer` command: run, demo, db upgrade, create-user, set-admin, create-workspace,
import, export, check, send-mail, purge-trash, purge-old, purge-requests."""

from __future__ import annotations

import secrets
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NoReturn

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext
from flask_babel import force_locale
from flask_migrate import upgrade
from flask_migrate.cli import db as db_group
from sqlalchemy import select
from werkzeug.serving import run_simple

from designer import backup, create_app, mailer
from designer.core.assets import MissingAsset
from designer.core.offers import OfferTerms
from designer.export.formats import UnknownFormat, formats
from designer.export.options import InvalidOptions
from designer.extensions import db
from designer.importers import registry as import_registry
from designer.importers.base import ImportRefused
from designer.models import Design, Membership, User, Workspace
from designer.models.columns import utcnow
from designer.quality import evaluate, findings_json, has_blocking
from designer.queries.exporting import export_to_file
from designer.queries.learner_results import learner_results
from designer.queries.quality import design_findings, load_checklist
from designer.queries.read_model import snapshot
from designer.services import (
    accounts,
    admin,
    badges,
    lti_enrolments,
    lti_scores,
    notifications,
    offers,
    outbox,
    privacy,
    requests,
    trash,
    workspaces,
)
from designer.services.errors import Invalid, NotFound
from designer.services.importing import import_path
from designer.web.export_options import problem_texts
from designer.web.messages import error_text

SEED = Path(__file__).resolve().parent / "seed" / "blended-course.json"
DEMO_EMAIL = "demo@kurswerk.example"
DEMO_BADGE = "Lernmedien-Gestalter*in"
DEMO_BADGE_TEXT = (
    "Plant Lernangebote mit digitalen Medien für die eigene Zielgruppe im Betrieb, "
    "produziert ein kurzes Erklärvideo und richtet einen Kursraum ein."
)


def _app_factory():
    return create_app()


class KurswerkGroup(FlaskGroup):
    """Flask's command group (it gives commands the app) without Flask's own options:
    a user of `designer` needs neither --app nor --env-file nor Flask's version."""

    def __init__(self, **kwargs) -> None:
        super().__init__(add_default_commands=False, add_version_option=False, **kwargs)
        self.params = [p for p in self.params if p.name not in ("app", "env_file", "debug")]


def kurswerk_version() -> str:
    try:
        return version("kurswerk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@click.group(cls=KurswerkGroup, create_app=_app_factory)
@click.version_option(
    kurswerk_version(),
    "--version",
    prog_name="Kurswerk",
    message="%(prog)s %(version)s",
    help="Show Kurswerk's version and exit.",
)
def main() -> None:
    """Kurswerk: collaborative course design."""


main.add_command(db_group)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@with_appcontext
def run(host: str, port: int) -> None:
    """Upgrade the database, then serve the app."""
    upgrade(directory=current_app.extensions["migrate"].directory)
    click.echo(f"Kurswerk on http://{host}:{port}/  (data: {current_app.config['DATA_DIR']})")
    # Werkzeug's threaded server suits the embedded default; teams use gunicorn
    # (docs/deploying.md).
    run_simple(host, port, current_app._get_current_object(), threaded=True)


def _fail(problems: list[str]) -> NoReturn:
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(2)


def _hash_method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"]


@main.command("create-user")
@click.argument("email")
@click.option("--name", default="", help="Display name")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--workspace", "slug", default=None, help="Add to this workspace ...")
@click.option("--role", default="designer", show_default=True, help="... with this role")
@click.option("--admin", "is_admin", is_flag=True, help="Make it an instance administrator")
@with_appcontext
def create_user(
    email: str, name: str, password: str, slug: str | None, role: str, is_admin: bool
) -> None:
    """Create an account (and optionally add it to a workspace)."""
    try:
        user = accounts.register(email, name, password, hash_method=_hash_method())
        admin.set_admin(user, is_admin)
        if slug:
            workspace = _workspace(slug)
            workspaces.enrol(workspace, user, role)
    except Invalid as exc:
        db.session.rollback()
        _fail([f"{field}: {code}" for field, code in exc.errors.items()])
    db.session.commit()
    click.echo(f"created {user.email} (id {user.id}){' as administrator' if is_admin else ''}")


@main.command("set-admin")
@click.argument("email")
@click.option("--on/--off", "on", required=True, help="Grant or revoke administration")
@with_appcontext
def set_admin(email: str, on: bool) -> None:
    """Grant or revoke instance administration (the admin area) for an account."""
    user = _account(email)
    try:
        admin.set_admin(user, on)
    except Invalid:
        db.session.rollback()
        _fail(["the last administrator keeps administration: make another one first"])
    db.session.commit()
    click.echo(f"{user.email} is {'now' if on else 'no longer'} an administrator")


def _account(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == accounts.normalise_email(email)))
    if user is None or user.deleted_at is not None:
        _fail([f"no account with e-mail {email!r}"])
    return user


@main.command("login-link")
@click.argument("email")
@with_appcontext
def login_link(email: str) -> None:
    """Print a one-time link (valid 24 hours) with which the account sets a new password."""
    user = _account(email)
    _link, token = accounts.login_link_for(user)
    db.session.commit()
    click.echo(f"/login-link/{token}")


def _workspace(slug: str | None) -> Workspace:
    if slug:
        workspace = db.session.scalar(select(Workspace).where(Workspace.slug == slug))
        if workspace is None:
            _fail([f"no workspace with slug {slug!r}"])
        return workspace
    all_workspaces = db.session.scalars(select(Workspace)).all()
    if not all_workspaces:
        _fail(
            [
                "there is no workspace yet: make one with "
                "`designer create-workspace NAME --owner EMAIL`, then run this again"
            ]
        )
    if len(all_workspaces) > 1:
        names = ", ".join(w.slug for w in all_workspaces)
        _fail([f"name the workspace with --workspace SLUG (one of: {names})"])
    return all_workspaces[0]


@main.command("send-mail")
@with_appcontext
def send_mail() -> None:
    """Send the mails that wait in the outbox and are due (run it from cron)."""
    report = mailer.send_due()
    click.echo(f"sent {report.sent}, failed {report.failed}, waiting {outbox.waiting()}")


@main.command("send-scores")
@with_appcontext
def send_scores() -> None:
    """Post the LTI scores that wait for their LMS and are due (run it from cron)."""
    accepted = lti_scores.deliver(current_app.config["SECRET_KEY"])
    db.session.commit()
    click.echo(f"accepted {accepted}, waiting {lti_scores.waiting()}")


@main.command("count-enrolments")
@with_appcontext
def count_enrolments() -> None:
    """Ask the LMS courses that link a design how many learners they have enrolled, where
    the last count is older than 12 hours (run it from cron, e.g. every hour)."""
    counted, failed = lti_enrolments.refresh_stale(current_app.config["SECRET_KEY"])
    db.session.commit()
    click.echo(f"counted {counted}, failed {failed}")


@main.command("send-digests")
@with_appcontext
def send_digests() -> None:
    """Mail each person their daily digest of notifications, at most one a day (run it
    from cron once a day); then send what is due."""
    if not current_app.config["BASE_URL"]:
        _fail(["set DESIGNER_BASE_URL: the digest's links need the site's address"])
    digests = notifications.write_digests(utcnow().date())
    report = mailer.send_due()
    click.echo(
        f"digests {digests}; sent {report.sent}, failed {report.failed}, waiting {outbox.waiting()}"
    )


@main.command("create-workspace")
@click.argument("name")
@click.option("--owner", "email", default=None, help="E-mail of an account to coordinate it")
@with_appcontext
def create_workspace(name: str, email: str | None) -> None:
    """Create a workspace; prints its slug (for --workspace) on the last line."""
    owner = None
    if email:
        owner = db.session.scalar(select(User).where(User.email == email.strip().lower()))
        if owner is None:
            _fail([f"no account with e-mail {email!r}: create it with `designer create-user`"])
    try:
        workspace = workspaces.open_workspace(name, owner)
    except Invalid as exc:
        db.session.rollback()
        _fail([f"{field}: {code}" for field, code in exc.errors.items()])
    db.session.commit()
    click.echo(f"created workspace {workspace.name!r}")
    click.echo(workspace.slug)


def _import(path: Path, workspace: Workspace, actor: User | None) -> Design:
    try:
        design, warnings = import_path(
            actor, workspace, path, current_app.extensions["file_store"], None
        )
    except ImportRefused as exc:
        db.session.rollback()
        with force_locale("en"):
            _fail([error_text(p) for p in exc.problems])
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    db.session.commit()
    return design


@main.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--workspace", "slug", default=None, help="Workspace slug (needed when there are several)"
)
@with_appcontext
def import_command(path: Path, slug: str | None) -> None:
    """Import a design; prints the new design's id on the last line."""
    design = _import(path, _workspace(slug), None)
    click.echo(f"imported {design.title!r} into {design.workspace_id}")
    click.echo(design.id)


@main.command("export")
@click.argument("design_id", type=int)
@click.option("--format", "format_key", required=True, help="One of the registered formats")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path))
@click.option("--option", "options", multiple=True, help="Format option as name=value")
@click.option("--document", default=None, help="Shortcut for --option document=KIND")
@with_appcontext
def export_command(
    design_id: int, format_key: str, output: Path, options: tuple[str, ...], document: str | None
) -> None:
    """Export a design to a file."""
    design = db.session.get(Design, design_id)
    if design is None:
        _fail([f"no design with id {design_id}"])
    given = _option_strings(options)
    if document:
        given["document"] = document
    try:
        fmt = export_to_file(design, format_key, output, given)
    except UnknownFormat as exc:
        _fail([str(exc.args[0])])
    except InvalidOptions as exc:
        with force_locale("en"):
            _fail(list(problem_texts(exc).values()))
    except MissingAsset as exc:
        _fail([str(exc)])
    click.echo(f"wrote {output} ({fmt.label})")


def _option_strings(options: tuple[str, ...]) -> dict[str, str]:
    """`--option name=value` pairs; the format's parser checks names and values."""
    malformed = [o for o in options if "=" not in o]
    if malformed:
        _fail([f"--option {o!r}: write it as name=value" for o in malformed])
    return dict(o.split("=", 1) for o in options)


@main.command("check")
@click.argument("design_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON")
@click.option("--checklist", "checklist_key", default=None, help="Check against this checklist")
@with_appcontext
def check_command(design_id: int, as_json: bool, checklist_key: str | None) -> None:
    """Run the quality rules on a design, judged as the quality panel and the review judge
    them; exit 1 when a finding blocks approval."""
    design = db.session.get(Design, design_id)
    if design is None or design.deleted_at is not None:
        _fail([f"no design with id {design_id}"])
    snap = snapshot(design)
    if checklist_key:
        try:
            checklist = load_checklist(design.workspace_id, checklist_key)
            findings = evaluate(snap, checklist, learner_results(design)).findings
        except NotFound:
            _fail([f"no checklist {checklist_key!r} (built-in or of the design's workspace)"])
    else:
        findings = design_findings(design, snap)
    if as_json:
        click.echo(findings_json(findings, design.language))
    else:
        for f in findings:
            target = f"{f.target_kind}:{f.target_key}" if f.target_key else f.target_kind
            blocking = " (blocking)" if f.blocking else ""
            click.echo(
                f"{f.severity:<8} {f.rule:<32} {target:<16} {f.message(design.language)}{blocking}"
            )
        click.echo(f"{len(findings)} findings")
    sys.exit(1 if has_blocking(findings) else 0)


@main.command("purge-trash")
@with_appcontext
def purge_trash() -> None:
    """Delete for good what lay in any workspace's trash for more than 30 days."""
    purged = trash.purge_expired()
    db.session.commit()
    click.echo(
        f"purged {purged.designs} designs, {purged.modules} modules, {purged.nuggets} nuggets"
    )


@main.command("purge-old")
@with_appcontext
def purge_old() -> None:
    """Delete logs and notifications older than their retention (DESIGNER_RETENTION_DAYS_*)."""
    purged = privacy.purge_old(current_app.config["RETENTION_DAYS"])
    db.session.commit()
    click.echo(
        f"purged {purged.events} events, {purged.notifications} notifications, "
        f"{purged.login_attempts} failed log-ins, {purged.login_links} log-in links, "
        f"{purged.sent_mail} sent mails"
    )


@main.command("purge-requests")
@with_appcontext
def purge_requests() -> None:
    """Delete requests for training closed longer ago than their workspace's retention
    period (run it daily from cron)."""
    purged = requests.purge_closed(utcnow())
    db.session.commit()
    click.echo(f"purged {purged} requests for training")


@main.command("formats")
def list_formats() -> None:
    """List the export formats and import file types."""
    for fmt in formats().values():
        click.echo(f"export  {fmt.key:<10} .{fmt.extension:<9} {fmt.label}")
        for option in fmt.options:
            values = "|".join(option.values)
            several = "several comma-separated, " if option.multiple else ""
            click.echo(
                f"          --option {option.name}={values} ({several}default {option.default})"
            )
    for ext in import_registry.extensions():
        click.echo(f"import  {ext}")


@main.command()
@click.option("--password", default=None, help="Demo password (default: a new random one)")
@with_appcontext
def demo(password: str | None) -> None:
    """Create the demo account, a workspace and the example course (idempotent)."""
    upgrade(directory=current_app.extensions["migrate"].directory)
    password = password or secrets.token_urlsafe(9)
    user = db.session.scalar(select(User).where(User.email == DEMO_EMAIL))
    if user is None:
        user = accounts.register(
            DEMO_EMAIL, "Demo-Trainerin", password, locale="de", hash_method=_hash_method()
        )
    else:
        user.password_hash = accounts.hash_password(password, _hash_method())
    workspace = db.session.scalar(select(Workspace).where(Workspace.slug == "demo"))
    if workspace is None:
        workspace = workspaces.create_workspace(user, "Kurswerk Demo")
        workspace.slug = "demo"
    elif not db.session.scalar(
        select(Membership).where(
            Membership.workspace_id == workspace.id, Membership.user_id == user.id
        )
    ):
        workspaces.enrol(workspace, user, "coordinator")
    db.session.commit()
    exists = db.session.scalar(
        select(Design).where(Design.workspace_id == workspace.id, Design.deleted_at.is_(None))
    )
    design = exists or _import(SEED, workspace, user)
    _demo_offer(user, design)
    base = current_app.config["BASE_URL"] or "http://127.0.0.1:5000"
    click.echo(f"demo course: design {design.id} in workspace 'demo'")
    click.echo(f"e-mail:   {DEMO_EMAIL}")
    click.echo(f"password: {password}")
    click.echo(f"public catalogue: {base}/offers/{workspace.slug}")


def _demo_offer(user: User, design: Design) -> None:
    """Give the example course its badge and publish it as an offer with the badge; an
    offer published before badges existed is published again, any other is left alone."""
    if badges.badge_of(design) is None:
        badges.save_badge(user, design, DEMO_BADGE, DEMO_BADGE_TEXT, "rosette", "teal")
    offer = offers.offer_of(design)
    if offer is None:
        terms = OfferTerms(place="Schulungsraum des Clusters und online", price="490.00")
        offers.publish_offer(user, design, terms)
    elif "badge" not in offer.data:
        data = offer.data
        terms = OfferTerms(data["place"], data["price"], data["currency"] or "EUR")
        offers.publish_offer(user, design, terms)
    db.session.commit()


@main.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Write one archive: the database, the file store and a manifest (the app may run)."""
    try:
        summary = backup.create_backup(current_app, path)
    except backup.BackupError as exc:
        _fail([str(exc)])
    click.echo(f"backup written to {summary.path} ({summary.files} files, {summary.bytes} bytes)")


@main.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def restore_command(path: Path) -> None:
    """Restore an archive of `designer backup` into this empty instance."""
    migrations = Path(current_app.extensions["migrate"].directory)
    try:
        summary = backup.restore_backup(current_app, path, migrations)
    except backup.BackupError as exc:
        _fail([str(exc)])
    click.echo(f"restored {summary.path} ({summary.files} files); next: designer db upgrade")
