"""Every text the Word documents print, in German and English."""

from __future__ import annotations

from typing import Final

from designer.core.office_labels import AUTHOR_NOTE, Pair, nugget_pair, pick

TEXTS: Final[dict[str, Pair]] = {
    # document kinds
    "grobkonzept": ("Grobkonzept", "Course outline"),
    "feinkonzept": ("Feinkonzept mit Verlaufsplan", "Detailed plan (Verlaufsplan)"),
    "quality": ("Qualitätsbericht", "Quality report"),
    "offer": ("Angebot", "Course offer"),
    # header, footer, title page
    "page": ("Seite", "Page"),
    "of": ("von", "of"),
    "period": ("Zeitraum", "Period"),
    "workload": ("Umfang", "Workload"),
    "workload_with_plan": ("{workload}, geplant {planned}", "{workload}, planned {planned}"),
    "participants": ("Teilnehmende", "Participants"),
    "modules_count": ("Module", "Modules"),
    "open": ("offen", "open"),
    "not_filled": ("– noch nicht ausgefüllt –", "– not filled in yet –"),
    # Grobkonzept
    "frame": ("Rahmendaten", "Key facts"),
    "objectives": ("Lernziele", "Learning objectives"),
    "no_objectives": ("Noch keine Lernziele formuliert.", "No learning objectives yet."),
    "modules": ("Module", "Modules"),
    "no_modules": ("Noch keine Module geplant.", "No modules planned yet."),
    "no": ("Nr.", "No."),
    "objective": ("Lernziel", "Objective"),
    "bloom": ("Bloom-Stufe", "Bloom level"),
    "module": ("Modul", "Module"),
    "description": ("Beschreibung", "Description"),
    "nuggets": ("Nuggets", "Nuggets"),
    "minutes": ("Minuten", "Minutes"),
    "share": ("Anteil", "Share"),
    "date": ("Termin", "Date"),
    "workload_heading": ("Workload", "Workload"),
    "by_delivery_mode": ("Nach Durchführungsform", "By delivery mode"),
    "by_learning_type": ("Nach Lernform", "By learning type"),
    "by_module": ("Nach Modul", "By module"),
    "delivery_mode": nugget_pair("delivery_mode"),
    "learning_type": nugget_pair("learning_type"),
    "total": ("Summe", "Total"),
    "planned_vs_total": (
        "Geplant: {planned}. Summe der Nuggets: {total}{deviation}.",
        "Planned: {planned}. Sum of the nuggets: {total}{deviation}.",
    ),
    "deviation": (" (Abweichung {percent:+.0f} %)", " (deviation {percent:+.0f} %)"),
    "not_planned": ("nicht festgelegt", "not set"),
    # Feinkonzept
    "plan": ("Verlaufsplan", "Lesson plan"),
    "break": ("Pause", "Break"),
    "col_time": ("Zeit", "Time"),
    "col_phase": ("Phase / Nugget", "Phase / nugget"),
    "col_activity": ("Aktivität (Trainer / Teilnehmende)", "Activity (trainer / learners)"),
    "col_objective": ("Lernziel", "Objective"),
    "col_social": nugget_pair("social_form"),
    "col_method": nugget_pair("method"),
    "col_media": nugget_pair("media"),
    "col_comment": ("Kommentar (Begründung)", "Comment (rationale)"),
    "col_author_note": AUTHOR_NOTE,
    "module_total": ("Summe des Moduls: {minutes}", "Module total: {minutes}"),
    "module_date": ("Termin: {when}", "Date: {when}"),
    "live_dates": ("Live-Termine", "Live sessions"),
    "no_live_dates": ("Keine Live-Termine geplant.", "No live sessions planned."),
    "nugget": ("Nugget", "Nugget"),
    "time": ("Zeit", "Time"),
    "place": ("Ort / Zugang", "Place / access"),
    "appendix_quiz": ("Anhang A: Testfragen", "Appendix A: Quiz questions"),
    "no_questions": ("Keine Testfragen.", "No quiz questions."),
    "correct": ("richtig", "correct"),
    "accepted": ("akzeptiert", "accepted"),
    "distractor": ("Ablenker", "distractor"),
    "appendix_materials": ("Anhang B: Materialien", "Appendix B: Materials"),
    "no_assets": ("Keine Dateien.", "No files."),
    "file": ("Datei", "File"),
    "alt_text": ("Beschreibung", "Description"),
    "used_in": ("Verwendet in", "Used in"),
    "license": nugget_pair("license"),
    "attribution": nugget_pair("attribution"),
    "nugget_licences": ("Lizenzen der Nuggets", "Licences of the nuggets"),
    "link": nugget_pair("url"),
    "method": nugget_pair("method"),
    # quality report
    "version": ("Geprüfte Fassung", "Version checked"),
    "version_of": ("Fassung {n} vom {date}", "Version {n} of {date}"),
    "changed_since": ("{version}, seither geändert", "{version}, changed since"),
    "no_version": (
        "Noch nicht als Fassung gespeichert.",
        "Not saved as a version yet.",
    ),
    "figures": ("Kennzahlen", "Key figures"),
    "coverage": ("Abdeckung der Lernziele", "Coverage of the objectives"),
    "covered_by": ("Nuggets", "Nuggets"),
    "assessed_by": ("Geprüft durch", "Assessed by"),
    "none": ("keine", "none"),
    "automatic": ("Automatische Prüfung", "Automatic check"),
    "no_quality_data": (
        "Für diesen Export wurden keine Daten der automatischen Qualitätsprüfung übergeben. "
        "Dieser Bericht enthält deshalb keine Prüfergebnisse.",
        "No data of the automatic quality check was supplied for this export. "
        "This report therefore contains no check results.",
    ),
    "no_findings": (
        "Die automatische Prüfung hat keine Auffälligkeiten gefunden.",
        "The automatic check found no issues.",
    ),
    "severity": ("Gewicht", "Severity"),
    "rule": ("Regel", "Rule"),
    "finding": ("Befund", "Finding"),
    "concerns": ("Betrifft", "Concerns"),
    "sign_offs": ("Freigaben", "Sign-offs"),
    "no_reviews": (
        "Für diesen Export wurden keine Freigaben übergeben.",
        "No sign-offs were supplied for this export.",
    ),
    "reviewer": ("Prüfer*in", "Reviewer"),
    "decision": ("Entscheidung", "Decision"),
    "signed_at": ("Unterzeichnet am", "Signed on"),
    "comment": ("Kommentar", "Comment"),
    "approved": ("freigegeben", "approved"),
    "changes_requested": ("Änderungen angefordert", "changes requested"),
    "error": ("Fehler", "Error"),
    "warning": ("Warnung", "Warning"),
    "info": ("Hinweis", "Note"),
    # offer
    "goals": ("Das lernen Sie", "What you will learn"),
    "target_group": ("Für wen?", "Who is it for?"),
    "prerequisites": ("Voraussetzungen", "Prerequisites"),
    "format": ("Format und Umfang", "Format and workload"),
    "dates": ("Termine", "Dates"),
    "participants_range": ("{low} bis {high} Teilnehmende", "{low} to {high} participants"),
    # badge (offer and Grobkonzept)
    "badge": ("Badge", "Badge"),
    "badge_earned": (
        "Wer die Kriterien erfüllt, erhält das Badge „{name}“ von {issuer}.",
        "Learners who meet the criteria earn the badge “{name}” from {issuer}.",
    ),
    "badge_criteria": ("Kriterien", "Criteria"),
    "badge_competences": ("Das Badge steht für", "The badge stands for"),
}


def t(key: str, language: str, **values: object) -> str:
    """The text `key` in `language`, with `values` filled in."""
    text = pick(TEXTS[key], language)
    return text.format(**values) if values else text
