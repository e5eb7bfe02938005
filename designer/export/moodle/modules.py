"""`<modname>.xml` of each kind of activity, in the element order of Moodle 4.5's
backup steps (mod/<modname>/backup/moodle2/backup_<modname>_stepslib.php)."""

from __future__ import annotations

from collections.abc import Callable

from designer.export.moodle.plan import Activity, Plan
from designer.export.moodle.xml import Element, decimal, fields, group, root, sub, to_bytes

# PHP-serialised display options, as Moodle stores them.
PAGE_DISPLAY = 'a:2:{s:10:"printintro";i:0;s:17:"printlastmodified";i:1;}'
PRINT_INTRO_OFF = 'a:1:{s:10:"printintro";i:0;}'
# Quiz review options: which parts learners see during and after an attempt (bit masks).
REVIEW_ALL = 69904
REVIEW_OVERALL_FEEDBACK = 4368


def module_xml(plan: Plan, a: Activity) -> bytes:
    doc = root(
        "activity", id=a.instance, moduleid=a.cmid, modulename=a.modname, contextid=a.contextid
    )
    body = group(doc, a.modname, id=a.instance)
    _WRITERS[a.modname](plan, a, body)
    return to_bytes(doc)


def _intro(a: Activity) -> list[tuple[str, object]]:
    return [("name", a.title), ("intro", a.intro), ("introformat", 1)]


def _page(plan: Plan, a: Activity, el: Element) -> None:
    fields(
        el,
        [
            *_intro(a),
            ("content", a.content),
            ("contentformat", 1),
            ("legacyfiles", 0),
            ("legacyfileslast", None),
            ("display", 0),
            ("displayoptions", PAGE_DISPLAY),
            ("revision", 1),
            ("timemodified", plan.now),
        ],
    )


def _label(plan: Plan, a: Activity, el: Element) -> None:
    fields(el, [*_intro(a), ("timemodified", plan.now)])


def _url(plan: Plan, a: Activity, el: Element) -> None:
    fields(
        el,
        [
            *_intro(a),
            ("externalurl", a.url),
            ("display", 0),
            ("displayoptions", PRINT_INTRO_OFF),
            ("parameters", "a:0:{}"),
            ("timemodified", plan.now),
        ],
    )


def _resource(plan: Plan, a: Activity, el: Element) -> None:
    fields(
        el,
        [
            *_intro(a),
            ("tobemigrated", 0),
            ("legacyfiles", 0),
            ("legacyfileslast", None),
            ("display", 0),
            ("displayoptions", PRINT_INTRO_OFF),
            ("filterfiles", 0),
            ("revision", 1),
            ("timemodified", plan.now),
        ],
    )


def _forum(plan: Plan, a: Activity, el: Element) -> None:
    sub(el, "type", "general")
    fields(el, _intro(a))
    fields(
        el,
        [
            ("duedate", 0),
            ("cutoffdate", 0),
            ("assessed", 0),
            ("assesstimestart", 0),
            ("assesstimefinish", 0),
            ("scale", 0),
            ("maxbytes", 0),
            ("maxattachments", 1),
            ("forcesubscribe", 0),
            ("trackingtype", 1),
            ("rsstype", 0),
            ("rssarticles", 0),
            ("timemodified", plan.now),
            ("warnafter", 0),
            ("blockafter", 0),
            ("blockperiod", 0),
            ("completiondiscussions", 0),
            ("completionreplies", 0),
            ("completionposts", 0),
            ("displaywordcount", 0),
            ("lockdiscussionafter", 0),
            ("grade_forum", 0),
        ],
    )
    for tag in ("discussions", "subscriptions", "digests", "readposts", "trackedprefs"):
        group(el, tag)
    group(el, "poststags")
    group(el, "grades")


# assign's submission and feedback plugins: online text and file upload on, feedback
# comments on, the rest off (Moodle's defaults for a new assignment).
ASSIGN_PLUGINS = (
    ("onlinetext", "assignsubmission", "enabled", "1"),
    ("onlinetext", "assignsubmission", "wordlimit", "0"),
    ("onlinetext", "assignsubmission", "wordlimitenabled", "0"),
    ("file", "assignsubmission", "enabled", "1"),
    ("file", "assignsubmission", "maxfilesubmissions", "20"),
    ("file", "assignsubmission", "maxsubmissionsizebytes", "0"),
    ("file", "assignsubmission", "filetypeslist", ""),
    ("comments", "assignsubmission", "enabled", "1"),
    ("comments", "assignfeedback", "enabled", "1"),
    ("comments", "assignfeedback", "commentinline", "0"),
    ("editpdf", "assignfeedback", "enabled", "0"),
    ("offline", "assignfeedback", "enabled", "0"),
    ("file", "assignfeedback", "enabled", "0"),
)


