/* tandem-date.h — dates as people and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TandemDateFormat:
 * @TANDEM_DATE_AUTO: whichever one format reads every date of the column
 * @TANDEM_DATE_ISO: 2026-03-02
 * @TANDEM_DATE_DMY: 02/03/2026 (also with - or . between, and 2-digit years)
 * @TANDEM_DATE_MDY: 03/02/2026, as American spreadsheets write it
 * @TANDEM_DATE_MY: 03/2026, a month (charted on its first day)
 * @TANDEM_DATE_EXCEL: 46083, a spreadsheet's day number (1900 date system)
 */
typedef enum
{
  TANDEM_DATE_AUTO,
  TANDEM_DATE_ISO,
  TANDEM_DATE_DMY,
  TANDEM_DATE_MDY,
  TANDEM_DATE_MY,
  TANDEM_DATE_EXCEL,
} TandemDateFormat;

gboolean tandem_parse_date     (const char       *text,
                                TandemDateFormat  format,
                                char              date[11]);
gboolean tandem_parse_iso_date (const char       *text,
                                char              date[11]);

gboolean tandem_read_typed_date (const char  *text,
                                 char         date[11],
                                 GError     **error);
char    *tandem_describe_date   (const char  *iso);

G_END_DECLS
