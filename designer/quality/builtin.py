"""The built-in checklists, read-only. A workspace copies one to adapt it.

The choices of severity are a quality lead's: an error blocks approval only where the
course would mislead or exclude learners or break in the learning platform (an
objective nothing leads to, learners not told whom the course is for, what it needs and
what it costs them, unchecked AI content, a broken quiz or link, an image a screen
reader cannot describe, a video without captions, content without a licence).
Everything that is a matter of judgement stays a warning: an uneven module, a missing
date in a design that may still be a template, a rare learning type, a quiz question
most learners of the delivered design get wrong (a reason to look, not proof of a fault).

Licences are judged in the legal checklist, not among the didactic basics; there a
plain link to a web page needs only its source, since the course copies nothing from it
(the example's link to the Moodle documentation has no licence of its own, rightly).
"""

from __future__ import annotations

from designer.quality.criteria import AutomaticCriterion as Auto
from designer.quality.criteria import Checklist, ManualCriterion


def _ask(key: str, category: str, de: str, en: str, help_de: str, help_en: str) -> ManualCriterion:
    return ManualCriterion(key, category, de, en, help_de, help_en)


DIDACTIC_BASICS = Checklist(
    key="didactic_basics",
    name_de="Didaktische Grundqualität",
    name_en="Basic didactic quality",
    description_de="Lernziele, ihre Passung zu Methoden und Prüfung, Aufwand und was "
    "Lernende vorab wissen müssen.",
    description_en="Objectives, how methods and assessment match them, workload and what "
    "learners must know up front.",
    builtin=True,
    criteria=(
        Auto("objective.no_nugget"),
        Auto("objective.not_assessed"),
        Auto("objective.nugget_unlinked"),
        Auto("objective.vague_verb"),
        Auto("objective.no_bloom"),
        Auto("transparency.learner_info"),
        Auto("workload.planned_mismatch"),
        Auto("workload.module_share"),
        Auto("balance.few_types"),
        Auto("balance.dominant_type"),
        Auto("legal.ai_unchecked"),
        Auto("activity.quiz_questions"),
        Auto("activity.url_invalid"),
        Auto("results.learners_struggle"),
        _ask(
            "need",
            "objectives",
            "Sind die Lernziele aus einem beschriebenen Bedarf abgeleitet?",
            "Are the objectives derived from a described need?",
            "Die Ausgangslage nennt, was die Zielgruppe heute noch nicht kann und wofür sie es "
            "braucht; jedes Lernziel trägt dazu bei.",
            "The initial situation says what the target group cannot do yet and why it is "
            "needed; every objective contributes to it.",
        ),
        _ask(
            "assessment_fit",
            "objectives",
            "Prüft die Arbeitsprobe oder Prüfung, was die Lernziele verlangen, auf derselben "
            "Stufe?",
            "Does the assessment test what the objectives ask for, at the same level?",
            "Wer „entwerfen“ als Ziel hat, wird nicht mit einem Wissenstest geprüft.",
            "An objective to “design” is not assessed with a knowledge quiz.",
        ),
        _ask(
            "target_group_fit",
            "content",
            "Passen Inhalte, Sprache und Beispiele zur Zielgruppe und ihren Voraussetzungen?",
            "Do content, language and examples suit the target group and its prerequisites?",
            "Beispiele kommen aus dem Arbeitsalltag der Zielgruppe; Fachbegriffe werden erklärt.",
            "Examples come from the target group's working day; technical terms are explained.",
        ),
        _ask(
            "content_correct",
            "content",
            "Sind die Inhalte fachlich richtig und aktuell?",
            "Is the content correct and up to date?",
            "Eine fachkundige Person hat die Inhalte gelesen; Quellen und Normen sind aktuell.",
            "A subject expert has read the content; sources and standards are current.",
        ),
        _ask(
            "workload_realistic",
            "workload",
            "Ist der Aufwand neben der Arbeit realistisch zu schaffen?",
            "Can learners manage the workload alongside their work?",
            "Vergleichen Sie den Aufwand je Woche mit der Freistellung in den Rahmenbedingungen.",
            "Compare the workload per week with the time off work in the framework conditions.",
        ),
        _ask(
            "evaluation",
            "evaluation",
            "Ist geplant, wie der Kurs ausgewertet und verbessert wird?",
            "Is it planned how the course is evaluated and improved?",
            "Zum Beispiel Feedback nach jedem Modul und ein Transfergespräch einige Wochen "
            "nach dem Kurs.",
            "For example feedback after each module and a transfer talk some weeks after the "
            "course.",
        ),
    ),
)

