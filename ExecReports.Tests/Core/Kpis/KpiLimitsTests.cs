using ExecReports.Core.Kpis;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Core.Kpis;

// Every bound names its field; the bounds-only pass (for months already stored) finds the same ones.
public class KpiLimitsTests
{
    private static readonly HashSet<string> Known = ["jada"];

    public static TheoryData<string, Func<KpiMonthBuilder, KpiMonthBuilder>, string, string> OutOfBounds => new()
    {
        { "too many expense lines", b => b.With(m => m with { Expenses = Enumerable.Repeat(m.Expenses[0], KpiLimits.MaxLines + 1).ToList() }), "expenses", "has 501 lines; at most 500" },
        { "too many pipeline lines", b => b.With(m => m with { Pipeline = Enumerable.Repeat(m.Pipeline[0], 40_000).ToList() }), "pipeline", "has 40,000 lines" },
        { "a long description", b => b.WithExpense(0, e => e with { Description = new string('x', 201) }), "expenses[0].description", "is 201 characters long; at most 200" },
        { "a long vendor", b => b.WithExpense(1, e => e with { Vendor = new string('v', 5_000) }), "expenses[1].vendor", "is 5,000 characters long" },
        { "a decimal-max amount", b => b.WithExpense(2, e => e with { Amount = decimal.MaxValue }), "expenses[2].amount", "at most 1,000,000,000,000" },
        { "a decimal-max cash balance", b => b.With(m => m with { CashOnHand = decimal.MaxValue }), "cashOnHand", "at most 1,000,000,000,000" },
        { "an int-max count", b => b.WithChannel(0, c => c with { Visits = int.MaxValue }), "channels[0].visits", "at most 1,000,000" },
        { "a control character in a name", b => b.WithPipeline(0, p => p with { Name = "Holiday\u0007sails" }), "pipeline[0].name", "control character (U+0007) at position 8" },
        { "a bidi override in a name", b => b.WithExpense(0, e => e with { Description = "Slip \u202Eseef" }), "expenses[0].description", "bidirectional-text control (U+202E) at position 6" },
        { "a bidi isolate in a stream", b => b.With(m => m with { Revenue = [m.Revenue[0] with { Stream = "\u2066Charters\u2069" }] }), "revenue[0].stream", "(U+2066) at position 1" },
        { "a line break in a channel name", b => b.WithChannel(0, c => c with { Channel = "Sai\nlo" }), "channels[0].channel", "control character (U+000A)" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public void RejectsAMonthOutsideTheLimitsNamingTheField(string why, Func<KpiMonthBuilder, KpiMonthBuilder> change, string field, string message)
    {
        var month = change(new KpiMonthBuilder()).Build();

        var error = Assert.Single(KpiValidator.Validate(month, Known), e => e.FieldPath == field);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{why}: {error}");
        Assert.Contains(KpiValidator.OutOfBounds(month), e => e.FieldPath == field && e.Message == error.Message);
    }

    [Fact]
    public void AcceptsTheLimitsThemselvesAndLineBreaksInNotes()
    {
        var month = new KpiMonthBuilder()
            .With(m => m with
            {
                Expenses = Enumerable.Repeat(m.Expenses[0] with { Amount = KpiLimits.MaxAmount, Description = new string('d', KpiLimits.MaxTextLength) }, KpiLimits.MaxLines).ToList(),
                Rental = new RentalData { Units = [new RentalUnit { Name = "Unit A", Notes = "Roof leak.\nFixed 2026-11-20." }] },
            })
            .WithChannel(0, c => c with { Visits = KpiLimits.MaxCount })
            .Build();

        Assert.Empty(KpiValidator.Validate(month, Known));
        Assert.Equal(KpiLimits.MaxAmount * KpiLimits.MaxLines, month.ExpenseTotal);
    }

    [Fact]
    public void OnlyTheBoundsAreCheckedForAStoredMonth()
    {
        // An unknown entity, a negative amount and an account outside the chart are the editor's business, not a report's.
        var month = new KpiMonthBuilder().For("retired-entity", "2026-11").WithExpense(0, e => e with { Amount = -5m }).Build();

        Assert.NotEmpty(KpiValidator.Validate(month, Known));
        Assert.Empty(KpiValidator.OutOfBounds(month));
        Assert.Contains(KpiValidator.OutOfBounds(month with { OwnerDraws = decimal.MinValue }), e => e.FieldPath == "ownerDraws");
    }

    [Fact]
    public void TotalsOfAStoredExtremeMonthDoNotThrow()
    {
        var month = new KpiMonthBuilder()
            .With(m => m with { Revenue = [m.Revenue[0] with { Amount = decimal.MaxValue, Received = decimal.MaxValue }, m.Revenue[1] with { Amount = decimal.MaxValue }] })
            .WithExpense(0, e => e with { Amount = decimal.MaxValue })
            .Build();

        Assert.Equal(decimal.MaxValue, month.RevenueBooked);
        Assert.Equal(decimal.MaxValue, month.ExpenseTotal);
        Assert.Equal(0m, month.OperatingCashFlow);
    }
}
