using System.Text.Json.Nodes;
using ExecReports.Core.Kpis;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Reports;

// The editor tells the user which reports a money field drives; this checks each claim against the generators:
// raise the field on the samples' November month and see which reports' text changes.
public class KpiFieldUsesTests(SampleReports samples) : IClassFixture<SampleReports>
{
    // The sample entity that carries each field.
    private static string EntityFor(string field) => field.Split('.')[0].Replace("[]", "", StringComparison.Ordinal) switch
    {
        "securityDeposits" => "rental-3028-51st",
        "rental" => "rental-3028-51st",
        "yachtDelivery" => "expert-yacht-delivery",
        "portfolio" => "dangerouscentaur-portfolio",
        "emailBlasts" => "queenofsandiego",
        _ => "jada",
    };

    public static TheoryData<string> Fields() => [.. KpiFieldUses.All.Select(u => u.Field)];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task RaisingTheFieldChangesExactlyTheReportsItSaysItDrives(string field)
    {
        var inputs = await samples.InputsAsync();
        var entity = EntityFor(field);
        var kpis = inputs.Kpis.Select(m => m.EntityId == entity && m.Period == inputs.Period ? Raised(m, field) : m).ToList();
        Assert.NotEqual(inputs.Kpis, kpis);

        var before = samples.Engine.Generate(inputs);
        var after = samples.Engine.Generate(inputs with { Kpis = kpis });
        var changed = ReportRole.All.Where(role => Text(before.For(role)) != Text(after.For(role))).Select(r => r.Id);

        Assert.Equal(KpiFieldUses.For(field)!.Roles.Select(r => r.Id), changed);
    }

    [Fact]
    public void FindsTheUseOfAnIndexedFieldPathAndListsAffectedReportsOnceInRegistryOrder()
    {
        Assert.Equal("revenue[].received", KpiFieldUses.For("revenue[3].received")!.Field);
        Assert.Null(KpiFieldUses.For("engineering.deployments"));

        var affected = KpiFieldUses.AffectedBy(["cashOnHand", "revenue[0].amount", "revenue[1].amount", "engineering.deployments"]);

        // revenue[].amount drives ceo, accounting, cmo; cashOnHand ceo, accounting, cfo; deployments no money report.
        Assert.Equal(["ceo", "accounting", "cmo", "cfo"], affected.Select(r => r.Id));
    }

    private static string Text(Report? report) => report is null ? "" : string.Join("\n", report.Sections.Select(s => s.Markdown));

    // Adds 1234.5 to the first value at the path ("revenue[].amount" is revenue[0].amount); a missing value becomes 1234.5.
    private static KpiMonth Raised(KpiMonth month, string field)
    {
        var root = JsonNode.Parse(KpiJson.Serialize(month))!.AsObject();
        JsonNode node = root;
        var parts = field.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var name = parts[i].Replace("[]", "", StringComparison.Ordinal);
            node = node[name] ?? throw new InvalidOperationException($"{month.EntityId} {month.Period} has no {name}");
            if (parts[i].EndsWith("[]", StringComparison.Ordinal))
            {
                node = node.AsArray()[0]!;
            }
        }

        var last = parts[^1];
        var target = node.AsObject();
        var current = target[last] is JsonValue value ? value.GetValue<decimal>() : 0m;
        target[last] = current + 1234.5m;
        return KpiJson.Deserialize(root.ToJsonString());
    }
}
