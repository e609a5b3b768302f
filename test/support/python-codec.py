"""Reads and writes netsvr frames with Google's protobuf runtime, as an
independent check of the TypeScript codecs (see test/wire-python.test.ts).

Usage: python-codec.py PYTHON_OUT_DIR CORPUS_JSON

PYTHON_OUT_DIR holds the modules `protoc --python_out` made from one protocol
version's protos (proto/<version>/*.proto). The versions' modules have the
same names, so each version needs its own directory and its own process.
The corpus is {"decode": [...], "encode": [...]}; the answer, on stdout, has
one result per job in the same order.

decode job {"frame": hex, "module": str|null, "message": str|null}: checks the
length prefix, returns the command id and, for a frame with a body, the body
parsed with module.message as MessageToDict JSON (proto field names, default
values left out) plus the message serialized again by this runtime as hex.
A job without message expects a frame without body.

encode job {"cmd": int, "module": str, "message": str, "json": dict}: builds
the message from its JSON form and returns the whole frame as hex.

parse job {"body": hex, "module": str, "message": str}: whether this runtime
parses the body (not a frame) as module.message: {"ok": true, "warnings":
[str]}, or {"ok": false, "error": str}. The corpus may leave the "parse" list out.
"""

import importlib
import json
import struct
import sys
import warnings

from google.protobuf import json_format

HEADER = struct.Struct(">II")


def message_class(module, name):
    return getattr(importlib.import_module(module), name)


def split_frame(frame):
    """The command id and body of a whole frame, after checking its length prefix."""
    if len(frame) < HEADER.size:
        raise ValueError(f"frame of {len(frame)} bytes has no header")
    length, cmd = HEADER.unpack_from(frame)
    if length + 4 != len(frame):
        raise ValueError(f"length prefix {length} does not match a frame of {len(frame)} bytes")
    return cmd, frame[HEADER.size:]


def decode(job):
    cmd, body = split_frame(bytes.fromhex(job["frame"]))
    if job["message"] is None:
        return {"cmd": cmd, "bodyLength": len(body)}
    message = message_class(job["module"], job["message"]).FromString(body)
    return {
        "cmd": cmd,
        "json": json_format.MessageToDict(message, preserving_proto_field_name=True),
        "reserialized": message.SerializeToString().hex(),
    }


def encode(job):
    message = json_format.ParseDict(job["json"], message_class(job["module"], job["message"])())
    body = message.SerializeToString()
    return {"frame": (HEADER.pack(4 + len(body), job["cmd"]) + body).hex()}


def parse(job):
    # The C++ backend warns where it stops early (a 0 tag ends a message there); keep that as a note.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            message_class(job["module"], job["message"]).FromString(bytes.fromhex(job["body"]))
        except Exception as error:  # DecodeError, and whatever else a runtime raises on bad input
            return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, "warnings": [str(w.message) for w in caught]}


def main(python_out, corpus_path):
    sys.path.insert(0, python_out)
    with open(corpus_path, encoding="utf-8") as corpus_file:
        corpus = json.load(corpus_file)
    json.dump(
        {
            "decode": [decode(job) for job in corpus["decode"]],
            "encode": [encode(job) for job in corpus["encode"]],
            "parse": [parse(job) for job in corpus.get("parse", [])],
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
