using System.Text.Json.Nodes;
using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Kpis;

public class LoanSplitInputTests
{
    private static readonly HashSet<string> Known = ["jada"];

    private static KpiMonth Loan(decimal? principal, decimal? interest) =>
        new KpiMonthBuilder().WithExpense(0, e => e with { Description = "Boat loan payment", Category = "Loan", AccountCode = "6120", Amount = 2_600, Principal = principal, Interest = interest });

    [Fact]
    public void AcceptsASplitThatAddsUpAndAnOldLineWithoutOne()
    {
        Assert.Empty(KpiValidator.Validate(Loan(1_000, 1_600), Known));
        Assert.Empty(KpiValidator.Validate(Loan(null, null), Known));
    }

    [Fact]
    public void RejectsHalfASplitNamingTheMissingField()
    {
        var error = Assert.Single(KpiValidator.Validate(Loan(1_000, null), Known));

        Assert.Equal("expenses[0].interest", error.FieldPath);
    }

    [Fact]
    public void RejectsASplitThatDoesNotAddUpToTheAmount()
    {
        var error = Assert.Single(KpiValidator.Validate(Loan(1_000, 1_500), Known));

        Assert.Equal("expenses[0].principal: principal 1000 + interest 1500 must equal amount 2600.", error.ToString());
    }

    [Fact]
    public void APrincipalThatIsNotANumberIsAnErrorOnThatField()
    {
        var node = JsonNode.Parse(KpiJson.Serialize(Loan(1_000, 1_600)))!;
        node["expenses"]![0]!["principal"] = "a lot";

        var (month, error) = KpiJson.TryDeserialize(node);

        Assert.Null(month);
        Assert.Equal("expenses[0].principal: has the wrong type (expected a number).", error!.ToString());
    }
}
