/* straits-cli-arms.c: straits --arms-report, who arms whom from a SIPRI
 * trade register, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "straits-arms-chart.h"
#include "straits-arms-query.h"
#include "straits-figure-page.h"
#include "straits-export.h"
#include "straits-cli.h"
#include "straits-cli-arms.h"
#include "straits-diagnostic.h"

static int
fail_with (const char *message)
{
  fprintf (stderr, "straits: %s\n", message);
  return 1;
}

/* The register of --sipri=FILE, its warnings and errors on stderr. */
StraitsSipriRegister *
straits_cli_arms_load_register (GVariantDict *options, GError **error)
{
  const char *path = NULL;
  g_autoptr(GPtrArray) diags = NULL;
  StraitsSipriRegister *reg;

  if (!g_variant_dict_lookup (options, "sipri", "^&ay", &path))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("this needs a SIPRI trade register: --sipri=FILE"));
      return NULL;
    }
  reg = straits_sipri_register_load_file (path, &diags, error);
  for (guint i = 0; diags != NULL && i < diags->len; i++)
    {
      g_autofree char *line = straits_diagnostic_to_string (g_ptr_array_index (diags, i));
      fprintf (stderr, "%s\n", line);
    }
  return reg;
}

/* The filter and grouping from --recipient | --supplier, --from, --to,
 * --by and --exclude-local-production. @actor holds the one actor. */
gboolean
straits_cli_arms_filter (StraitsSipriRegister *reg,
                         GVariantDict         *options,
                         StraitsArmsFilter    *filter,
                         guint32              *actor,
                         StraitsArmsBy        *by,
                         GError              **error)
{
  const char *recipient = NULL, *supplier = NULL, *by_text = NULL;
  gint32 from = 0, to = 0;
  guint first, last;

  g_variant_dict_lookup (options, "recipient", "&s", &recipient);
  g_variant_dict_lookup (options, "supplier", "&s", &supplier);
  if ((recipient == NULL) == (supplier == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("name either --recipient=ID or --supplier=ID"));
      return FALSE;
    }
  *actor = straits_sipri_register_find_actor (reg, recipient ? recipient : supplier);
  if (*actor == G_MAXUINT32)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the register has no actor “%s” (use an ISO 3166-1 alpha-3 code, or SIPRI's name)"),
                   recipient ? recipient : supplier);
      return FALSE;
    }
  *by = recipient ? STRAITS_ARMS_BY_SUPPLIER : STRAITS_ARMS_BY_RECIPIENT;
  if (g_variant_dict_lookup (options, "by", "&s", &by_text) && !straits_arms_by_parse (by_text, by))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown --by “%s”: use supplier, recipient, category or year"), by_text);
      return FALSE;
    }
  /* The default period: the last five years the register has. */
  straits_sipri_register_get_years (reg, &first, &last);
  if (!g_variant_dict_lookup (options, "to", "i", &to))
    to = (gint32) last;
  if (!g_variant_dict_lookup (options, "from", "i", &from))
    from = to - 4;
  if (from < 1900 || to > 2200 || from > to)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the period %d–%d is not a span of years (--from must not be after --to)"), from, to);
      return FALSE;
    }
  *filter = (StraitsArmsFilter) { .from = (guint) from, .to = (guint) to,
                                  .exclude_local_production = g_variant_dict_contains (options, "exclude-local-production") };
  if (recipient != NULL)
    filter->recipients = actor, filter->n_recipients = 1;
  else
    filter->suppliers = actor, filter->n_suppliers = 1;
  return TRUE;
}

/* "Arms imports of Turkiye, by supplier" */
char *
straits_cli_arms_title (StraitsSipriRegister *reg, const StraitsArmsFilter *filter, guint32 actor, StraitsArmsBy by)
{
  const char *name = straits_sipri_register_get_actor (reg, actor)->name;
  static const char *const by_labels[] = { N_("by supplier"), N_("by recipient"), N_("by category"), N_("by year") };

  if (filter->n_recipients > 0)
    /* Translators: "Arms imports of Greece, by supplier" */
    return g_strdup_printf (_("Arms imports of %s, %s%s"), name, _(by_labels[by]),
                            filter->exclude_local_production ? _(", without local production") : "");
  /* Translators: "Arms exports of France, by recipient" */
  return g_strdup_printf (_("Arms exports of %s, %s%s"), name, _(by_labels[by]),
                          filter->exclude_local_production ? _(", without local production") : "");
}

/* straits --arms-report --sipri=FILE (--recipient=ID | --supplier=ID)
 *         [--from=YEAR] [--to=YEAR] [--by=…] [--exclude-local-production]
 *         [--format=text|json|csv] */
