#!/usr/bin/env python3
"""Times whole commands side by side: each round runs every command once, in turn, so that a busy
moment of a shared machine hurts all alike (docs/performance.md, "Parallel start-up round").
Prints the median wall-clock time and the median CPU time (user + system, of the command and its
children, from wait4) of each, after one warm-up round that is not counted. The clock starts at
the fork, so Python's own start is not counted, and both times are to the microsecond (GNU time
gives hundredths of a second: a bare JVM start is 3 of them).

usage: bench/interleaved.py RUNS "COMMAND A" "COMMAND B" ...   (each command one shell-quoted string)
       bench/interleaved.py --once COMMAND [ARG...]             (one run; prints "WALL_MS CPU_MS")
"""
import os
import shlex
import statistics
import sys
import time

DEVNULL = os.open(os.devnull, os.O_WRONLY)


def timed(command):
    """Runs command (a list), output discarded; its wall and CPU milliseconds, or exits if it failed."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(DEVNULL, 1)
        os.dup2(DEVNULL, 2)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed (exit {os.waitstatus_to_exitcode(status)}): {shlex.join(command)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


if sys.argv[1] == "--once":
    print("%d %d" % timed(sys.argv[2:]))
    sys.exit(0)
runs = int(sys.argv[1])
commands = [shlex.split(c) for c in sys.argv[2:]]
wall = [[] for _ in commands]
cpu = [[] for _ in commands]
for round_ in range(runs + 1):
    for i, command in enumerate(commands):
        w, c = timed(command)
        if round_ > 0:
            wall[i].append(w)
            cpu[i].append(c)
print("rounds:", runs, "load average:", " ".join(open("/proc/loadavg").read().split()[:3]))
for i, text in enumerate(sys.argv[2:]):
    print(f"wall {statistics.median(wall[i]):7.1f} ms  cpu {statistics.median(cpu[i]):7.1f} ms  {text}")