def _assign(plan: Plan, a: Activity, el: Element) -> None:
    assert a.grade_item is not None
    fields(
        el,
        [
            *_intro(a),
            ("alwaysshowdescription", 1),
            ("submissiondrafts", 0),
            ("sendnotifications", 0),
            ("sendlatenotifications", 0),
            ("sendstudentnotifications", 1),
            ("duedate", a.duedate),
            ("cutoffdate", 0),
            ("gradingduedate", 0),
            ("allowsubmissionsfromdate", 0),
            ("grade", int(a.grade_item.grademax)),
            ("timemodified", plan.now),
            ("completionsubmit", a.completion.submit),
            ("requiresubmissionstatement", 0),
            ("teamsubmission", 0),
            ("requireallteammemberssubmit", 0),
            ("teamsubmissiongroupingid", 0),
            ("blindmarking", 0),
            ("hidegrader", 0),
            ("revealidentities", 0),
            ("attemptreopenmethod", "untilpass"),
            ("maxattempts", -1),
            ("markingworkflow", 0),
            ("markingallocation", 0),
            ("markinganonymous", 0),
            ("preventsubmissionnotingroup", 0),
            ("activity", None),
            ("activityformat", 0),
            ("timelimit", 0),
            ("submissionattachments", 0),
        ],
    )
    for tag in ("userflags", "submissions", "grades"):
        group(el, tag)
    configs = group(el, "plugin_configs")
    for i, (plugin, subtype, name, value) in enumerate(ASSIGN_PLUGINS, start=1):
        fields(
            group(configs, "plugin_config", id=i),
            [("plugin", plugin), ("subtype", subtype), ("name", name), ("value", value)],
        )
    group(el, "overrides")


def _quiz(plan: Plan, a: Activity, el: Element) -> None:
    assert a.bank is not None and a.grade_item is not None
    questions = a.bank.questions
    behaviour = "immediatefeedback" if a.assessment == "formative" else "deferredfeedback"
    fields(
        el,
        [
            *_intro(a),
            ("timeopen", 0),
            ("timeclose", 0),
            ("timelimit", 0),
            ("overduehandling", "autosubmit"),
            ("graceperiod", 0),
            ("preferredbehaviour", behaviour),
            ("canredoquestions", 0),
            ("attempts_number", 0),
            ("attemptonlast", 0),
            ("grademethod", 1),
            ("decimalpoints", 2),
            ("questiondecimalpoints", -1),
            *[
                (f"review{part}", REVIEW_ALL)
                for part in (
                    "attempt",
                    "correctness",
                    "maxmarks",
                    "marks",
                    "specificfeedback",
                    "generalfeedback",
                    "rightanswer",
                )
            ],
            ("reviewoverallfeedback", REVIEW_OVERALL_FEEDBACK),
            ("questionsperpage", 1),
            ("navmethod", "free"),
            ("shuffleanswers", 1),
            ("sumgrades", decimal(len(questions))),
            ("grade", decimal(a.grade_item.grademax)),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("password", ""),
            ("subnet", ""),
            ("browsersecurity", "-"),
            ("delay1", 0),
            ("delay2", 0),
            ("showuserpicture", 0),
            ("showblocks", 0),
            ("completionattemptsexhausted", 0),
            ("completionminattempts", 0),
            ("allowofflineattempts", 0),
        ],
    )
    group(el, "subplugin_quizaccess_seb_quiz")
    group(el, "quiz_grade_items")
    instances = group(el, "question_instances")
    for q in questions:
        inst = group(instances, "question_instance", id=q.id)
        fields(
            inst,
            [
                ("quizid", a.instance),
                ("slot", q.slot),
                ("page", q.slot),
                ("displaynumber", None),
                ("requireprevious", 0),
                ("maxmark", decimal(1, 7)),
                ("quizgradeitemid", None),
            ],
        )
        fields(
            group(inst, "question_reference", id=q.id),
            [
                ("usingcontextid", a.contextid),
                ("component", "mod_quiz"),
                ("questionarea", "slot"),
                ("questionbankentryid", q.id),
                ("version", None),
            ],
        )
    sections = group(el, "sections")
    fields(
        group(sections, "section", id=a.instance),
        [("firstslot", 1), ("heading", ""), ("shufflequestions", 0)],
    )
    for tag in ("feedbacks", "overrides", "grades", "attempts"):
        group(el, tag)


_WRITERS: dict[str, Callable[[Plan, Activity, Element], None]] = {
    "page": _page,
    "label": _label,
    "url": _url,
    "resource": _resource,
    "forum": _forum,
    "assign": _assign,
    "quiz": _quiz,
}
