#!/usr/bin/env node
import { runCli } from './program.js';

/** The CLI is a shell over the library: argv in, exit code out. */
const exitCode = await runCli(process.argv, { stdout: process.stdout, stderr: process.stderr });
process.exitCode = exitCode;
