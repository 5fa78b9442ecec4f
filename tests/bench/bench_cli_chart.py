#!/usr/bin/python3
"""CSV → A4 PDF as a whole process, as an analyst scripts it: `tandem-cli chart`
at 104 and 10,000 points, `tandem-cli analyse` at 1,000,000 points, and the same
charts through a project (new, team add, measure add, import, export).

Prints the median of 5 runs of each, wall time and peak memory (of the chart
process), against the targets of issue 20: chart 25 ms / 60 ms, through a
project 80 ms / 150 ms, peak memory 25 MiB. Fails only if a command fails;
the figures are for the reader, as the machine's load varies.
"""

import datetime
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

CLI = sys.argv[1] if len(sys.argv) > 1 else os.environ["TANDEM_CLI"]


def write_csv(path, n, header="date,value"):
    day = datetime.date(1990, 1, 1)
    with open(path, "w") as f:
        f.write(header + "\n")
        for i in range(n):
            value = 10 + ((i * 7919) % 97) / 24.0 + (7.6 if i % 320 == 160 else 0)
            f.write(f"{day + datetime.timedelta(days=i)},{value:.3f}\n")


def timed(args):
    """Wall seconds and peak resident MiB of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([CLI, *args], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    # ru_maxrss of the children is the largest so far, not this one's: it only rises.
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def median_of(runs, make_args, setup=None):
    times, peaks = [], []
    for i in range(runs):
        if setup:
            setup(i)
        seconds, peak = timed(make_args(i))
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n, target, project_target in [(104, 0.025, 0.080), (10000, 0.060, 0.150)]:
            csv = os.path.join(tmp, f"data{n}.csv")
            write_csv(csv, n)
            pdf = os.path.join(tmp, f"chart{n}.pdf")
            t, peak = median_of(5, lambda i: ["chart", "--chart", "i", csv, "-o", pdf])
            rows.append((f"chart CSV→PDF, {n} points", t, target, peak))

            # Through a project: every step a process of its own, timed together.
            def through_project(i):
                project = os.path.join(tmp, f"p{n}-{i}.tandem")
                start = time.perf_counter()
                for args in (["new", project], ["team", "add", "Ward", project],
                             ["measure", "add", "M", "--team", "Ward", "--chart", "i", "--direction", "decrease",
                              project],
                             ["import", "data", "--measure", "M", csv, project],
                             ["export", "chart", "--measure", "M", "-o", pdf, project]):
                    subprocess.run([CLI, *args], check=True, stdout=subprocess.DEVNULL)
                return time.perf_counter() - start
            t = statistics.median(through_project(i) for i in range(5))
            rows.append((f"through a project, {n} points", t, project_target, None))
            for step, args in [("import alone", ["import", "data", "--measure", "M", csv]),]:
                def import_alone(i):
                    project = os.path.join(tmp, f"q{n}-{i}.tandem")
                    for a in (["new", project], ["team", "add", "Ward", project],
                              ["measure", "add", "M", "--team", "Ward", "--direction", "decrease", project]):
                        subprocess.run([CLI, *a], check=True, stdout=subprocess.DEVNULL)
                    start = time.perf_counter()
                    subprocess.run([CLI, *args, project], check=True, stdout=subprocess.DEVNULL)
                    return time.perf_counter() - start
                t = statistics.median(import_alone(i) for i in range(5))
                rows.append((f"{step}, {n} points (process)", t, None, None))

        big = os.path.join(tmp, "million.csv")
        with open(big, "w") as f:
            f.write("x,y\n")
            for i in range(1000000):
                f.write(f"{i},{10 + ((i * 7919) % 97) / 24.0:.3f}\n")
        t, peak = median_of(3, lambda i: ["analyse", "--chart", "i", big])
        rows.append(("analyse, 1,000,000 points", t, None, peak))

    for name, seconds, target, peak in rows:
        line = f"{name:<40} {seconds * 1000:8.1f} ms"
        if target is not None:
            line += f"   target {target * 1000:.0f} ms {'ok' if seconds <= target else 'OVER'}"
        if peak is not None:
            line += f"   peak ≤ {peak:.1f} MiB"
        print(line)


if __name__ == "__main__":
    main()
