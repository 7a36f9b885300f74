"""A one-event Lambda Runtime API on loopback, for timing a custom-runtime package end to end.

Serves the event file once on /invocation/next, records when the answer (or an error) is posted, prints
`<ms from start to answer> <answer>` and exits. Usage: runtime_api.py PORT EVENT_FILE
"""
import http.server
import sys
import threading
import time

port, event = int(sys.argv[1]), open(sys.argv[2], "rb").read()
started = time.monotonic()
served = threading.Event()
done = threading.Event()
answer = {}


class RuntimeApi(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if served.is_set():  # the loop's next poll: hold it until the process is killed
            done.wait(30)
            return
        served.set()
        self.send_response(200)
        self.send_header("Lambda-Runtime-Aws-Request-Id", "bench-1")
        self.send_header("Content-Length", str(len(event)))
        self.end_headers()
        self.wfile.write(event)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        answer["ms"] = int((time.monotonic() - started) * 1000)
        answer["path"], answer["body"] = self.path, body.decode()
        self.send_response(202)
        self.end_headers()
        done.set()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", port), RuntimeApi)
threading.Thread(target=server.serve_forever, daemon=True).start()
print("ready", flush=True)
done.wait(120)
print(answer.get("ms"), answer.get("path"), answer.get("body"), flush=True)
