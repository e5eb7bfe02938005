"""The learner's view of a design: one renderer for the in-app preview, the SCORM
packages and the text of Moodle pages.

`course` (the overview and the nuggets as units of the player), `quiz` (questions as the
player scores them), `content` (a nugget's HTML with file references rewritten), `texts`
(the words on the pages, in the design's language) and `render` (the templates in
`templates/learner/`, styled by `static/learner/learner.css`, run by `player.js`).
"""
