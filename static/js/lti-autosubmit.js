// Deep linking: send the chosen content back to the LMS at once.
document.getElementById("lti-autosubmit").submit();
