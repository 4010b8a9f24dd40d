/* pf-json-guard.c: the nesting pre-scan run before json-glib sees outside JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-json-guard"

#include "config.h"

#include "pf-json-guard.h"

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

      if (c == '\n')
        line++;

      if (in_string)
        {
          /* An escape hides the next byte, so \" does not end the string;
           * a newline after a backslash is invalid JSON anyway. */
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
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
