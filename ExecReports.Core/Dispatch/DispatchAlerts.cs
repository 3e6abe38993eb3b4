using ExecReports.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Core.Dispatch;

// What the dashboard banner shows: failed dispatches nobody has resolved yet.
public sealed class DispatchAlerts(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyList<DispatchAlert>> OpenAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DispatchAlerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
    }
}
