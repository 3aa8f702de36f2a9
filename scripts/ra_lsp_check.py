#!/usr/bin/env python3
"""Drives rust-analyzer over LSP the way an editor does, with privflow as its check command
(the README's VS Code setting), and prints the diagnostics it publishes; then fixes the finding's
line (`p.diagnosis` -> `p.id`), saves, and waits for the finding to go away. A manual check, not
part of the test suite (it needs a rust-analyzer binary):

    python3 scripts/ra_lsp_check.py WORKSPACE_DIR PATH/TO/rust-analyzer [src/lib.rs]

with `cargo-privflow` on PATH. RA_TIMEOUT (seconds, default 240) bounds the run. It edits the
file it opens: run it on a scratch copy."""
import json, os, subprocess, sys, time, select

ws, ra = os.path.abspath(sys.argv[1]), sys.argv[2]
target = sys.argv[3] if len(sys.argv) > 3 else "src/lib.rs"
config = {
    "check": {"overrideCommand": ["cargo", "privflow", "--message-format=cargo-json"]},
    "checkOnSave": True,
    "cachePriming": {"enable": False},
    "procMacro": {"enable": False},
    "cargo": {"buildScripts": {"enable": False}},
}
p = subprocess.Popen([ra], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, cwd=ws)
buf = b""

def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

def recv(timeout):
    global buf
    end = time.time() + timeout
    while True:
        if b"\r\n\r\n" in buf:
            head, rest = buf.split(b"\r\n\r\n", 1)
            n = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0].split(b":")[1])
            if len(rest) >= n:
                buf = rest[n:]
                return json.loads(rest[:n])
        left = end - time.time()
        if left <= 0:
            return None
        r, _, _ = select.select([p.stdout], [], [], left)
        if r:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                return None
            buf += chunk

uri = "file://" + os.path.join(ws, target)
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "processId": os.getpid(), "rootUri": "file://" + ws,
    "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True}},
                     "workspace": {"configuration": True}, "window": {"workDoneProgress": True},
                     "experimental": {"serverStatusNotification": True}},
    "initializationOptions": config}})
found, saved, start = [], False, time.time()
while time.time() - start < float(os.environ.get("RA_TIMEOUT", "240")):
    m = recv(5)
    if m is None:
        if not saved and time.time() - start > 60:
            send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
            saved = True
            print("saved (timeout) after %.1fs" % (time.time() - start), flush=True)
        continue
    if m.get("id") == 1 and "result" in m:
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        text = open(os.path.join(ws, target)).read()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "rust", "version": 1, "text": text}}})
        continue
    if "method" in m and "id" in m:  # a request from the server
        result = None
        if m["method"] == "workspace/configuration":
            result = [config for _ in m["params"]["items"]]
        send({"jsonrpc": "2.0", "id": m["id"], "result": result})
        continue
    if m.get("method") == "$/progress":
        v = m["params"].get("value", {})
        if v.get("kind") == "end" and not saved and "Indexing" not in json.dumps(m):
            pass
    if m.get("method") == "experimental/serverStatus" and m["params"].get("quiescent") and not saved:
        send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
        saved = True
        print("saved after %.1fs" % (time.time() - start), flush=True)
    if m.get("method") == "textDocument/publishDiagnostics":
        ds = m["params"]["diagnostics"]
        for d in ds:
            line = (m["params"]["uri"].replace("file://" + ws + "/", ""), d["range"]["start"]["line"] + 1,
                    d.get("source"), str(d.get("code")), d["message"].splitlines()[0][:120])
            if line not in found:
                found.append(line)
                print("diagnostic:", line, flush=True)
        ours = [d for d in ds if "/" in str(d.get("code"))]
        if ours and not os.environ.get("FIXED"):
            # The developer fixes the line and saves: the finding must go away.
            os.environ["FIXED"] = "1"
            path = os.path.join(ws, target)
            fixed = open(path).read().replace("p.diagnosis", "p.id")
            open(path, "w").write(fixed)
            send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}})
            send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}}})
            print("fixed and saved", flush=True)
        elif os.environ.get("FIXED") and not ours and m["params"]["uri"] == uri:
            print("after the fix: no privflow diagnostic", flush=True)
            break
send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
p.kill()
print("privflow diagnostics:", sum(1 for f in found if "/" in str(f[3])))
