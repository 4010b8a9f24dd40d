/* pf-page.c: base class of the pages of the assessment view (the GisPage idea).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pf-page"

#include "config.h"

#include "pf-page.h"

typedef struct
{
  PfSession   *session;       /* (owned) */
  char        *title;         /* (owned) */
  char        *progress_text; /* (owned) (nullable) */
  PfPageState  state;
  gboolean     complete;
} PfPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PfPage, pf_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_STATE,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pf_page_dispose (GObject *object)
{
  PfPagePrivate *priv = pf_page_get_instance_private (PF_PAGE (object));

  g_clear_object (&priv->session);

  G_OBJECT_CLASS (pf_page_parent_class)->dispose (object);
}

static void
pf_page_finalize (GObject *object)
{
  PfPagePrivate *priv = pf_page_get_instance_private (PF_PAGE (object));

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->progress_text, g_free);

  G_OBJECT_CLASS (pf_page_parent_class)->finalize (object);
}

static void
pf_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PfPage *self = PF_PAGE (object);
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pf_page_get_title (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;
    case PROP_STATE:
      g_value_set_int (value, priv->state);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, priv->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PfPage *self = PF_PAGE (object);
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      pf_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_COMPLETE:
      pf_page_set_complete (self, g_value_get_boolean (value));
      break;
    case PROP_STATE:
      pf_page_set_state (self, g_value_get_int (value));
      break;
    case PROP_PROGRESS_TEXT:
      pf_page_set_progress_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_page_class_init (PfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pf_page_dispose;
  object_class->finalize = pf_page_finalize;
  object_class->get_property = pf_page_get_property;
  object_class->set_property = pf_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PF_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A plain int: PfPageState has no registered enum type in the contract. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      PF_PAGE_STATE_NOT_STARTED, PF_PAGE_STATE_NEEDS_REVIEW,
                      PF_PAGE_STATE_NOT_STARTED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_page_init (PfPage *self)
{
}

PfSession *
pf_page_get_session (PfPage *self)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_PAGE (self), NULL);

  return priv->session;
}

const char *
pf_page_get_title (PfPage *self)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_PAGE (self), NULL);

  return priv->title != NULL ? priv->title : "";
}

void
pf_page_set_title (PfPage     *self,
                   const char *title)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_if_fail (PF_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
pf_page_get_complete (PfPage *self)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_PAGE (self), FALSE);

  return priv->complete;
}

void
pf_page_set_complete (PfPage   *self,
                      gboolean  complete)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_if_fail (PF_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

PfPageState
pf_page_get_state (PfPage *self)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_PAGE (self), PF_PAGE_STATE_NOT_STARTED);

  return priv->state;
}

void
pf_page_set_state (PfPage      *self,
                   PfPageState  state)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_if_fail (PF_IS_PAGE (self));

  if (priv->state == state)
    return;

  priv->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
pf_page_get_progress_text (PfPage *self)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_val_if_fail (PF_IS_PAGE (self), NULL);

  return priv->progress_text;
}

void
pf_page_set_progress_text (PfPage     *self,
                           const char *progress_text)
{
  PfPagePrivate *priv = pf_page_get_instance_private (self);

  g_return_if_fail (PF_IS_PAGE (self));

  if (g_strcmp0 (priv->progress_text, progress_text) == 0)
    return;

  g_free (priv->progress_text);
  priv->progress_text = g_strdup (progress_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TEXT]);
}

void
pf_page_update_summary (PfPage              *self,
                        PfPageSummarizeFunc  summarize)
{
  PfPageState state = PF_PAGE_STATE_NOT_STARTED;
  g_autofree char *progress_text = NULL;

  g_return_if_fail (PF_IS_PAGE (self));
  g_return_if_fail (summarize != NULL);

  summarize (pf_page_get_session (self), &state, &progress_text);
  pf_page_set_state (self, state);
  pf_page_set_progress_text (self, progress_text);
}

void
pf_page_shown (PfPage *self)
{
  g_return_if_fail (PF_IS_PAGE (self));

  if (PF_PAGE_GET_CLASS (self)->shown != NULL)
    PF_PAGE_GET_CLASS (self)->shown (self);
}

void
pf_page_commit (PfPage *self)
{
  g_return_if_fail (PF_IS_PAGE (self));

  if (PF_PAGE_GET_CLASS (self)->commit != NULL)
    PF_PAGE_GET_CLASS (self)->commit (self);
}
