using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ExecReports.Tests.Core.Kpis;

// Storage behaviour, so it runs on both providers.
public abstract class KpiServiceTests(TestDatabase database)
{
    [Fact]
    public async Task SavesAMonthAndReadsItBackEqualFieldForField()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        KpiMonth month = new KpiMonthBuilder();

        var result = await db.WithKpis(k => k.SaveAsync(month, "owner@example.com"));
        var stored = await db.WithKpis(k => k.GetStoredAsync("jada", Period.Parse("2026-11")));

        Assert.True(result.Saved);
        Assert.True(result.Created);
        Assert.NotNull(stored);
        Assert.Equal(KpiJson.Serialize(month), KpiJson.Serialize(stored.Month));
        Assert.Equal(1, stored.Version);
        Assert.Equal("owner@example.com", stored.UpdatedBy);
        Assert.Equal(db.Clock.GetUtcNow(), stored.UpdatedAt);
    }

    [Fact]
    public async Task StartsANewMonthFromTheLatestEarlierMonthSkippingAGap()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        // The builder's dated lines fall in November; September's month carries none so it is valid on its own.
        KpiMonth september = new KpiMonthBuilder().For("jada", "2026-09").WithExpense(0, e => e with { Amount = 1000m })
            .With(m => m with { Revenue = [], EmailBlasts = [], Pipeline = [] });
        Assert.True((await db.WithKpis(k => k.SaveAsync(september, "owner@example.com"))).Saved);
        Assert.True((await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("jada", "2026-11"), "owner@example.com"))).Saved);
        KpiMonth otherEntity = new KpiMonthBuilder().For("quickdumpnow", "2026-12").With(m => m with { Revenue = [], EmailBlasts = [], Pipeline = [] });
        Assert.True((await db.WithKpis(k => k.SaveAsync(otherEntity, "owner@example.com"))).Saved);

        var december = await db.WithKpis(k => k.StartFromPreviousAsync("jada", Period.Parse("2027-01")));
        var october = await db.WithKpis(k => k.StartFromPreviousAsync("jada", Period.Parse("2026-10")));
        var first = await db.WithKpis(k => k.StartFromPreviousAsync("jada", Period.Parse("2026-09")));

        Assert.Equal(Period.Parse("2026-11"), december!.Value.From);
        Assert.Equal(Period.Parse("2027-01"), december.Value.Month.Period);
        Assert.Equal(1450m, Assert.Single(december.Value.Month.Expenses).Amount);
        Assert.Equal(Period.Parse("2026-09"), october!.Value.From);
        Assert.Equal(1000m, Assert.Single(october.Value.Month.Expenses).Amount);
        Assert.Null(first);
    }

    [Fact]
    public async Task RejectedSaveKeepsNothing()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);

        var result = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().WithExpense(0, e => e with { Amount = -1450m }), "owner@example.com"));

        Assert.False(result.Saved);
        Assert.Equal("expenses[0].amount", Assert.Single(result.Errors).FieldPath);
        Assert.Null(await db.WithKpis(k => k.GetAsync("jada", Period.Parse("2026-11"))));
        Assert.Equal(0, await db.WithDb(d => d.KpiRecords.CountAsync()));
        Assert.Equal(0, await db.WithDb(d => d.KpiEdits.CountAsync()));
    }

    [Fact]
    public async Task RejectedEditLeavesThePreviousVersionAndHistoryUntouched()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        var editsBefore = await db.WithDb(d => d.KpiEdits.CountAsync());

        var result = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().WithPipeline(0, p => p with { Probability = 5m }), "editor@example.com"));

        Assert.False(result.Saved);
        var stored = await db.WithKpis(k => k.GetStoredAsync("jada", Period.Parse("2026-11")));
        Assert.Equal(0.5m, stored!.Month.Pipeline[0].Probability);
        Assert.Equal(1, stored.Version);
        Assert.Equal(editsBefore, await db.WithDb(d => d.KpiEdits.CountAsync()));
    }

    [Fact]
    public async Task HistoryRecordsWhoWhenFieldAndOldToNewAcrossSeveralEdits()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        var period = Period.Parse("2026-11");
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        var created = await db.WithKpis(k => k.HistoryAsync("jada", period));

        db.Clock.Advance(TimeSpan.FromHours(2));
        var firstEditAt = db.Clock.GetUtcNow();
        var first = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().WithExpense(2, e => e with { Amount = 250m }), "editor@example.com"));

        db.Clock.Advance(TimeSpan.FromDays(1));
        var second = await db.WithKpis(k => k.SaveAsync(
            new KpiMonthBuilder().WithExpense(2, e => e with { Amount = 250m, AccountCode = "6900" }).With(m => m with { CashOnHand = 11500m }),
            "owner@example.com"));

        var history = await db.WithKpis(k => k.HistoryAsync("jada", period));

        Assert.True(first.Saved && second.Saved);
        Assert.Contains(created, e => e.FieldPath == "currency" && e.OldValue is null && e.NewValue == "USD");
        var amountEdit = Assert.Single(first.Edits);
        Assert.Equal(("expenses[2].amount", "212", "250", "editor@example.com", firstEditAt),
            (amountEdit.FieldPath, amountEdit.OldValue, amountEdit.NewValue, amountEdit.By, amountEdit.At));
        Assert.Equal(["cashOnHand", "expenses[2].accountCode"], second.Edits.Select(e => e.FieldPath).Order(StringComparer.Ordinal));
        Assert.Contains(second.Edits, e => e is { FieldPath: "expenses[2].accountCode", OldValue: null, NewValue: "6900", By: "owner@example.com" });
        Assert.Contains(second.Edits, e => e is { FieldPath: "cashOnHand", OldValue: "12000", NewValue: "11500" });

        // Append-only: the earlier rows are still there, unchanged, in order.
        Assert.Equal(created.Count + 1 + 2, history.Count);
        Assert.Equal(created, history.Take(created.Count));
        Assert.Equal(amountEdit with { Id = history[created.Count].Id }, history[created.Count]);
        Assert.Equal(3, (await db.WithKpis(k => k.GetStoredAsync("jada", period)))!.Version);
    }

    [Fact]
    public async Task SavingTheSameMonthAgainRecordsNoEdits()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        var edits = await db.WithDb(d => d.KpiEdits.CountAsync());

        var again = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().WithExpense(0, e => e with { Amount = 1450.00m }), "owner@example.com"));

        Assert.True(again.Saved);
        Assert.Empty(again.Edits);
        Assert.Equal(edits, await db.WithDb(d => d.KpiEdits.CountAsync()));
    }

    [Fact]
    public async Task TheDatabaseRefusesToRewriteOrDeleteHistory()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));

        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.WithDb(d => d.Database.ExecuteSqlRawAsync("""UPDATE "KpiEdits" SET "By" = 'someone else'""")));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.WithDb(d => d.Database.ExecuteSqlRawAsync("""DELETE FROM "KpiEdits" """)));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(0, await db.WithDb(d => d.KpiEdits.CountAsync(e => e.By == "someone else")));
    }

    [Fact]
    public async Task RefusesASaveOverANewerVersion()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().With(m => m with { CashOnHand = 1m }), "editor@example.com", expectedVersion: 1));

        var stale = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().With(m => m with { CashOnHand = 2m }), "owner@example.com", expectedVersion: 1));

        Assert.False(stale.Saved);
        Assert.Contains("editor@example.com", Assert.Single(stale.Errors).Message);
        Assert.Equal(1m, (await db.WithKpis(k => k.GetAsync("jada", Period.Parse("2026-11"))))!.CashOnHand);
    }

    [Fact]
    public async Task ListsAPeriodAcrossEntitiesAndARangeForOneEntityInOrder()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        foreach (var (entity, period) in new[] { ("jada", "2026-11"), ("jada", "2025-12"), ("jada", "2026-10"), ("queenofsandiego", "2026-11"), ("jada", "2026-09") })
        {
            var month = new KpiMonthBuilder().For(entity, period).With(m => m with { EmailBlasts = [] }).Build();
            Assert.True((await db.WithKpis(k => k.SaveAsync(month, "owner@example.com"))).Saved);
        }

        var november = await db.WithKpis(k => k.ListForPeriodAsync(Period.Parse("2026-11")));
        var autumn = await db.WithKpis(k => k.ListRangeAsync("jada", Period.Parse("2026-09"), Period.Parse("2026-11")));

        Assert.Equal(["jada", "queenofsandiego"], november.Select(m => m.EntityId));
        Assert.Equal(["2026-09", "2026-10", "2026-11"], autumn.Select(m => m.Period.ToString()));
    }

    [Fact]
    public async Task LastEditedAtIsTheLatestSaveOverallOrPerEntity()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        Assert.Null(await db.WithKpis(k => k.LastEditedAtAsync()));

        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder(), "owner@example.com"));
        var jadaAt = db.Clock.GetUtcNow();
        db.Clock.Advance(TimeSpan.FromDays(3));
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("queenofsandiego", "2026-11"), "owner@example.com"));

        Assert.Equal(db.Clock.GetUtcNow(), await db.WithKpis(k => k.LastEditedAtAsync()));
        Assert.Equal(jadaAt, await db.WithKpis(k => k.LastEditedAtAsync("jada")));
        Assert.Null(await db.WithKpis(k => k.LastEditedAtAsync("quickdumpnow")));
    }

    [Fact]
    public async Task LastEditedAtInARangeIgnoresEditsToMonthsOutsideIt()
    {
        await using var db = await KpiDatabase.StartAsync(database: database);
        var saved = await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("jada", "2026-10").With(m => m with { EmailBlasts = [] }), "owner@example.com"));
        Assert.True(saved.Saved, string.Join("; ", saved.Errors));
        var octoberAt = db.Clock.GetUtcNow();
        db.Clock.Advance(TimeSpan.FromDays(1));
        await db.WithKpis(k => k.SaveAsync(new KpiMonthBuilder().For("jada", "2026-11"), "owner@example.com"));

        Assert.Equal(octoberAt, await db.WithKpis(k => k.LastEditedAtAsync(from: Period.Parse("2025-11"), to: Period.Parse("2026-10"))));
        Assert.Equal(db.Clock.GetUtcNow(), await db.WithKpis(k => k.LastEditedAtAsync(from: Period.Parse("2026-11"), to: Period.Parse("2026-11"))));
        Assert.Null(await db.WithKpis(k => k.LastEditedAtAsync(from: Period.Parse("2026-12"), to: Period.Parse("2026-12"))));
    }
}

public sealed class KpiServiceTestsOnSqlite() : KpiServiceTests(TestDatabase.Sqlite);

public sealed class KpiServiceTestsOnPostgres() : KpiServiceTests(TestDatabase.Postgres);
