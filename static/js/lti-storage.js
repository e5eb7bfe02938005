// LTI client-side postMessage storage (1EdTech "LTI Client Side postMessages"): where a
// browser blocks the tool's cookies inside the LMS's frame, the OIDC state and nonce are
// kept in the platform's frame instead. "put": store them, then go on to the platform's
// log-in; "get": read the state back and post the launch again with it.
(function () {
  "use strict";
  var box = document.getElementById("lti-storage");
  if (!box) return;
  var data = box.dataset;
  var host = window.opener || window.parent;
  var pending = {};

  function frame() {
    try {
      return data.target === "_parent" ? host : host.frames[data.target];
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var reply = event.data || {};
    if (event.origin !== data.origin || !pending[reply.message_id]) return;
    var done = pending[reply.message_id];
    delete pending[reply.message_id];
    done(reply);
  });

  function send(message, done) {
    var target = frame();
    var id = "kw-" + Math.random().toString(36).slice(2);
    if (!target) {
      done({});
      return;
    }
    message.message_id = id;
    pending[id] = done;
    target.postMessage(message, data.origin);
    window.setTimeout(function () {
      if (pending[id]) {
        delete pending[id];
        done({});
      }
    }, 5000);
  }

  if (data.mode === "put") {
    var left = 2;
    var next = function () {
      left -= 1;
      if (left === 0) window.location.href = data.next;
    };
    send({ subject: "lti.put_data", key: "state_" + data.state, value: data.state }, next);
    send({ subject: "lti.put_data", key: "nonce_" + data.nonce, value: data.nonce }, next);
  } else {
    send({ subject: "lti.get_data", key: "state_" + data.state }, function (reply) {
      document.getElementById("lti-storage-state").value = reply.value || "";
      document.getElementById("lti-storage-form").submit();
    });
  }
})();
