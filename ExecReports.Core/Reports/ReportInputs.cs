using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExecReports.Core.Ingestion;
using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Core.Reports;

// Everything one period's reports are built from. The same inputs and clock give byte-identical reports.
public sealed record ReportInputs
{
    public required Period Period { get; init; }
    public required EntityCatalog Catalog { get; init; }
    public required HandoffSnapshot Handoffs { get; init; }

    // Every entity's months up to and including Period (two years back is plenty for trends).
    public required IReadOnlyList<KpiMonth> Kpis { get; init; }

    // Stored months left out of Kpis because they break KpiLimits; the gate makes each one an error.
    public IReadOnlyList<KpiProblem> KpiProblems { get; init; } = [];
    public required ChartOfAccounts Accounts { get; init; }
    public required DateTimeOffset? KpisLastEdited { get; init; }
    public required DateTimeOffset Now { get; init; }

    // Action items opened from replies and annotations, for "Changed Since Last Month" (empty when there are none).
    public IReadOnlyList<Feedback.ActionItemSnapshot> ActionItems { get; init; } = [];

    public const int HistoryMonths = 24;

    // Hashes what the reports read, not how it was stored: entity definitions, handoff texts, KPI documents.
    public string Digest()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(text));
            sha.AppendData([0]);
        }

        Add(Period.ToString());
        foreach (var entity in Catalog.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            Add(JsonSerializer.Serialize(entity with { Line = 0 }));
        }

        foreach (var document in Handoffs.Documents.OrderBy(d => d.File, StringComparer.Ordinal))
        {
            Add(document.File);
            Add(document.Raw);
        }

        foreach (var month in Kpis.OrderBy(k => k.EntityId, StringComparer.Ordinal).ThenBy(k => k.Period))
        {
            Add(KpiJson.Serialize(month));
        }

        foreach (var problem in KpiProblems)
        {
            Add(problem.ToString());
        }

        foreach (var item in ActionItems)
        {
            Add(item.ToString());
        }

        foreach (var account in Accounts.Accounts.OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            Add($"{account.Code}|{account.Name}|{account.Type}");
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public DateOnly? OldestHandoff => Handoffs.Documents.Where(d => d.Status != HandoffStatus.Error).Min(d => d.Updated);
    public DateOnly? NewestHandoff => Handoffs.Documents.Where(d => d.Status != HandoffStatus.Error).Max(d => d.Updated);
}
