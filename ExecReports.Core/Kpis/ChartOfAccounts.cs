using System.Text.Json;

namespace ExecReports.Core.Kpis;

public enum AccountType
{
    Income,
    CostOfSales,
    Expense,
    Asset,
    Liability,
    Equity,
}

public sealed record Account
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required AccountType Type { get; init; }
}

public sealed record ChartOfAccounts
{
    public const string FileName = "chart-of-accounts.json";

    public required IReadOnlyList<Account> Accounts { get; init; }

    public static ChartOfAccounts Empty { get; } = new() { Accounts = [] };

    public Account? Find(string? code) =>
        code is null ? null : Accounts.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase));

    public bool Contains(string? code) => Find(code) is not null;

    public static ChartOfAccounts Load(string path)
    {
        using var stream = File.OpenRead(path);
        ChartOfAccounts? chart;
        try
        {
            chart = JsonSerializer.Deserialize<ChartOfAccounts>(stream, KpiJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {KpiJson.Describe(ex)}", ex);
        }

        var problems = new List<string>();
        if (chart is null)
        {
            problems.Add("the file holds null");
        }
        else
        {
            for (var i = 0; i < chart.Accounts.Count; i++)
            {
                var a = chart.Accounts[i];
                if (string.IsNullOrWhiteSpace(a.Code)) problems.Add($"accounts[{i}].code: is required");
                if (string.IsNullOrWhiteSpace(a.Name)) problems.Add($"accounts[{i}].name: is required");
                if (!Enum.IsDefined(a.Type)) problems.Add($"accounts[{i}].type: is not an account type");
            }

            foreach (var duplicate in chart.Accounts.GroupBy(a => a.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add($"accounts: code '{duplicate.Key}' appears {duplicate.Count()} times");
            }
        }

        return problems.Count == 0 ? chart! : throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
    }
}