int
straits_cli_arms_report (GVariantDict *options)
{
  const char *format = "text";
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg = NULL;
  g_autoptr(StraitsArmsBreakdown) breakdown = NULL;
  g_autofree char *source = NULL, *text = NULL;
  StraitsArmsFilter filter;
  StraitsArmsBy by;
  guint32 actor;

  g_variant_dict_lookup (options, "format", "&s", &format);
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown --format “%s”: use text, json or csv"), format);
      return fail_with (message);
    }
  reg = straits_cli_arms_load_register (options, &error);
  if (reg == NULL || !straits_cli_arms_filter (reg, options, &filter, &actor, &by, &error))
    return fail_with (error->message);
  breakdown = straits_arms_breakdown (reg, &filter, by);
  source = straits_sipri_register_citation (reg);
  if (g_str_equal (format, "json"))
    text = straits_arms_breakdown_to_json (breakdown, source);
  else if (g_str_equal (format, "csv"))
    text = straits_arms_breakdown_to_csv (breakdown);
  else
    {
      g_autofree char *title = straits_cli_arms_title (reg, &filter, actor, by);
      text = straits_arms_breakdown_to_text (breakdown, title, source);
    }
  fputs (text, stdout);
  return 0;
}

/* The chart of a breakdown: bars, or for --by=year the years with the
 * period marked; the largest rows with "Other" as the remainder. */
StraitsArmsChart *
straits_cli_arms_chart (StraitsSipriRegister *reg, const StraitsArmsFilter *filter, guint32 actor, StraitsArmsBy by,
                        guint max_rows)
{
  StraitsArmsBreakdown *breakdown = straits_arms_breakdown (reg, filter, by);
  g_autofree char *title = straits_cli_arms_title (reg, filter, actor, by);
  g_autofree char *subtitle = straits_arms_chart_subtitle (filter->from, filter->to, filter->exclude_local_production);
  g_autofree char *source = straits_sipri_register_citation (reg);

  /* SIPRI's eleven categories include one named "Other": never folded. */
  if (by == STRAITS_ARMS_BY_SUPPLIER || by == STRAITS_ARMS_BY_RECIPIENT)
    straits_arms_breakdown_fold (breakdown, max_rows);
  return straits_arms_chart_new (title, subtitle, source,
                                 by == STRAITS_ARMS_BY_YEAR ? STRAITS_ARMS_CHART_YEARS : STRAITS_ARMS_CHART_BARS,
                                 breakdown, filter->from, filter->to);
}

/* straits --export-chart=FILE --sipri=FILE (--recipient=ID | --supplier=ID)
 *         [--from] [--to] [--by] [--exclude-local-production] [--size] [--dpi]
 *         [--marking] [--alt-text] */
int
straits_cli_arms_export_chart (GVariantDict *options)
{
  g_auto(StraitsCliCommon) common = { 0 };
  const char *size = NULL, *marking = NULL;
  double dpi = STRAITS_SCREEN_DPI, width = STRAITS_CHART_EXPORT_WIDTH, height = STRAITS_CHART_EXPORT_HEIGHT;
  g_autoptr(GError) error = NULL;
  g_autoptr(StraitsSipriRegister) reg = NULL;
  g_autoptr(StraitsArmsChart) chart = NULL;
  StraitsExportFormat format;
  StraitsArmsFilter filter;
  StraitsArmsBy by;
  guint32 actor;

  straits_cli_common_init (&common, options, "export-chart");
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "dpi", "d", &dpi);
  g_variant_dict_lookup (options, "marking", "&s", &marking);
  if (!straits_export_format_from_filename (common.output, &format, &error) ||
      (size != NULL && !straits_export_parse_page_size (size, &width, &height, &error)))
    return fail_with (error->message);
  if (marking != NULL && !g_strv_contains (straits_figure_page_markings (), marking))
    {
      g_autofree char *message = g_strdup_printf (_("unknown --marking “%s”"), marking);
      return fail_with (message);
    }
  reg = straits_cli_arms_load_register (options, &error);
  if (reg == NULL || !straits_cli_arms_filter (reg, options, &filter, &actor, &by, &error))
    return fail_with (error->message);
  chart = straits_cli_arms_chart (reg, &filter, actor, by, 10);
  if (!straits_arms_chart_export (chart, marking, common.output, width, height, dpi, &error))
    return fail_with (error->message);
  if (g_variant_dict_contains (options, "alt-text"))
    {
      g_autofree char *alt = straits_arms_chart_describe (chart);

      if (!straits_export_write_alt_text (common.output, alt, &error))
        return fail_with (error->message);
    }
  return 0;
}
