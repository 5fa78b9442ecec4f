#!/usr/bin/python3
"""CSV → A4 PDF as a whole process, as an analyst scripts it: `tandem-cli chart`
at 104 and 10,000 points, `tandem-cli analyse` at 1,000,000 points, and the same
charts through a project (new, team add, measure add, import, export).

Prints the median of 5 runs of each, wall time and peak memory (of the chart
process), against the targets of issue 20: chart 25 ms / 60 ms, through a
project 80 ms / 150 ms, peak memory 25 MiB. Fails only if a command fails;
the figures are for the reader, as the machine's load varies.

Two reference lines, measured the same way on the same machine, give the
floor the chart's figures stand on: `tandem-cli --version` (the process
starting, its libraries loaded, and nothing drawn) and, if a C compiler and
pkg-config are found, a few lines of C built here in a temporary directory
(never part of the build) that lay out one line of text with Pango and write
a one-page PDF with cairo.
"""

import datetime
import os
import resource
import shutil
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


# One line of text laid out with Pango, on a one-page A4 PDF written with cairo.
ONE_LINE_PDF_C = r"""
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

int
main (int argc, char *argv[])
{
  cairo_surface_t *surface = cairo_pdf_surface_create (argv[1], 841.89, 595.28);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  cairo_status_t status;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Hours of activity, 104 points", -1);
  cairo_move_to (cr, 40, 40);
  pango_cairo_show_layout (cr, layout);
  cairo_show_page (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status == CAIRO_STATUS_SUCCESS ? 0 : 1;
}
"""


def build_one_line_pdf(tmp):
    """The program above, built in @tmp; None if there is no compiler or pkg-config."""
    cc = shutil.which(os.environ.get("CC", "cc"))
    if cc is None or shutil.which("pkg-config") is None:
        return None
    source = os.path.join(tmp, "one-line-pdf.c")
    program = os.path.join(tmp, "one-line-pdf")
    with open(source, "w") as f:
        f.write(ONE_LINE_PDF_C)
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "pangocairo", "cairo-pdf"],
                           capture_output=True, text=True)
    if flags.returncode != 0:
        return None
    built = subprocess.run([cc, "-O2", "-o", program, source, *flags.stdout.split()],
                           capture_output=True, text=True)
    return program if built.returncode == 0 else None


def timed(args, program=None):
    """Wall seconds and peak resident MiB of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([program or CLI, *args], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    # ru_maxrss of the children is the largest so far, not this one's: it only rises.
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def median_of(runs, make_args, setup=None, program=None):
    times, peaks = [], []
    for i in range(runs):
        if setup:
            setup(i)
        seconds, peak = timed(make_args(i), program)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        t, peak = median_of(5, lambda i: ["--version"])
        rows.append(("process floor: tandem-cli --version", t, None, peak))
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

        # Built last: the compiler is a child too, and the peak memory of the
        # children only rises, so this line has no peak of its own.
        program = build_one_line_pdf(tmp)
        if program is not None:
            pdf = os.path.join(tmp, "one-line.pdf")
            t, _ = median_of(5, lambda i: [pdf], program=program)
            rows.insert(1, ("floor: one Pango line to a PDF (C)", t, None, None))
        else:
            print("(no C compiler or pkg-config: the one-line PDF floor is not measured)")

    for name, seconds, target, peak in rows:
        line = f"{name:<40} {seconds * 1000:8.1f} ms"
        if target is not None:
            line += f"   target {target * 1000:.0f} ms {'ok' if seconds <= target else 'OVER'}"
        if peak is not None:
            line += f"   peak ≤ {peak:.1f} MiB"
        print(line)


if __name__ == "__main__":
    main()
