#!/usr/bin/env python3
"""Times whole commands side by side: each round runs every command once, in turn, so that a busy
moment of a shared machine hurts all alike (docs/performance.md, "Parallel start-up round").
Prints the median wall-clock time and the median CPU time (user + system, of the command and its
children, from wait4) of each, after one warm-up round that is not counted.

usage: bench/interleaved.py RUNS "COMMAND A" "COMMAND B" ...   (each command one shell-quoted string)
"""
import os
import shlex
import statistics
import sys
import time

runs = int(sys.argv[1])
commands = [shlex.split(c) for c in sys.argv[2:]]
wall = [[] for _ in commands]
cpu = [[] for _ in commands]
devnull = os.open(os.devnull, os.O_WRONLY)
for round_ in range(runs + 1):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvp(command[0], command)
        _, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed (exit {os.waitstatus_to_exitcode(status)}): {sys.argv[2 + i]}")
        if round_ > 0:
            wall[i].append((time.perf_counter() - start) * 1000)
            cpu[i].append((usage.ru_utime + usage.ru_stime) * 1000)
print("rounds:", runs, "load average:", " ".join(open("/proc/loadavg").read().split()[:3]))
for i, text in enumerate(sys.argv[2:]):
    print(f"wall {statistics.median(wall[i]):7.1f} ms  cpu {statistics.median(cpu[i]):7.1f} ms  {text}")
