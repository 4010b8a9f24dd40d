/* pf-json-output.c: JSON text that every parser accepts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-json-output"

#include "config.h"

#include "pf-json-output.h"

/* Outside strings an 'e' is either the end of true/false or an exponent; after
 * an exponent's digits json-glib may have added ".0", which is dropped. */
static void
repair_exponents (GString *text)
{
  gboolean in_string = FALSE;
  gsize w = 0;

  for (gsize r = 0; r < text->len; r++)
    {
      char c = text->str[r];

      if (in_string)
        {
          if (c == '\\' && r + 1 < text->len)
            {
              text->str[w++] = c;
              c = text->str[++r];
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == 'e' || c == 'E')
        {
          text->str[w++] = c;
          if (r + 1 < text->len && (text->str[r + 1] == '+' || text->str[r + 1] == '-'))
            text->str[w++] = text->str[++r];
          while (r + 1 < text->len && g_ascii_isdigit (text->str[r + 1]))
            text->str[w++] = text->str[++r];
          if (r + 2 < text->len && text->str[r + 1] == '.' && text->str[r + 2] == '0')
            r += 2;
          continue;
        }

      text->str[w++] = c;
    }

  g_string_truncate (text, w);
}

GString *
pf_json_output_to_gstring (JsonNode *node,
                           gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, text);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, text);
  repair_exponents (text);

  /* json-glib writes a string's bytes as they are. Bytes that are not UTF-8
   * (from a file name or a server's header that missed its check) would
   * make the text unreadable to every parser, ours included: the record
   * keeps U+FFFD in their place instead. */
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text->str, text->len);

      g_warning ("JSON output held bytes that are not UTF-8; replaced them with U+FFFD");
      g_string_assign (text, valid);
    }

  return text;
}

void
pf_json_add_string_member (JsonBuilder *builder,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