BLENDED_INTERACTION = Checklist(
    key="blended_interaction",
    name_de="Blended Learning und Interaktion",
    name_en="Blended learning and interaction",
    description_de="Abwechslung der Lernformen, Aktivierung, Austausch und Betreuung über "
    "Präsenz-, Live-online- und Selbstlernphasen hinweg.",
    description_en="Variety of learning types, activation, exchange and support across "
    "on-site, live-online and self-paced phases.",
    builtin=True,
    criteria=(
        Auto("balance.few_types"),
        Auto("balance.dominant_type"),
        Auto("balance.no_exchange"),
        Auto("sequence.long_input"),
        Auto("sequence.self_paced_no_feedback"),
        Auto("sequence.live_online_break"),
        Auto("media.no_rationale"),
        Auto("activity.live_session_date"),
        _ask(
            "phases_linked",
            "methods",
            "Sind Präsenz-, Online- und Praxisphasen miteinander verzahnt?",
            "Are on-site, online and workplace phases linked with each other?",
            "Ergebnisse einer Phase werden in der nächsten aufgegriffen, z. B. Aufgaben der "
            "Selbstlernphase im Live-Termin besprochen.",
            "Results of one phase are taken up in the next, e.g. self-paced tasks discussed in "
            "the live session.",
        ),
        _ask(
            "support",
            "interaction",
            "Ist die Lernbegleitung in den Selbstlernphasen geregelt?",
            "Is support during the self-paced phases arranged?",
            "Wer beantwortet Fragen, über welchen Kanal und wie schnell?",
            "Who answers questions, through which channel and how quickly?",
        ),
        _ask(
            "feedback",
            "interaction",
            "Erhalten die Lernenden Rückmeldung zu ihren Arbeitsergebnissen?",
            "Do learners get feedback on their work?",
            "Von der Lernbegleitung oder als strukturiertes Peer-Feedback.",
            "From the tutor or as structured peer feedback.",
        ),
        _ask(
            "transfer",
            "methods",
            "Gibt es Aufgaben, die das Gelernte in die eigene Arbeit übertragen?",
            "Are there tasks that carry what was learned into the learners' own work?",
            "Zum Beispiel ein Praxisprojekt, eine Aufgabe am Arbeitsplatz oder ein Transferplan.",
            "For example a practice project, a task at the workplace or a transfer plan.",
        ),
        _ask(
            "onboarding",
            "organisation",
            "Werden die Lernenden in Lernplattform und Werkzeuge eingeführt, bevor sie sie "
            "brauchen?",
            "Are learners introduced to the platform and tools before they need them?",
            "Zugänge, Technikcheck und eine kurze Einführung vor dem ersten Live-Termin.",
            "Accounts, a technical check and a short introduction before the first live session.",
        ),
    ),
)

ACCESSIBILITY = Checklist(
    key="accessibility",
    name_de="Barrierefreiheit und Ergonomie",
    name_en="Accessibility and ergonomics",
    description_de="Ob alle Lernenden die Inhalte wahrnehmen, bedienen und verstehen "
    "können, und ob die Bildschirmarbeit zumutbar ist.",
    description_en="Whether all learners can perceive, operate and understand the content, "
    "and whether the screen time is reasonable.",
    builtin=True,
    criteria=(
        Auto("accessibility.image_alt"),
        Auto("accessibility.video_captions", severity="error"),
        Auto("accessibility.readability"),
        Auto("sequence.live_online_break"),
        _ask(
            "documents",
            "accessibility",
            "Sind Dokumente (PDF, Folien) barrierefrei aufbereitet?",
            "Are documents (PDF, slides) prepared accessibly?",
            "Überschriften als solche ausgezeichnet, sinnvolle Lesereihenfolge, Tabellen mit "
            "Kopfzeilen, getaggtes PDF.",
            "Headings marked as headings, a sensible reading order, tables with header rows, "
            "tagged PDF.",
        ),
        _ask(
            "contrast",
            "accessibility",
            "Sind Kontraste ausreichend, und wird nichts allein durch Farbe vermittelt?",
            "Is contrast sufficient, and is nothing conveyed by colour alone?",
            "WCAG 2.1: Text mindestens 4,5:1 gegenüber dem Hintergrund.",
            "WCAG 2.1: text at least 4.5:1 against its background.",
        ),
        _ask(
            "keyboard",
            "accessibility",
            "Lassen sich die eingesetzten Werkzeuge mit Tastatur und Screenreader bedienen?",
            "Can the tools used be operated with a keyboard and a screen reader?",
            "Prüfen Sie Videokonferenz, Whiteboard und Lernplattform, nicht nur die Inhalte.",
            "Check the video conference, whiteboard and platform, not only the content.",
        ),
        _ask(
            "mobile",
            "ergonomics",
            "Können die Selbstlernteile auf Smartphone oder Tablet bearbeitet werden?",
            "Can the self-paced parts be done on a phone or tablet?",
            "Gerade Lernende ohne eigenen Büroarbeitsplatz lernen mobil.",
            "Learners without a desk of their own in particular learn on mobile devices.",
        ),
        _ask(
            "screen_time",
            "ergonomics",
            "Ist die Bildschirmzeit pro Tag zumutbar, mit Wechsel zwischen Sitzen, Bewegung "
            "und Austausch?",
            "Is the daily screen time reasonable, alternating sitting, movement and exchange?",
            "Als Faustregel nicht mehr als drei bis vier Stunden Live-online-Zeit am Tag.",
            "As a rule of thumb no more than three to four hours of live-online time a day.",
        ),
    ),
)

