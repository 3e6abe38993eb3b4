using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExecReports.Web.Identity;

// Identity lives in the web app so Core stays free of ASP.NET; it shares the database with Core's context
// and keeps its own migrations history table.
public class AuthDbContext : IdentityDbContext<IdentityUser>
{
    public const string HistoryTable = "__AuthMigrationsHistory";

    public AuthDbContext(DbContextOptions<AuthDbContext> options) : base(options)
    {
    }

    protected AuthDbContext(DbContextOptions options) : base(options)
    {
    }
}

// Resolved as AuthDbContext when Database:Provider is Postgres (migrations in Identity/Migrations/Postgres).
// It also holds the Data Protection key ring, so every node decrypts the cookies any node issued.
public sealed class PostgresAuthDbContext(DbContextOptions<PostgresAuthDbContext> options) : AuthDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

internal sealed class AuthDesignTimeFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuthDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(AuthDbContext.HistoryTable)).Options);
}

internal sealed class PostgresAuthDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuthDbContext>
{
    public PostgresAuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuthDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(AuthDbContext.HistoryTable)).Options);
}
