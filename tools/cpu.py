#!/usr/bin/env python3
"""CPU time and peak RSS of a command, for tools/bench.sh.

usage: cpu.py [--copy SRC DST] RUNS REPEAT -- COMMAND...

Runs COMMAND REPEAT times in a row, RUNS times over, and prints the best
run's CPU seconds (user + system) per invocation and the largest peak RSS
(KiB) of any invocation.  Times come from wait4()'s rusage of each child, in
microseconds, so short commands are not lost in a shell timer's 10 ms steps.
--copy copies SRC over DST before each invocation, outside the measurement
(for commands that rewrite their input, such as --fix).
"""
import os
import shutil
import subprocess
import sys


def one(cmd):
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, _, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0  # reaped by wait4 itself
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main(argv):
    copy = None
    if argv[:1] == ["--copy"]:
        copy, argv = (argv[1], argv[2]), argv[3:]
    runs, repeat = int(argv[0]), int(argv[1])
    cmd = argv[3:] if argv[2] == "--" else argv[2:]
    best, peak = None, 0
    for _ in range(runs):
        total = 0.0
        for _ in range(repeat):
            if copy:
                shutil.copyfile(*copy)
            cpu, rss = one(cmd)
            total += cpu
            peak = max(peak, rss)
        per = total / repeat
        best = per if best is None else min(best, per)
    print(f"{best:.6f} {peak}")


if __name__ == "__main__":
    main(sys.argv[1:])