LEGAL = Checklist(
    key="legal",
    name_de="Recht, Lizenzen und Datenschutz",
    name_en="Law, licences and data protection",
    description_de="Nutzungsrechte an Inhalten, Umgang mit KI-Inhalten und der Schutz der "
    "Daten der Teilnehmenden.",
    description_en="Rights to use the content, handling of AI content and protection of the "
    "participants' data.",
    builtin=True,
    criteria=(
        Auto("legal.license", severity="error"),
        Auto("legal.ai_unchecked"),
        _ask(
            "third_party",
            "legal",
            "Sind die Rechte an fremden Inhalten geklärt?",
            "Are the rights to third-party content cleared?",
            "Bilder, Screenshots, Logos, Musik und Auszüge aus Büchern oder Normen.",
            "Pictures, screenshots, logos, music and excerpts from books or standards.",
        ),
        _ask(
            "participant_works",
            "legal",
            "Ist geregelt, wer die Arbeitsergebnisse der Teilnehmenden nutzen darf?",
            "Is it agreed who may use the participants' work?",
            "Zum Beispiel Videos oder Kursräume, die im Kurs entstehen.",
            "For example videos or course spaces made during the course.",
        ),
        _ask(
            "ai_disclosure",
            "legal",
            "Ist für Lernende erkennbar, welche Inhalte mit KI erstellt wurden?",
            "Can learners tell which content was made with AI?",
            "Ein kurzer Hinweis am Inhalt genügt; er schafft Vertrauen.",
            "A short note at the content is enough; it builds trust.",
        ),
        _ask(
            "processors",
            "privacy",
            "Gibt es für jedes Werkzeug, das Daten der Teilnehmenden verarbeitet, einen "
            "Vertrag zur Auftragsverarbeitung?",
            "Is there a data processing agreement for every tool that processes "
            "participants' data?",
            "Art. 28 DSGVO: Videokonferenz, Lernplattform, Whiteboard, Umfragewerkzeuge.",
            "Art. 28 GDPR: video conference, learning platform, whiteboard, survey tools.",
        ),
        _ask(
            "data_minimal",
            "privacy",
            "Werden nur die personenbezogenen Daten erhoben, die für den Kurs nötig sind?",
            "Is only the personal data collected that the course needs?",
            "Art. 5 DSGVO (Datenminimierung); Löschfristen sind festgelegt.",
            "Art. 5 GDPR (data minimisation); retention periods are set.",
        ),
        _ask(
            "recording",
            "privacy",
            "Werden Live-Sitzungen nur mit vorheriger Einwilligung aufgezeichnet?",
            "Are live sessions recorded only with prior consent?",
            "Die Teilnehmenden erfahren vor der Sitzung, ob und wozu aufgezeichnet wird.",
            "Participants learn before the session whether and why it is recorded.",
        ),
        _ask(
            "works_council",
            "privacy",
            "Ist der Betriebsrat beteiligt, wenn Lern- oder Leistungsdaten im Betrieb "
            "ausgewertet werden können?",
            "Is the works council involved where learning or performance data can be "
            "analysed at the company?",
            "§ 87 Abs. 1 Nr. 6 BetrVG: Mitbestimmung bei technischen Einrichtungen, die "
            "Verhalten oder Leistung überwachen können.",
            "Section 87(1) no. 6 of the German Works Constitution Act: co-determination on "
            "technical systems that can monitor conduct or performance.",
        ),
    ),
)

BUILTIN: tuple[Checklist, ...] = (DIDACTIC_BASICS, BLENDED_INTERACTION, ACCESSIBILITY, LEGAL)
