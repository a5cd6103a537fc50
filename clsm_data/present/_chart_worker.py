"""The chart renderer's process: Vega-Lite specs in, SVG or PNG out, through vl-convert (see render.py).

Run by render.py as a child of the app or of a command, never imported by them. Requests and answers are framed on
stdin / stdout: a 4-byte big-endian length, then the bytes. A request is JSON {"to": "svg" | "png", "spec": str,
"scale": float}; an answer is one byte (0 done, 1 refused) and the bytes (the picture, or vl-convert's message).
It ends when its parent closes the pipe, or after IDLE seconds without a request: V8's 70 MB are then given back.
"""

import json
import os
import select
import struct
import sys

IDLE = float(os.environ.get("CLSM_CHART_IDLE", "60"))


def _read(stream, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def main() -> int:
    import vl_convert as vlc

    src, dst = sys.stdin.buffer, sys.stdout.buffer
    while True:
        ready, _, _ = select.select([src], [], [], IDLE)
        if not ready:
            return 0
        try:
            (size,) = struct.unpack(">I", _read(src, 4))
            request = json.loads(_read(src, size))
        except EOFError:
            return 0
        try:
            if request["to"] == "png":
                out = vlc.vegalite_to_png(request["spec"], scale=float(request.get("scale", 2.0)))
            else:
                out = vlc.vegalite_to_svg(request["spec"]).encode("utf-8")
            status = 0
        except Exception as error:  # noqa: BLE001 - vl-convert's refusal goes back to the caller as its message
            out, status = str(error).encode("utf-8"), 1
        dst.write(struct.pack(">BI", status, len(out)) + out)
        dst.flush()


if __name__ == "__main__":
    raise SystemExit(main())
