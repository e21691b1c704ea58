#!/usr/bin/python3
"""Drive headless Chromium over its DevTools pipe, for the site's tests.

    browser.py [--width W] [--height H] [--shot FILE [--clip Y:H]] URL EXPR...

Opens URL in a fresh profile at W x H CSS pixels (a phone's viewport,
honouring <meta name=viewport>, below 700), waits until the page's
document is complete and, when it has a worklist, until site.js marks the
body data-ready, then prints the value of each JavaScript EXPR as one line
of JSON.  --shot writes a PNG screenshot of the whole page (--clip Y:H: only H
pixels from Y).  Uses only
Python's standard library: --remote-debugging-pipe speaks JSON messages
ended by NUL on fds 3 (to Chromium) and 4 (from it), so no websocket is
needed.  Exit 0, or 1 with a message on stderr.
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-pipe"]

READY = """(function () {
  if (document.readyState !== 'complete') return false;
  if (document.getElementById('worklist') && window.shindan_meta &&
      document.body.dataset.ready !== '1' &&
      document.getElementById('worklist').hidden === false) return false;
  return true; })()"""


class Chrome:
    def __init__(self, binary, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()

        def child():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)
        self.proc = subprocess.Popen(
            [binary] + FLAGS + ["--user-data-dir=" + profile,
                                "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=child, pass_fds=(3, 4))
        os.close(to_r)
        os.close(from_w)
        self.buf = b""
        self.next_id = 0
        self.session = None

    def call(self, method, params=None, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method,
               "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        end = time.time() + timeout
        while True:
            while b"\0" not in self.buf:
                if time.time() > end:
                    raise RuntimeError(method + ": no answer")
                chunk = os.read(self.from_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(method + ": " +
                                       json.dumps(reply["error"]))
                return reply.get("result", {})

    def eval(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr,
                                           "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr, json.dumps(
                r["exceptionDetails"].get("exception", {}).get(
                    "description", r["exceptionDetails"].get("text")))))
        return r.get("result", {}).get("value")

    def close(self):
        try:
            self.session = None
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def main(argv):
    width, height, shot, top, skip = 1280, 900, None, 0, 0
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--width":
            width = int(argv.pop(0))
        elif opt == "--height":
            height = int(argv.pop(0))
        elif opt == "--shot":
            shot = argv.pop(0)
        elif opt == "--clip":
            skip, top = (int(v) for v in argv.pop(0).split(":"))
        else:
            sys.exit("browser.py: unknown option " + opt)
    if not argv:
        sys.exit(__doc__)
    url, exprs = argv[0], argv[1:]
    binary = (shutil.which("chromium") or shutil.which("chromium-browser")
              or sys.exit("browser.py: chromium not installed"))
    profile = tempfile.mkdtemp(prefix="shindan-chromium.")
    chrome = Chrome(binary, profile)
    try:
        target = chrome.call("Target.createTarget", {"url": "about:blank"})
        chrome.session = chrome.call("Target.attachToTarget", {
            "targetId": target["targetId"], "flatten": True})["sessionId"]
        chrome.call("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1,
            "mobile": width < 700})
        chrome.call("Page.enable")
        chrome.call("Page.navigate", {"url": url})
        end = time.time() + 120
        time.sleep(0.1)
        while not chrome.eval(READY):
            if time.time() > end:
                raise RuntimeError(url + ": page never ready")
            time.sleep(0.05)
        for e in exprs:
            print(json.dumps(chrome.eval(e), ensure_ascii=False,
                             separators=(",", ":")))
        if shot:
            h = chrome.eval("document.documentElement.scrollHeight")
            chrome.call("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(int(h), 12000),
                "deviceScaleFactor": 1, "mobile": width < 700})
            time.sleep(0.3)
            args = {"format": "png"}
            if top:
                args["clip"] = {"x": 0, "y": skip, "width": width,
                                "height": top, "scale": 1}
            png = chrome.call("Page.captureScreenshot", args)
            with open(shot, "wb") as f:
                f.write(base64.b64decode(png["data"]))
    except RuntimeError as e:
        print("browser.py: %s" % e, file=sys.stderr)
        return 1
    finally:
        chrome.close()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
