"""Built-in didactic templates: a starting structure for a new design, in German and English.

A template pre-fills the format and didactic approach of the Grobkonzept, the modules
(their description says what the phase is for) and suggested nuggets. Every suggested
nugget is a real nugget (title, learning type, delivery mode, social form, method,
duration); its note for authors tells the designer what to put there. The learner-facing
fields (summary, content) stay empty until the author fills them in, so an instruction to
the author never reaches a learner. `template_snapshot()` turns a template into a
DesignSnapshot in one language, which the import service then writes into a workspace
(so the nuggets land in its library).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from designer.core import snapshot as s

Text = tuple[str, str]  # (German, English)


@dataclass(frozen=True)
class SlotNugget:
    title: Text
    learning_type: str
    delivery_mode: str
    social_form: str
    minutes: int
    method: Text
    author_note: Text  # what the author writes into this nugget (authors only)
    activity_kind: str = "page"
    assessment: str = "none"


@dataclass(frozen=True)
class TemplateModule:
    title: Text
    help: Text
    nuggets: tuple[SlotNugget, ...]


@dataclass(frozen=True)
class DidacticTemplate:
    key: str
    name: Text
    description: Text
    format_summary: Text = ("", "")
    didactic_approach: Text = ("", "")
    modules: tuple[TemplateModule, ...] = ()


def pick(text: Text, language: str) -> str:
    return text[1] if language == "en" else text[0]


def _n(
    title: Text,
    kind: tuple[str, str, str, int],
    method: Text,
    author_note: Text,
    activity_kind: str = "page",
    assessment: str = "none",
) -> SlotNugget:
    """A suggested nugget; `kind` is (learning type, delivery mode, social form, minutes)."""
    learning_type, delivery_mode, social_form, minutes = kind
    return SlotNugget(
        title,
        learning_type,
        delivery_mode,
        social_form,
        minutes,
        method,
        author_note,
        activity_kind,
        assessment,
    )


BLANK = DidacticTemplate(
    key="blank",
    name=("Leeres Kurskonzept", "Blank design"),
    description=(
        "Ohne Vorgaben: Sie legen Module und Lernnuggets selbst an.",
        "No presets: you create modules and learning nuggets yourself.",
    ),
)

BLENDED = DidacticTemplate(
    key="blended",
    name=("Blended-Learning-Kurs", "Blended learning course"),
    description=(
        "Online-Selbstlernphasen, Live-Sessions und Transfer am Arbeitsplatz im Wechsel.",
        "Online self-study, live sessions and transfer at the workplace in turns.",
    ),
    format_summary=(
        "Blended Learning: Live-Online-Auftakt, Selbstlernphasen online, Live-Session zur "
        "Vertiefung, Praxistransfer am Arbeitsplatz, Live-Abschluss.",
        "Blended learning: live online kick-off, online self-study, a live session to go "
        "deeper, transfer at the workplace, live wrap-up.",
    ),
    didactic_approach=(
        "Selbstgesteuertes Lernen online bereitet die Live-Sessions vor; dort wird geübt und "
        "geklärt. Eine Praxisaufgabe verbindet das Gelernte mit der eigenen Arbeit.",
        "Self-directed online study prepares the live sessions, which are used for practice "
        "and questions. A workplace task links what was learnt to one's own work.",
    ),
    modules=(
        TemplateModule(
            ("Auftakt live online", "Live online kick-off"),
            (
                "Die Gruppe lernt sich kennen, klärt Ziele und Ablauf.",
                "The group gets to know each other and agrees on goals and schedule.",
            ),
            (
                _n(
                    ("Kennenlernen und Erwartungen", "Introductions and expectations"),
                    ("discussion", "live_online", "plenary", 30),
                    ("Blitzlicht", "Lightning round"),
                    (
                        "Beschreiben Sie, wie sich die Teilnehmenden vorstellen und welche "
                        "Frage sie dafür beantworten.",
                        "Describe how participants introduce themselves and which question "
                        "they answer.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Überblick über Kurs und Lernplattform", "Course and platform overview"),
                    ("acquisition", "live_online", "plenary", 10),
                    ("Kurzinput", "Short input"),
                    (
                        "Notieren Sie die drei Dinge, die alle nach dem Auftakt wissen "
                        "müssen: Ziele, Zeitplan, wo die Materialien liegen.",
                        "Note the three things everybody needs after the kick-off: goals, "
                        "schedule, where the materials are.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Selbstlernphase online", "Online self-study"),
            (
                "Die Teilnehmenden erarbeiten Grundlagen im eigenen Tempo.",
                "Participants work through the basics at their own pace.",
            ),
            (
                _n(
                    ("Lerneinheit mit Erklärvideo", "Lesson with explainer video"),
                    ("acquisition", "self_paced_online", "individual", 30),
                    ("Erklärvideo mit Leitfragen", "Explainer video with guiding questions"),
                    (
                        "Fassen Sie den Kerninhalt zusammen und formulieren Sie zwei "
                        "Leitfragen, mit denen die Teilnehmenden das Video ansehen.",
                        "Summarise the core content and write two guiding questions to "
                        "watch the video with.",
                    ),
                ),
                _n(
                    ("Übung mit Rückmeldung", "Practice with feedback"),
                    ("practice", "self_paced_online", "individual", 20),
                    ("Quiz mit Feedback", "Quiz with feedback"),
                    (
                        "Legen Sie fünf Fragen an, deren Feedback erklärt, warum eine "
                        "Antwort stimmt.",
                        "Add five questions whose feedback explains why an answer is right.",
                    ),
                    "quiz",
                    "formative",
                ),
                _n(
                    ("Austausch im Forum", "Forum exchange"),
                    ("discussion", "self_paced_online", "group", 20),
                    ("Forumsdiskussion", "Forum discussion"),
                    (
                        "Stellen Sie eine offene Frage zum eigenen Arbeitsalltag, auf die "
                        "die Teilnehmenden antworten und reagieren.",
                        "Ask an open question about everyday work that participants answer "
                        "and respond to.",
                    ),
                    "forum",
                ),
            ),
        ),
        TemplateModule(
            ("Live-Session: Vertiefung", "Live session: going deeper"),
            (
                "Fragen aus der Selbstlernphase klären und an Fällen üben.",
                "Clear up questions from self-study and practise on cases.",
            ),
            (
                _n(
                    ("Fragen aus der Selbstlernphase", "Questions from self-study"),
                    ("discussion", "live_online", "plenary", 20),
                    ("Fragerunde", "Question round"),
                    (
                        "Sammeln Sie vorab die Fragen aus dem Forum und ordnen Sie sie.",
                        "Collect the questions from the forum beforehand and group them.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Fallarbeit in Kleingruppen", "Case work in small groups"),
                    ("collaboration", "live_online", "group", 40),
                    ("Breakout-Räume", "Breakout rooms"),
                    (
                        "Beschreiben Sie einen Fall aus der Praxis der Zielgruppe und den "
                        "Arbeitsauftrag für die Gruppen.",
                        "Describe a case from the target group's practice and the task for "
                        "the groups.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Transfer am Arbeitsplatz", "Transfer at the workplace"),
            (
                "Das Gelernte wird in der eigenen Arbeit erprobt.",
                "What was learnt is tried out in one's own work.",
            ),
            (
                _n(
                    ("Praxisaufgabe", "Workplace task"),
                    ("production", "at_workplace", "individual", 90),
                    ("Transferaufgabe", "Transfer task"),
                    (
                        "Formulieren Sie eine Aufgabe, die im Arbeitsalltag erledigt wird, "
                        "und was als Ergebnis abgegeben wird.",
                        "Write a task done in everyday work and what is handed in as the result.",
                    ),
                    "assignment",
                    "formative",
                ),
                _n(
                    ("Reflexion mit Lernpartner*in", "Reflection with a learning partner"),
                    ("discussion", "at_workplace", "pair", 30),
                    ("Kollegiale Beratung", "Peer consultation"),
                    (
                        "Geben Sie drei Reflexionsfragen vor, die die Paare besprechen.",
                        "Give three reflection questions for the pairs to discuss.",
                    ),
                ),
            ),
        ),
        TemplateModule(
            ("Abschluss live", "Live wrap-up"),
            (
                "Ergebnisse zeigen, Rückmeldung geben, nächste Schritte vereinbaren.",
                "Show results, give feedback, agree on next steps.",
            ),
            (
                _n(
                    ("Ergebnisse präsentieren", "Presenting results"),
                    ("production", "live_online", "plenary", 45),
                    ("Präsentation mit Feedback", "Presentation with feedback"),
                    (
                        "Legen Sie fest, wie lange jede Präsentation dauert und worauf das "
                        "Feedback achtet.",
                        "Decide how long each presentation takes and what the feedback looks at.",
                    ),
                    "live_session",
                    "summative",
                ),
                _n(
                    ("Feedback und Ausblick", "Feedback and outlook"),
                    ("discussion", "live_online", "plenary", 15),
                    ("Feedbackrunde", "Feedback round"),
                    (
                        "Notieren Sie die Fragen für die Rückmeldung zum Kurs.",
                        "Note the questions for feedback on the course.",
                    ),
                    "live_session",
                ),
            ),
        ),
    ),
)


def _short_input(number: int) -> SlotNugget:
    return _n(
        (f"Kurzinput {number}", f"Short input {number}"),
        ("acquisition", "live_online", "plenary", 10),
        ("Kurzvortrag mit Folien", "Short talk with slides"),
        (
            "Höchstens zehn Minuten: notieren Sie die eine Kernaussage und ein Beispiel.",
            "Ten minutes at most: note the one key message and an example.",
        ),
        "live_session",
    )


LIVE_ONLINE = DidacticTemplate(
    key="live_online",
    name=("Live-Online-Training", "Live online training"),
    description=(
        "Virtuelle Sessions: kurze Inputs von höchstens zehn Minuten, danach jeweils Interaktion.",
        "Virtual sessions: short inputs of ten minutes at most, each followed by interaction.",
    ),
    format_summary=(
        "Live-Online-Training in zwei Sessions à 90 Minuten per Videokonferenz.",
        "Live online training in two 90-minute video conference sessions.",
    ),
    didactic_approach=(
        "Auf jeden Input von höchstens zehn Minuten folgt eine Aktivität: Umfrage, "
        "Chat, Whiteboard oder Breakout-Raum. So bleiben alle aktiv.",
        "Every input of ten minutes at most is followed by an activity: poll, chat, "
        "whiteboard or breakout room. Everybody stays active.",
    ),
    modules=(
        TemplateModule(
            ("Session 1", "Session 1"),
            (
                "Einstieg ins Thema im Wechsel von Input und Interaktion.",
                "Getting into the topic, alternating input and interaction.",
            ),
            (
                _n(
                    ("Ankommen und Check-in", "Arrival and check-in"),
                    ("discussion", "live_online", "plenary", 10),
                    ("Umfrage zum Einstieg", "Opening poll"),
                    (
                        "Formulieren Sie eine Einstiegsfrage, die in einem Satz oder per "
                        "Klick beantwortet wird.",
                        "Write an opening question answered in one sentence or one click.",
                    ),
                    "live_session",
                ),
                _short_input(1),
                _n(
                    ("Umfrage und Diskussion", "Poll and discussion"),
                    ("discussion", "live_online", "plenary", 10),
                    ("Umfrage mit Auswertung", "Poll with debrief"),
                    (
                        "Stellen Sie eine Frage zum Input, deren Ergebnis Sie gemeinsam "
                        "besprechen.",
                        "Ask a question about the input and discuss the result together.",
                    ),
                    "live_session",
                ),
                _short_input(2),
                _n(
                    ("Übung in Breakout-Räumen", "Practice in breakout rooms"),
                    ("practice", "live_online", "group", 20),
                    ("Breakout-Räume", "Breakout rooms"),
                    (
                        "Beschreiben Sie den Arbeitsauftrag so, dass Gruppen ohne "
                        "Rückfrage starten können.",
                        "Write the task so that groups can start without asking back.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Ergebnisse sichern", "Capturing results"),
                    ("collaboration", "live_online", "plenary", 10),
                    ("Digitales Whiteboard", "Digital whiteboard"),
                    (
                        "Legen Sie fest, wie die Gruppen ihre Ergebnisse auf dem Whiteboard "
                        "festhalten.",
                        "Decide how the groups record their results on the whiteboard.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Session 2", "Session 2"),
            (
                "Vertiefen, auf eigene Fälle anwenden und den Transfer planen.",
                "Go deeper, apply to one's own cases and plan the transfer.",
            ),
            (
                _n(
                    ("Rückblick", "Review"),
                    ("discussion", "live_online", "plenary", 10),
                    ("Chat-Wasserfall", "Chat waterfall"),
                    (
                        "Fragen Sie, was seit Session 1 ausprobiert wurde.",
                        "Ask what was tried out since session 1.",
                    ),
                    "live_session",
                ),
                _short_input(3),
                _n(
                    ("Fallarbeit", "Case work"),
                    ("inquiry", "live_online", "group", 35),
                    ("Breakout-Räume mit Fallbeschreibung", "Breakout rooms with a case"),
                    (
                        "Beschreiben Sie einen Fall und die Fragen, die die Gruppe untersucht.",
                        "Describe a case and the questions the group examines.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Transferplan", "Transfer plan"),
                    ("production", "live_online", "individual", 15),
                    ("Ein-Minuten-Papier", "One-minute paper"),
                    (
                        "Geben Sie die Frage vor: Was setze ich in der nächsten Woche um?",
                        "Give the question: what will I put into practice next week?",
                    ),
                    "live_session",
                ),
            ),
        ),
    ),
)

SEMINAR = DidacticTemplate(
    key="seminar",
    name=("Präsenzseminar mit Praxistransfer", "Classroom seminar with workplace transfer"),
    description=(
        "Ein Seminartag vor Ort, eine Transferaufgabe im Betrieb und ein Nachtreffen.",
        "A day on site, a transfer task at work and a follow-up meeting.",
    ),
    format_summary=(
        "Präsenzseminar (ein Tag) mit Vorab-Umfrage, Transferphase im Betrieb und "
        "Online-Nachtreffen.",
        "One-day classroom seminar with a preliminary survey, a transfer phase at work "
        "and an online follow-up.",
    ),
    didactic_approach=(
        "Der Seminartag wechselt zwischen kurzen Inputs und Übungen an Fällen der "
        "Teilnehmenden; jede Person plant am Ende ihren Transfer.",
        "The seminar day alternates short inputs with practice on participants' cases; "
        "everyone plans their transfer at the end.",
    ),
    modules=(
        TemplateModule(
            ("Vorbereitung", "Preparation"),
            (
                "Vorab teilen Sie Ihre Erwartungen und Fälle aus Ihrer Praxis.",
                "Beforehand, you share your expectations and cases from your work.",
            ),
            (
                _n(
                    ("Umfrage zu Erwartungen und Fällen", "Survey of expectations and cases"),
                    ("inquiry", "self_paced_online", "individual", 15),
                    ("Online-Umfrage", "Online survey"),
                    (
                        "Notieren Sie die drei Fragen, mit denen Sie Erwartungen und "
                        "Praxisfälle erheben.",
                        "Note the three questions that collect expectations and cases.",
                    ),
                    "quiz",
                ),
            ),
        ),
        TemplateModule(
            ("Seminartag", "Seminar day"),
            (
                "Der gemeinsame Tag vor Ort.",
                "The day together on site.",
            ),
            (
                _n(
                    ("Einstieg und Erwartungen", "Opening and expectations"),
                    ("discussion", "on_site", "plenary", 20),
                    ("Erwartungsabfrage an der Pinnwand", "Expectations on a pinboard"),
                    (
                        "Beschreiben Sie, wie Sie die Erwartungen sichtbar machen.",
                        "Describe how you make the expectations visible.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Input", "Input"),
                    ("acquisition", "on_site", "plenary", 20),
                    ("Lehrvortrag mit Visualisierung", "Talk with visuals"),
                    (
                        "Fassen Sie die Kernaussagen des Inputs in Stichworten zusammen.",
                        "Summarise the key messages of the input in bullet points.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Übung in Paaren", "Practice in pairs"),
                    ("practice", "on_site", "pair", 45),
                    ("Rollenspiel", "Role play"),
                    (
                        "Beschreiben Sie die Rollen und die Situation, die geübt wird.",
                        "Describe the roles and the situation being practised.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Fallarbeit in Gruppen", "Case work in groups"),
                    ("collaboration", "on_site", "group", 60),
                    ("Fallarbeit", "Case study"),
                    (
                        "Wählen Sie Fälle aus der Vorab-Umfrage und formulieren Sie den Auftrag.",
                        "Choose cases from the survey and write the task.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Transfer planen", "Planning the transfer"),
                    ("production", "on_site", "individual", 20),
                    ("Aktionsplan", "Action plan"),
                    (
                        "Geben Sie eine Vorlage für den Aktionsplan vor: was, bis wann, mit wem.",
                        "Provide an action plan template: what, by when, with whom.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Praxistransfer", "Workplace transfer"),
            (
                "Die Teilnehmenden setzen ihren Aktionsplan im Betrieb um.",
                "Participants carry out their action plan at work.",
            ),
            (
                _n(
                    ("Transferaufgabe", "Transfer task"),
                    ("practice", "at_workplace", "individual", 120),
                    ("Umsetzung des Aktionsplans", "Carrying out the action plan"),
                    (
                        "Beschreiben Sie, was erprobt und wie es dokumentiert wird.",
                        "Describe what is tried out and how it is documented.",
                    ),
                    "assignment",
                    "formative",
                ),
                _n(
                    ("Transfergespräch mit der Führungskraft", "Transfer talk with the manager"),
                    ("discussion", "at_workplace", "pair", 30),
                    ("Gesprächsleitfaden", "Conversation guide"),
                    (
                        "Formulieren Sie die Leitfragen für das Gespräch.",
                        "Write the guiding questions for the talk.",
                    ),
                ),
            ),
        ),
        TemplateModule(
            ("Nachtreffen online", "Online follow-up"),
            (
                "Erfahrungen austauschen und Hindernisse gemeinsam lösen.",
                "Share experiences and solve obstacles together.",
            ),
            (
                _n(
                    ("Erfahrungsaustausch", "Sharing experiences"),
                    ("discussion", "live_online", "group", 60),
                    ("Kollegiale Fallberatung", "Peer case consultation"),
                    (
                        "Legen Sie den Ablauf der Fallberatung und die Zeit je Fall fest.",
                        "Set out the steps of the consultation and the time per case.",
                    ),
                    "live_session",
                ),
            ),
        ),
    ),
)

FLIPPED = DidacticTemplate(
    key="flipped",
    name=("Flipped Classroom", "Flipped classroom"),
    description=(
        "Inhalte vorab online erarbeiten, gemeinsame Zeit zum Anwenden nutzen.",
        "Work through content online beforehand, use the time together for application.",
    ),
    format_summary=(
        "Flipped Classroom: Online-Vorbereitung, Präsenzsitzung zum Anwenden, "
        "Nachbereitung online.",
        "Flipped classroom: online preparation, a classroom session for application, "
        "online follow-up.",
    ),
    didactic_approach=(
        "Wissen wird vorab im eigenen Tempo erarbeitet; die gemeinsame Zeit gehört "
        "Fragen, Übung und Rückmeldung.",
        "Knowledge is built beforehand at one's own pace; the time together belongs to "
        "questions, practice and feedback.",
    ),
    modules=(
        TemplateModule(
            ("Vor der Sitzung: online vorbereiten", "Before the session: prepare online"),
            (
                "Grundlagen selbst erarbeiten und Fragen mitbringen.",
                "Work out the basics alone and bring questions.",
            ),
            (
                _n(
                    ("Erklärvideo", "Explainer video"),
                    ("acquisition", "self_paced_online", "individual", 15),
                    ("Erklärvideo", "Explainer video"),
                    (
                        "Beschreiben Sie, was das Video in höchstens zehn Minuten zeigt.",
                        "Describe what the video shows in ten minutes at most.",
                    ),
                ),
                _n(
                    ("Verständnisfragen", "Check questions"),
                    ("practice", "self_paced_online", "individual", 10),
                    ("Quiz", "Quiz"),
                    (
                        "Legen Sie Fragen an, die zeigen, ob das Video verstanden wurde.",
                        "Add questions that show whether the video was followed.",
                    ),
                    "quiz",
                    "formative",
                ),
                _n(
                    ("Fragen sammeln", "Collecting questions"),
                    ("inquiry", "self_paced_online", "individual", 10),
                    ("Fragenspeicher im Forum", "Question board in the forum"),
                    (
                        "Bitten Sie um eine offene Frage je Person zur Sitzung.",
                        "Ask everyone to bring one open question to the session.",
                    ),
                    "forum",
                ),
            ),
        ),
        TemplateModule(
            ("In der Sitzung: anwenden", "In the session: apply"),
            (
                "Fragen klären und das Gelernte an Aufgaben anwenden.",
                "Clear up questions and apply what was learnt to tasks.",
            ),
            (
                _n(
                    ("Offene Fragen klären", "Answering open questions"),
                    ("discussion", "on_site", "plenary", 15),
                    ("Fragerunde", "Question round"),
                    (
                        "Gruppieren Sie die gesammelten Fragen vorab nach Themen.",
                        "Group the collected questions by topic beforehand.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Anwendungsaufgabe", "Application task"),
                    ("practice", "on_site", "group", 35),
                    ("Gruppenaufgabe", "Group task"),
                    (
                        "Beschreiben Sie die Aufgabe und das erwartete Ergebnis.",
                        "Describe the task and the expected result.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Ergebnisse vergleichen", "Comparing results"),
                    ("discussion", "on_site", "plenary", 15),
                    ("Galerierundgang", "Gallery walk"),
                    (
                        "Legen Sie fest, worauf beim Vergleich geachtet wird.",
                        "Decide what the comparison looks at.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Nach der Sitzung: vertiefen", "After the session: consolidate"),
            (
                "Das Gelernte festhalten und auf die eigene Arbeit beziehen.",
                "Record what was learnt and relate it to one's own work.",
            ),
            (
                _n(
                    ("Lerntagebuch", "Learning journal"),
                    ("production", "self_paced_online", "individual", 30),
                    ("Lerntagebuch", "Learning journal"),
                    (
                        "Geben Sie zwei Reflexionsfragen für den Eintrag vor.",
                        "Give two reflection questions for the entry.",
                    ),
                    "assignment",
                ),
            ),
        ),
    ),
)

WORKSHOP_SERIES = DidacticTemplate(
    key="workshop_series",
    name=("Workshop-Reihe", "Workshop series"),
    description=(
        "Kick-off mit World Café, Online-Vertiefung in Arbeitsgruppen, gemeinsamer Abschluss.",
        "Kick-off with a World Café, online deep dive in working groups, joint wrap-up.",
    ),
    format_summary=(
        "Workshop-Reihe: Präsenz-Kick-off, Online-Vertiefung, Präsenz-Abschluss.",
        "Workshop series: on-site kick-off, online deep dive, on-site wrap-up.",
    ),
    didactic_approach=(
        "Die Teilnehmenden bestimmen die Themen im Kick-off selbst und erarbeiten "
        "Lösungen in Arbeitsgruppen, die sie zum Abschluss vorstellen.",
        "Participants choose the topics at the kick-off and work out solutions in "
        "working groups, which they present at the wrap-up.",
    ),
    modules=(
        TemplateModule(
            ("Kick-off", "Kick-off"),
            (
                "Themen sammeln und Arbeitsgruppen bilden.",
                "Collect topics and form working groups.",
            ),
            (
                _n(
                    ("Begrüßung und Ziele", "Welcome and goals"),
                    ("acquisition", "on_site", "plenary", 15),
                    ("Kurzinput", "Short input"),
                    (
                        "Notieren Sie Ziel und Ablauf der Reihe in wenigen Sätzen.",
                        "Note the goal and course of the series in a few sentences.",
                    ),
                    "live_session",
                ),
                _n(
                    ("World Café", "World Café"),
                    ("discussion", "on_site", "group", 75),
                    ("World Café", "World Café"),
                    (
                        "Formulieren Sie je Tisch eine Leitfrage; drei Runden à 20 Minuten.",
                        "Write one guiding question per table; three rounds of 20 minutes.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Themen priorisieren", "Prioritising topics"),
                    ("collaboration", "on_site", "plenary", 20),
                    ("Punktabfrage", "Dot voting"),
                    (
                        "Beschreiben Sie, wie aus den Ergebnissen die Arbeitsgruppen entstehen.",
                        "Describe how the working groups arise from the results.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Online-Vertiefung", "Online deep dive"),
            (
                "Die Arbeitsgruppen recherchieren und erarbeiten Lösungen.",
                "The working groups research and work out solutions.",
            ),
            (
                _n(
                    ("Impuls", "Impulse"),
                    ("acquisition", "live_online", "plenary", 10),
                    ("Kurzinput", "Short input"),
                    (
                        "Höchstens zehn Minuten zu Methode oder Fachfrage der Vertiefung.",
                        "Ten minutes at most on the method or subject of the deep dive.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Recherche in der Arbeitsgruppe", "Research in the working group"),
                    ("inquiry", "self_paced_online", "group", 60),
                    ("Rechercheauftrag", "Research assignment"),
                    (
                        "Nennen Sie Quellen und die Fragen, die die Gruppe beantwortet.",
                        "Name sources and the questions the group answers.",
                    ),
                    "assignment",
                ),
                _n(
                    ("Lösungen erarbeiten", "Working out solutions"),
                    ("collaboration", "live_online", "group", 60),
                    ("Breakout-Räume", "Breakout rooms"),
                    (
                        "Beschreiben Sie, welches Ergebnis jede Gruppe mitbringt.",
                        "Describe which result each group brings along.",
                    ),
                    "live_session",
                ),
            ),
        ),
        TemplateModule(
            ("Abschluss", "Wrap-up"),
            (
                "Ergebnisse vorstellen und Vereinbarungen treffen.",
                "Present results and agree on next steps.",
            ),
            (
                _n(
                    ("Ergebnisse präsentieren", "Presenting results"),
                    ("production", "on_site", "group", 45),
                    ("Galerierundgang", "Gallery walk"),
                    (
                        "Legen Sie fest, wie jede Gruppe ihr Ergebnis zeigt.",
                        "Decide how each group shows its result.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Vereinbarungen treffen", "Agreeing on actions"),
                    ("collaboration", "on_site", "plenary", 30),
                    ("Maßnahmenplan", "Action plan"),
                    (
                        "Geben Sie die Spalten des Maßnahmenplans vor: was, wer, bis wann.",
                        "Give the columns of the action plan: what, who, by when.",
                    ),
                    "live_session",
                ),
                _n(
                    ("Feedback", "Feedback"),
                    ("discussion", "on_site", "plenary", 15),
                    ("Zielscheibe", "Target board"),
                    (
                        "Nennen Sie die Aussagen, die auf der Zielscheibe bewertet werden.",
                        "Name the statements rated on the target board.",
                    ),
                    "live_session",
                ),
            ),
        ),
    ),
)

TEMPLATES: Final[tuple[DidacticTemplate, ...]] = (
    BLANK,
    BLENDED,
    LIVE_ONLINE,
    SEMINAR,
    FLIPPED,
    WORKSHOP_SERIES,
)


def get_template(key: str) -> DidacticTemplate:
    for template in TEMPLATES:
        if template.key == key:
            return template
    raise KeyError(key)


def template_snapshot(template: DidacticTemplate, language: str, title: str) -> s.DesignSnapshot:
    """The template as a design in `language`, ready for the import service."""
    modules = []
    nuggets = []
    for m_index, module in enumerate(template.modules, start=1):
        placements = []
        for slot in module.nuggets:
            key = f"N{len(nuggets) + 1}"
            nuggets.append(_nugget(key, slot, language))
            placements.append(s.Placement(nugget=key))
        modules.append(
            s.Module(
                key=f"M{m_index}",
                title=pick(module.title, language),
                description=pick(module.help, language),
                placements=tuple(placements),
            )
        )
    grobkonzept = s.Grobkonzept(
        format_summary=pick(template.format_summary, language),
        didactic_approach=pick(template.didactic_approach, language),
    )
    return s.DesignSnapshot(
        title=title,
        language=language,
        grobkonzept=grobkonzept,
        modules=tuple(modules),
        nuggets=tuple(nuggets),
        placeholder_fields=tuple(
            name for name in s.PLACEHOLDER_FIELDS if not getattr(grobkonzept, name)
        ),
    )


def _nugget(key: str, slot: SlotNugget, language: str) -> s.Nugget:
    return s.Nugget(
        key=key,
        title=pick(slot.title, language),
        author_note=pick(slot.author_note, language),
        learning_type=slot.learning_type,
        delivery_mode=slot.delivery_mode,
        social_form=slot.social_form,
        method=pick(slot.method, language),
        duration_minutes=slot.minutes,
        assessment=slot.assessment,
        activity_kind=slot.activity_kind,
        placeholder=True,
    )
