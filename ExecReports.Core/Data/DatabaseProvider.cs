using ExecReports.Core.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExecReports.Core.Data;

// The one place that turns "Database:Provider" into EF Core options. Core's context, the web app's Identity
// context (and with it the Data Protection key ring) and the Quartz job store all ask here, so the choice,
// the connection string and the per-provider wiring cannot drift apart.
public sealed class DatabaseProvider
{
    private readonly IConfiguration _configuration;

    private DatabaseProvider(IConfiguration configuration, bool isPostgres)
    {
        _configuration = configuration;
        IsPostgres = isPostgres;
    }

    public bool IsPostgres { get; }

    public static DatabaseProvider From(IConfiguration configuration) =>
        new(configuration, configuration[$"{DatabaseOptions.SectionName}:Provider"] == DatabaseOptions.Postgres);

    // SQLite: empty means the embedded default, a file in the data folder. PostgreSQL has no default server.
    public string ConnectionString(AppPaths? paths)
    {
        var configured = _configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (IsPostgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Default is empty; set it (for example through the ConnectionStrings__Default environment variable).");
        }

        return paths is null
            ? throw new InvalidOperationException("The SQLite default connection string needs the data folder.")
            : $"Data Source={paths.DatabaseFile}";
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string? historyTable = null)
    {
        if (IsPostgres)
        {
            options.UseNpgsql(connectionString, o =>
            {
                if (historyTable is not null)
                {
                    o.MigrationsHistoryTable(historyTable);
                }
            });
        }
        else
        {
            options.UseSqlite(connectionString, o =>
            {
                if (historyTable is not null)
                {
                    o.MigrationsHistoryTable(historyTable);
                }
            });
        }

        return options;
    }

    // Registers IDbContextFactory<TContext> (what long-lived services and pages use) and a scoped TContext (what
    // Identity's stores and one-shot scopes use). On PostgreSQL the instances are TPostgres, which only exists to
    // carry its own migrations. A compiled model, when given, spares every process the model building.
    public void AddContext<TContext, TPostgres>(IServiceCollection services, string? historyTable = null, IModel? sqliteModel = null, IModel? postgresModel = null)
        where TContext : DbContext
        where TPostgres : TContext
    {
        if (IsPostgres)
        {
            services.AddDbContextFactory<TPostgres>((sp, options) => Options(sp, options, historyTable, postgresModel));
            services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TPostgres>>().CreateDbContext());
            services.AddSingleton<IDbContextFactory<TContext>>(sp => new BaseFactory<TContext, TPostgres>(sp.GetRequiredService<IDbContextFactory<TPostgres>>()));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }
        else
        {
            services.AddDbContextFactory<TContext>((sp, options) => Options(sp, options, historyTable, sqliteModel));
            services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        }
    }

    private void Options(IServiceProvider services, DbContextOptionsBuilder options, string? historyTable, IModel? model)
    {
        Configure(options, ConnectionString(services.GetRequiredService<AppPaths>()), historyTable);
        if (model is not null)
        {
            options.UseModel(model);
        }
    }

    private sealed class BaseFactory<TContext, TDerived>(IDbContextFactory<TDerived> inner) : IDbContextFactory<TContext>
        where TContext : DbContext
        where TDerived : TContext
    {
        public TContext CreateDbContext() => inner.CreateDbContext();
    }
}
