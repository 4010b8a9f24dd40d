/* pf-json-guard.c: the pre-scan run before json-glib sees outside JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-json-guard"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "pf-json-guard.h"

/* Number tokens up to this long are parsed from the stack; longer ones are
 * copied to the heap, which only hostile input needs. */
#define NUMBER_BUFFER_SIZE 512

/* The code unit of the \\uXXXX escape at @data[@i], or -1 if there is
 * none there. */
static inline int
unicode_escape (const guchar *data,
                gsize         len,
                gsize         i)
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

/* How many bytes after the backslash at @data[@i] its escape takes, or 0
 * when it is not one JSON has or does not make text. */
static inline gsize
escape_length (const guchar *data,
               gsize         len,
               gsize         i)
{
  int unit;
  int low;

  if (i + 1 >= len)
    return 0;

  switch (data[i + 1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 1;
    case 'u':
      break;
    default:
      /* json-glib takes escapes JSON does not have, such as octal \256,
       * and turns them into bytes that are not UTF-8. */
      return 0;
    }

  unit = unicode_escape (data, len, i);
  /* \u0000 would silently end the string there. */
  if (unit <= 0 || (unit >= 0xdc00 && unit <= 0xdfff))
    return 0;
  if (unit < 0xd800 || unit > 0xdbff)
    return 5;

  /* A whole pair makes one character; half of one makes bytes that are not
   * UTF-8. */
  low = unicode_escape (data, len, i + 6);
  return low >= 0xdc00 && low <= 0xdfff ? 11 : 0;
}

static inline gboolean
is_number_char (guchar c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* Whether the number token @token (@len bytes) fits a double, as
 * g_ascii_strtod() reads its longest prefix that is a number. Kept out of
 * the scan's loop: few tokens need it. */
static G_GNUC_NO_INLINE gboolean
number_fits (const char *token,
             gsize       len)
{
  char buffer[NUMBER_BUFFER_SIZE];
  g_autofree char *copy = NULL;
  const char *number = buffer;

  /* g_ascii_strtod() needs the token alone and NUL-terminated: on the
   * data itself it would go on reading "0x1p99999" or "-inf", which are
   * not JSON numbers, and past @len. */
  if (len < sizeof buffer)
    {
      memcpy (buffer, token, len);
      buffer[len] = '\0';
    }
  else
    number = copy = g_strndup (token, len);

  return isfinite (g_ascii_strtod (number, NULL));
}

static inline PfJsonGuardProblem
found (PfJsonGuardProblem  problem,
       guint               line,
       guint              *out_line)
{
  if (out_line != NULL)
    *out_line = line;
  return problem;
}

PfJsonGuardProblem
pf_json_guard_scan (const char *data,
                    gsize       len,
                    guint       max_depth,
                    guint      *out_line)
{
  const guchar *bytes = (const guchar *) data;
  /* Whether a top-level number or literal is running: it runs until
   * whitespace or the start of a string, array or object. */
  gboolean in_scalar = FALSE;
  guint values = 0;
  guint depth = 0;
  guint line = 1;

  /* A guard refuses what it cannot vouch for. */
  g_return_val_if_fail (data != NULL || len == 0, PF_JSON_GUARD_TOO_DEEP);

  for (gsize i = 0; i < len; i++)
    {
      guchar c = bytes[i];

      switch (c)
        {
        case '\n':
          line++;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
          in_scalar = FALSE;
          break;

        case '"':
          if (depth == 0 && values++ > 0)
            return found (PF_JSON_GUARD_SEVERAL_DOCUMENTS, line, out_line);
          in_scalar = FALSE;
          /* The string, in a loop of its own: brackets, quotes a backslash
           * escapes, and digits in it are text. */
          for (i++; i < len && bytes[i] != '"'; i++)
            {
              if (bytes[i] == '\n')
                line++;
              else if (bytes[i] == '\\')
                {
                  gsize escaped = escape_length (bytes, len, i);

                  if (escaped == 0)
                    return found (PF_JSON_GUARD_BAD_ESCAPE, line, out_line);
                  /* None of the escaped bytes is a quote or a newline. */
                  i += escaped;
                }
            }
          break;

        case '[':
        case '{':
          if (depth >= max_depth)
            return found (PF_JSON_GUARD_TOO_DEEP, line, out_line);
          if (depth == 0 && values++ > 0)
            return found (PF_JSON_GUARD_SEVERAL_DOCUMENTS, line, out_line);
          depth++;
          in_scalar = FALSE;
          break;

        case ']':
        case '}':
          /* Stray closers are the parser's to refuse; they must not let
           * what follows nest deeper unseen. */
          if (depth > 0)
            depth--;
          break;

        default:
          if (depth == 0 && !in_scalar)
            {
              if (values++ > 0)
                return found (PF_JSON_GUARD_SEVERAL_DOCUMENTS, line, out_line);
              in_scalar = TRUE;
            }
          if (c == '-' || g_ascii_isdigit (c))
            {
              gboolean exponent = FALSE;
              gsize end = i + 1;

              /* Whether the token is valid JSON is the parser's business;
               * a mantissa or exponent long enough to overflow is ours. */
              for (; end < len && is_number_char (bytes[end]); end++)
                exponent |= bytes[end] == 'e' || bytes[end] == 'E';
              /* Without an exponent, a token of at most DBL_MAX_10_EXP
               * (308) bytes has at most 308 digits before any point, so it
               * is below 1e308 < DBL_MAX and needs no parsing. */
              if ((exponent || end - i > DBL_MAX_10_EXP) && !number_fits (data + i, end - i))
                return found (PF_JSON_GUARD_NUMBER_OUT_OF_RANGE, line, out_line);
              /* The rest of the token holds no quote, bracket, whitespace
               * or start of another value. */
              i = end - 1;
            }
          break;
        }
    }

  return PF_JSON_GUARD_OK;
}
