// LTI Dynamic Registration is done: tell the platform's window (opener or parent frame).
(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");
