/* pf-json-guard.c: the pre-scans run before json-glib sees outside JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-json-guard"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pf-json-guard.h"

/* Looks at data[*i] for a scan that skips strings: counts lines, steps
 * over the byte an escape hides, and tracks *@in_string. Returns whether
 * data[*i] is outside every string and not a quote, for the scan to look
 * at. */
static gboolean
outside_strings (const char *data,
                 gsize      *i,
                 gboolean   *in_string,
                 guint      *line)
{
  char c = data[*i];

  if (c == '\n')
    (*line)++;

  if (*in_string)
    {
      /* An escape hides the next byte, so \" does not end the string;
       * a newline after a backslash is invalid JSON anyway. */
      if (c == '\\')
        (*i)++;
      else if (c == '"')
        *in_string = FALSE;
      return FALSE;
    }

  if (c == '"')
    {
      *in_string = TRUE;
      return FALSE;
    }

  return TRUE;
}

gboolean
pf_json_guard_check (const char *data,
                     gsize       len,
                     guint       max_depth,
                     guint      *out_line)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (!outside_strings (data, &i, &in_string, &line))
        continue;

      if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              if (out_line != NULL)
                *out_line = line;
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

gboolean
pf_json_guard_check_single (const char *data,
                            gsize       len,
                            guint      *out_line)
{
  gboolean in_string = FALSE;
  gboolean in_scalar = FALSE;
  guint depth = 0;
  guint values = 0;
  guint line = 1;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];
      gboolean starts_value = FALSE;

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"' || c == '[' || c == '{')
        {
          starts_value = depth == 0;
          in_string = c == '"';
          if (c != '"')
            depth++;
          in_scalar = FALSE;
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
        }
      else if (depth == 0)
        {
          /* Top-level numbers and literals run until whitespace. */
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            in_scalar = FALSE;
          else if (!in_scalar)
            starts_value = in_scalar = TRUE;
        }

      if (starts_value && ++values > 1)
        {
          if (out_line != NULL)
            *out_line = line;
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

gboolean
pf_json_guard_check_numbers (const char *data,
                             gsize       len,
                             guint      *out_line)
{
  gboolean in_string = FALSE;
  guint line = 1;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      gsize end = i;
      g_autofree char *number = NULL;

      if (!outside_strings (data, &i, &in_string, &line)
          || !(g_ascii_isdigit (data[i]) || data[i] == '-'))
        continue;

      while (end < len && is_number_char (data[end]))
        end++;
      /* Whether the token is valid JSON is the parser's business; a
       * mantissa or exponent long enough to overflow is ours. */
      number = g_strndup (data + i, end - i);
      if (!isfinite (g_ascii_strtod (number, NULL)))
        {
          if (out_line != NULL)
            *out_line = line;
          return FALSE;
        }
      i = end - 1;
    }

  return TRUE;
}

/* The code unit of the \\uXXXX escape at @data[@i], or -1 if there is
 * none there. */
static int
unicode_escape (const char *data,
                gsize       len,
                gsize       i)
{
  int unit = 0;

  if (i + 6 > len || data[i] != '\\' || data[i + 1] != 'u')
    return -1;

  for (gsize k = i + 2; k < i + 6; k++)
    {
      if (!g_ascii_isxdigit (data[k]))
        return -1;
      unit = unit * 16 + g_ascii_xdigit_value (data[k]);
    }

  return unit;
}

gboolean
pf_json_guard_check_escapes (const char *data,
                             gsize       len,
                             guint      *out_line)
{
  gboolean in_string = FALSE;
  guint line = 1;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      int unit;

      if (data[i] == '\n')
        line++;

      if (!in_string)
        {
          in_string = data[i] == '"';
          continue;
        }
      if (data[i] == '"')
        {
          in_string = FALSE;
          continue;
        }
      if (data[i] != '\\')
        continue;

      unit = unicode_escape (data, len, i);
      if (unit >= 0xd800 && unit <= 0xdbff)
        {
          int low = unicode_escape (data, len, i + 6);

          /* A whole pair makes one character. */
          if (low >= 0xdc00 && low <= 0xdfff)
            {
              i += 11;
              continue;
            }
        }
      /* Besides half a pair, json-glib takes escapes JSON does not have,
       * such as octal \256, and turns them into bytes that are not UTF-8;
       * and \u0000 silently ends the string there. */
      if (unit == 0 || (unit >= 0xd800 && unit <= 0xdfff)
          || (unit < 0 && (i + 1 >= len || strchr ("\"\\/bfnrt", data[i + 1]) == NULL
                           || data[i + 1] == '\0')))
        {
          if (out_line != NULL)
            *out_line = line;
          return FALSE;
        }
      /* The escaped byte cannot end the string (\" does not). */
      i++;
    }

  return TRUE;
}
