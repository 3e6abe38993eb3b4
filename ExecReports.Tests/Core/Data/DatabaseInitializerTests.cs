using ExecReports.Core.Data;
using ExecReports.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Core.Data;

public class DatabaseInitializerTests
{
    [Fact]
    public async Task CreatesTheDataFoldersAndMigratesARealSqliteFile()
    {
        using var temp = new TempDirectory();
        await using var services = new CoreServicesBuilder(temp.Combine("data")).Build();

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        Assert.True(File.Exists(temp.Combine("data", "execreports.db")));
        Assert.True(Directory.Exists(temp.Combine("data", "outbox")));
        Assert.True(Directory.Exists(temp.Combine("data", "archive")));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigratesAnEmptyPostgresDatabase()
    {
        using var temp = new TempDirectory();
        await using var services = new CoreServicesBuilder(temp.Combine("data")).On(TestDatabase.Postgres).Build();

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.IsType<PostgresAppDbContext>(db);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void APostgresProviderWithoutAConnectionStringFailsNamingTheKey()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Combine("data")).With("Database:Provider", "Postgres").Build();
        using var scope = services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<AppDbContext>());

        Assert.Contains("ConnectionStrings:Default", error.Message);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task RunsEachSeedStepOnceAcrossRestarts(TestDatabase database)
    {
        using var temp = new TempDirectory();
        var step = new CountingSeedStep();
        var postgres = database == TestDatabase.Postgres ? PostgresFixture.Shared.CreateDatabase() : null;

        for (var start = 0; start < 3; start++)
        {
            await using var services = new CoreServicesBuilder(temp.Combine("data"))
                .Services(s => s.AddSingleton<ISeedStep>(step))
                .On(database, postgres)
                .Build();
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(1, step.Runs);
    }

    [Fact]
    public async Task FindsTheSchemaCurrentOnlyOnceEveryMigrationAndSeedStepIsDone()
    {
        using var temp = new TempDirectory();
        await using var services = new CoreServicesBuilder(temp.Combine("data")).Build();
        var steps = services.GetServices<ISeedStep>().ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(await DatabaseInitializer.IsCurrentAsync(db, steps, CancellationToken.None));
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        Assert.True(await DatabaseInitializer.IsCurrentAsync(db, steps, CancellationToken.None));

        Assert.False(await DatabaseInitializer.IsCurrentAsync(db, [.. steps, new CountingSeedStep()], CancellationToken.None));
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_Dispatch'");
        Assert.False(await DatabaseInitializer.IsCurrentAsync(db, steps, CancellationToken.None));
    }

    private sealed class CountingSeedStep : ISeedStep
    {
        public int Runs { get; private set; }
        public string Name => "counting";
        public int Order => 0;

        public Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }
}
