using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExecReports.Web.Identity;

// Identity lives in the web app so Core stays free of ASP.NET; it shares the database file
// with Core's context and keeps its own migrations history table.
public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public const string HistoryTable = "__AuthMigrationsHistory";
}

internal sealed class AuthDesignTimeFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AuthDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(AuthDbContext.HistoryTable)).Options);
}
