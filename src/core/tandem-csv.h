/* tandem-csv.h — reading a measure's data from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

#include "tandem-spc.h"

G_BEGIN_DECLS

TandemSpcData *tandem_csv_read_measure        (const char  *text,
                                               gssize       length,
                                               GError     **error);
TandemSpcData *tandem_csv_read_measure_file   (const char  *filename,
                                               GError     **error);
TandemSpcData *tandem_csv_read_measure_stream (FILE        *stream,
                                               GError     **error);

gboolean tandem_csv_parse_number (const char *field,
                                  gboolean    decimal_comma,
                                  double     *value,
                                  gboolean   *out_of_range);

G_END_DECLS
