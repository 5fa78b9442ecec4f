/* tandem-spc-json.c — an SPC result as JSON (the output of `tandem-cli analyse`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than through a JSON tree: a chart of a million
 * points should not need a million objects to print.
 */

#define G_LOG_DOMAIN "Tandem-SPC"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tandem-spc.h"

static void
append_string (GString    *out,
               const char *s)
{
  g_string_append_c (out, '"');
  for (const char *c = s; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar) *c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *c);
          else
            g_string_append_c (out, *c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_name_or_null (GString    *out,
                     const char *s)
{
  if (s == NULL)
    g_string_append (out, "null");
  else
    append_string (out, s);
}

/* Powers of ten that are exact doubles. */
static const double exact_powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };

/* The shortest decimal that reads back as the same double, always with a
 * decimal point or an exponent; null if not finite.  Data are mostly short
 * decimals (12, 0.25, 37.5): those are written from an integer without
 * printf, which is slow at this (a million points make six million numbers).
 * If m = round (d × 10^k) and m / 10^k == d, the decimal m·10^-k reads back
 * as d, since both m and 10^k are exact and the division is correctly
 * rounded. */
static void
append_number (GString *out,
               double   d)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }

  if (fabs (d) < 1e9)
    {
      for (guint k = 0; k < G_N_ELEMENTS (exact_powers); k++)
        {
          double m = nearbyint (d * exact_powers[k]);

          if (m / exact_powers[k] == d)
            {
              guint64 digits = (guint64) fabs (m);
              guint64 scale = (guint64) exact_powers[k];
              char *end = buffer + sizeof buffer;
              char *c = end;
              guint64 fraction = digits % scale;
              guint64 whole = digits / scale;

              /* written backwards: fraction (k digits, or "0"), point, whole */
              if (k == 0)
                *--c = '0';
              for (guint j = 0; j < k; j++, fraction /= 10)
                *--c = '0' + fraction % 10;
              *--c = '.';
              do
                *--c = '0' + whole % 10;
              while ((whole /= 10) > 0);
              if (d < 0)
                *--c = '-';
              g_string_append_len (out, c, end - c);
              return;
            }
        }
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", d);
  if (g_ascii_strtod (buffer, NULL) != d)
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.16g", d);
      if (g_ascii_strtod (buffer, NULL) != d)
        g_ascii_formatd (buffer, sizeof buffer, "%.17g", d);
    }
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* The lines repeat all along a phase: write each value once, then copy. */
typedef struct
{
  double  value;
  gsize   length;
  char    text[40];
} NumberCache;

static void
append_cached_number (GString     *out,
                      NumberCache *cache,
                      double       d)
{
  gsize before;

  if (cache->length > 0 && (d == cache->value || (isnan (d) && isnan (cache->value))) &&
      signbit (d) == signbit (cache->value))
    {
      g_string_append_len (out, cache->text, cache->length);
      return;
    }

  before = out->len;
  append_number (out, d);
  cache->value = d;
  cache->length = MIN (out->len - before, sizeof cache->text);
  memcpy (cache->text, out->str + before, cache->length);
  if (out->len - before > sizeof cache->text)
    cache->length = 0;
}

