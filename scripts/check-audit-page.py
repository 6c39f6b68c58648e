#!/usr/bin/env python3
"""Opens an audit report in headless Chromium and reports what happened.

    scripts/check-audit-page.py REPORT.html

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe),
so it needs nothing beyond Python and Chromium. Waits for the page's load event
(no sleeps), then prints one JSON object:

    {"requests": [urls other than the page itself],
     "consoleErrors": [messages], "findingMarkers": N, "findingNotes": N,
     "highlights": N, "filterHides": N}

Exit status 0 when the page was checked, 3 when Chromium could not start.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
DEADLINE_MESSAGES = 20000  # a guard against a hung browser, not a timing assumption


def find_chromium():
    override = os.environ.get("CHROMIUM")
    if override:
        return override
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, binary, profile):
        to_browser_r, self.to_browser_w = os.pipe()
        self.from_browser_r, from_browser_w = os.pipe()
        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--remote-debugging-pipe",
                f"--user-data-dir={profile}", "about:blank"]

        def remap():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=remap, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser_w, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser_r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        wanted = self.send(method, params, session)
        for _ in range(DEADLINE_MESSAGES):
            message = self.read()
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)
        raise RuntimeError(f"no answer to {method}")

    def wait_for(self, method):
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[index]
                return event
        for _ in range(DEADLINE_MESSAGES):
            message = self.read()
            self.events.append(message)
            if message.get("method") == method:
                self.events.pop()
                return message
        raise RuntimeError(f"never saw {method}")

    def close(self):
        try:
            self.send("Browser.close")
        except OSError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    page_url = "file://" + os.path.abspath(sys.argv[1])
    binary = find_chromium()
    if binary is None:
        print("chromium not found (install it with scripts/install-deps.sh --test)", file=sys.stderr)
        return 3
    profile = tempfile.mkdtemp(prefix="friction-chromium-")
    try:
        try:
            browser = Browser(binary, profile)
            target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        except (OSError, RuntimeError) as error:
            print(f"chromium could not start: {error}", file=sys.stderr)
            return 3
        try:
            session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                browser.call(f"{domain}.enable", session=session)
            browser.call("Page.navigate", {"url": page_url}, session=session)
            browser.wait_for("Page.loadEventFired")

            def evaluate(expression):
                result = browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
                return result["result"].get("value")

            counts = evaluate("""({
                markers: document.querySelectorAll('[data-finding]').length,
                notes: document.querySelectorAll('[data-note]').length,
                highlights: document.querySelectorAll('mark.hl.bad').length,
                filtersShown: !document.getElementById('filters').hidden
            })""")
            # Use the filter as a keyboard user would: focus the first rule
            # checkbox and press Space; its findings must disappear.
            hides = evaluate("""(function () {
                var box = document.querySelector('#filters input[data-rule]');
                if (!box) { return -1; }
                box.focus();
                return box.dataset.rule;
            })()""")
            hidden = -1
            if isinstance(hides, str):
                for kind in ("keyDown", "keyUp"):
                    browser.call("Input.dispatchKeyEvent", {"type": kind, "key": " ", "code": "Space",
                                                           "windowsVirtualKeyCode": 32, "text": " " if kind == "keyDown" else ""},
                                 session=session)
                hidden = evaluate("""(function () {
                    var rule = %s, all = document.querySelectorAll('[data-finding][data-rule="' + rule + '"]');
                    var gone = 0;
                    all.forEach(function (el) { if (el.hidden && el.offsetParent === null) { gone += 1; } });
                    return gone === all.length && all.length > 0 ? all.length : -all.length - 1;
                })()""" % json.dumps(hides))
            requests, errors = [], []
            for event in browser.events:
                method, params = event.get("method"), event.get("params", {})
                if method == "Network.requestWillBeSent":
                    url = params["request"]["url"]
                    if url != page_url and not url.startswith("data:"):
                        requests.append(url)
                elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                    errors.append(" ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])))
                elif method == "Runtime.exceptionThrown":
                    errors.append(params["exceptionDetails"].get("exception", {}).get("description", "exception"))
                elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                    errors.append(params["entry"].get("text", ""))
            print(json.dumps({"requests": requests, "consoleErrors": errors, "findingMarkers": counts["markers"],
                              "findingNotes": counts["notes"], "highlights": counts["highlights"],
                              "filtersShown": counts["filtersShown"], "filterHides": hidden}))
            return 0
        finally:
            browser.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
