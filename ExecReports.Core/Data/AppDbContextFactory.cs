using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Data;

// Short-lived contexts for long-lived callers (a Blazor circuit, a singleton), over the provider's one set of options.
public sealed class AppDbContextFactory<TContext>(IServiceProvider services) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => ActivatorUtilities.CreateInstance<TContext>(services);
}
