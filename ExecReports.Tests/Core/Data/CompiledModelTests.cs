using ExecReports.Core.Data;
using ExecReports.Core.Data.CompiledModels.Postgres;
using ExecReports.Core.Data.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ExecReports.Tests.Core.Data;

// The compiled models in Core/Data/CompiledModels are generated code: after a model change they are stale until
// bench/regenerate-compiled-models.sh runs. These tests build the model from the code and diff the two schemas.
public class CompiledModelTests
{
    [Fact]
    public void TheSqliteCompiledModelMatchesTheModelTheCodeBuilds()
    {
        using var fromCode = new FromCodeContext(new DbContextOptionsBuilder().UseSqlite("Data Source=:memory:").Options);

        AssertSameSchema(fromCode, AppDbContextModel.Instance);
    }

    [Fact]
    public void ThePostgresCompiledModelMatchesTheModelTheCodeBuilds()
    {
        using var fromCode = new FromCodeContext(new DbContextOptionsBuilder().UseNpgsql("Host=localhost;Database=unused").Options);

        AssertSameSchema(fromCode, PostgresAppDbContextModel.Instance);
    }

    [Fact]
    public void TheRegisteredContextUsesTheCompiledModel()
    {
        using var temp = new Support.TempDirectory();
        using var services = new Support.CoreServicesBuilder(temp.Combine("data")).Build();
        using var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IDbContextFactory<AppDbContext>>(services).CreateDbContext();

        Assert.IsType<AppDbContextModel>(db.Model);
    }

    // The read-optimised models carry no design-time data for EF's differ, so the comparison is over what the
    // database and the materializer see: tables, columns and their store types, keys, indexes, foreign keys, and
    // which property maps to which column.
    private static void AssertSameSchema(FromCodeContext fromCode, IModel compiled)
    {
        var compiledModel = fromCode.GetService<IModelRuntimeInitializer>().Initialize(compiled, designTime: false, validationLogger: null);
        var fromCodeSchema = Schema(fromCode.Model);
        var compiledSchema = Schema(compiledModel);

        var missing = fromCodeSchema.Except(compiledSchema).ToList();
        var extra = compiledSchema.Except(fromCodeSchema).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "The compiled model is stale; run bench/regenerate-compiled-models.sh." + Environment.NewLine
            + "only in the code: " + string.Join("; ", missing) + Environment.NewLine
            + "only in the compiled model: " + string.Join("; ", extra));
    }

    private static SortedSet<string> Schema(IModel model)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                facts.Add($"{table.Name}.{column.Name} {column.StoreType} null={column.IsNullable} max={column.MaxLength}");
                foreach (var mapping in column.PropertyMappings)
                {
                    facts.Add($"{table.Name}.{column.Name} <- {mapping.Property.DeclaringType.Name}.{mapping.Property.Name}:{mapping.Property.ClrType.Name} gen={mapping.Property.ValueGenerated} token={mapping.Property.IsConcurrencyToken} conv={mapping.Property.GetTypeMapping().Converter?.ProviderClrType.Name}");
                }
            }

            facts.Add($"{table.Name} pk {table.PrimaryKey?.Name}({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            foreach (var index in table.Indexes)
            {
                facts.Add($"{table.Name} index {index.Name} unique={index.IsUnique} ({string.Join(",", index.Columns.Select(c => c.Name))}) filter={index.Filter}");
            }

            foreach (var unique in table.UniqueConstraints)
            {
                facts.Add($"{table.Name} unique {unique.Name} ({string.Join(",", unique.Columns.Select(c => c.Name))})");
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                facts.Add($"{table.Name} fk {fk.Name} ({string.Join(",", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} on delete {fk.OnDeleteAction}");
            }
        }

        return facts;
    }

    // A type of its own: the compiled model is bound to AppDbContext, so this one builds its model from the code.
    private sealed class FromCodeContext(DbContextOptions options) : AppDbContext(options);
}
