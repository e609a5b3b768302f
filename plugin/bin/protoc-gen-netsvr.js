#!/usr/bin/env node
import { protocGenNetsvr } from "../dist/protoc-gen-netsvr.js";
import { runPlugin } from "../dist/run.js";

process.exitCode = await runPlugin(protocGenNetsvr, process.argv.slice(2));