static void
append_count (GString *out,
              gint64   value)
{
  if (value < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static const struct
{
  TandemSpcSignals  signal;
  const char       *name;
} signal_names[] = {
  { TANDEM_SPC_SIGNAL_OUTSIDE, "outside" },
  { TANDEM_SPC_SIGNAL_SHIFT, "shift" },
  { TANDEM_SPC_SIGNAL_TREND, "trend" },
  { TANDEM_SPC_SIGNAL_TWO_OF_THREE, "two_of_three" },
  { TANDEM_SPC_SIGNAL_RUNS, "runs" },
};

/**
 * tandem_spc_result_write_json:
 * @result: a result of tandem_spc_analyse()
 * @out: where to append the JSON
 *
 * Appends the result as the JSON document of `tandem-cli analyse`: the chart
 * and rules, every point (x, y, n, phase, included, cl, lcl, ucl, lcl95,
 * ucl95, signals, variation), every phase's Anhøj statistics, the overall
 * variation and the assurance.  The bounds held to (see
 * tandem_spc_options_set_natural_bounds()) are named when set, and a phase
 * whose limits were held at them says so ("lcl_floored", "ucl_capped").  Missing values and lines that do not exist
 * are null.  The document ends with a newline.
 */
void
tandem_spc_result_write_json (const TandemSpcResult *result,
                              GString               *out)
{
  NumberCache caches[6] = { { 0 } };

  g_return_if_fail (result != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "{\"chart\": ");
  append_string (out, tandem_spc_chart_to_string (result->chart));
  g_string_append (out, ", \"rules\": ");
  append_string (out, tandem_spc_rules_to_string (result->rules));
  if (!isnan (result->lower_bound))
    {
      g_string_append (out, ", \"lower_bound\": ");
      append_number (out, result->lower_bound);
    }
  if (!isnan (result->upper_bound))
    {
      g_string_append (out, ", \"upper_bound\": ");
      append_number (out, result->upper_bound);
    }
  g_string_append (out, ",\n \"points\": [");

  for (gsize i = 0; i < result->n_points; i++)
    {
      TandemSpcPoint point;
      const TandemSpcPoint *p = &point;
      char buffer[32];
      gboolean first = TRUE;

      tandem_spc_result_get_point (result, i, &point);
      g_string_append (out, i == 0 ? "\n  {\"x\": " : ",\n  {\"x\": ");
      append_string (out, tandem_spc_result_get_label (result, i, buffer));
      g_string_append (out, ", \"y\": ");
      append_number (out, p->y);
      g_string_append (out, ", \"n\": ");
      append_cached_number (out, &caches[0], p->n);
      g_string_append_printf (out, ", \"phase\": %u, \"included\": %s", p->phase,
                              p->included ? "true" : "false");
      g_string_append (out, ", \"cl\": ");
      append_cached_number (out, &caches[1], p->cl);
      g_string_append (out, ", \"lcl\": ");
      append_cached_number (out, &caches[2], p->lcl);
      g_string_append (out, ", \"ucl\": ");
      append_cached_number (out, &caches[3], p->ucl);
      g_string_append (out, ", \"lcl95\": ");
      append_cached_number (out, &caches[4], p->lcl95);
      g_string_append (out, ", \"ucl95\": ");
      append_cached_number (out, &caches[5], p->ucl95);
      g_string_append (out, ", \"signals\": [");
      for (guint k = 0; k < G_N_ELEMENTS (signal_names); k++)
        {
          if (p->signals & signal_names[k].signal)
            {
              g_string_append (out, first ? "\"" : ", \"");
              g_string_append (out, signal_names[k].name);
              g_string_append_c (out, '"');
              first = FALSE;
            }
        }
      g_string_append (out, "], \"variation\": ");
      append_name_or_null (out, tandem_spc_variation_to_string (p->variation));
      g_string_append_c (out, '}');
    }

  g_string_append (out, result->n_points > 0 ? "\n ],\n \"phases\": [" : "],\n \"phases\": [");

  for (gsize k = 0; k < result->n_phases; k++)
    {
      const TandemSpcPhase *phase = &result->phases[k];

      g_string_append (out, k == 0 ? "\n  " : ",\n  ");
      g_string_append_printf (out,
                              "{\"first\": %" G_GSIZE_FORMAT ", \"last\": %" G_GSIZE_FORMAT
                              ", \"n_obs\": %" G_GSIZE_FORMAT ", \"n_useful\": %" G_GSIZE_FORMAT,
                              phase->first, phase->last, phase->n_obs, phase->n_useful);
      g_string_append (out, ", \"longest_run\": ");
      append_count (out, phase->longest_run);
      g_string_append (out, ", \"longest_run_max\": ");
      append_count (out, phase->longest_run_max);
      g_string_append (out, ", \"crossings\": ");
      append_count (out, phase->crossings);
      g_string_append (out, ", \"crossings_min\": ");
      append_count (out, phase->crossings_min);
      g_string_append_printf (out, ", \"runs_signal\": %s",
                              phase->runs_signal ? "true" : "false");
      /* Only when it applied, so that unbounded limits read as before. */
      if (phase->lcl_floored)
        g_string_append (out, ", \"lcl_floored\": true");
      if (phase->ucl_capped)
        g_string_append (out, ", \"ucl_capped\": true");
      g_string_append_c (out, '}');
    }

  g_string_append (out, "\n ],\n \"variation\": ");
  append_name_or_null (out, tandem_spc_variation_to_string (result->variation));
  g_string_append (out, ", \"assurance\": ");
  append_name_or_null (out, tandem_spc_assurance_to_string (result->assurance));
  g_string_append (out, "}\n");
}

/**
 * tandem_spc_result_to_json:
 * @result: a result of tandem_spc_analyse()
 *
 * Returns the result as JSON, as tandem_spc_result_write_json() writes it.
 *
 * Returns: (transfer full): the JSON text; free with g_free()
 */
char *
tandem_spc_result_to_json (const TandemSpcResult *result)
{
  GString *out;

  g_return_val_if_fail (result != NULL, NULL);

  out = g_string_sized_new (256 + result->n_points * 200);
  tandem_spc_result_write_json (result, out);
  return g_string_free (out, FALSE);
}
