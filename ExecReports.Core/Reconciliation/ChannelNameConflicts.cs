using ExecReports.Core.Reports;
using ExecReports.Core.Reports.Metrics;

namespace ExecReports.Core.Reconciliation;

// The catalog's channel plan against the channel names the KPI inputs use (MarketingCalculator.ChannelNames decides what
// matches): a near-miss spelling splits one channel's figures in two, and a name the catalog does not know sits outside the
// plan. A planned channel a month does not record is missing data, not a contradiction: the CMO report shows it, the gate does not warn.
public static class ChannelNameConflicts
{
    public static IEnumerable<DataConflict> Find(ReportInputs inputs) =>
        MarketingCalculator.ChannelNames(inputs).Where(x => x.Match != ChannelNameMatch.CatalogOnly).Select(x =>
        {
            var entity = inputs.Catalog.ById(x.EntityId)!;
            var role = ReportRole.ForEntity(x.EntityId);
            return new DataConflict
            {
                EntityId = entity.Id,
                EntityName = entity.Name,
                Month = inputs.Period,
                Figure = x.Match == ChannelNameMatch.NearMiss
                    ? "channel name spelling (catalog channel plan against KPI channel names)"
                    : "channels in the KPI inputs missing from the catalog plan",
                Kind = FigureKind.State,
                Stated = x.Catalog.Count > 0 ? string.Join(", ", x.Catalog) : "not listed",
                Recorded = x.Inputs.Count > 0 ? string.Join(", ", x.Inputs) : "not recorded",
                KpiField = "channels[].channel and emailBlasts[].channel",
                Sources = [$"{Path.GetFileName(inputs.Catalog.SourceFile)}:{entity.Line}"],
                NoteText = $"channels: [{string.Join(", ", entity.Channels)}]",
                Roles = [ReportRole.Ceo, ReportRole.Cmo, .. role is null ? Array.Empty<ReportRole>() : [role]],
            };
        });
}
