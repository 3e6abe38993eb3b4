using ExecReports.Core.Kpis;
using ExecReports.Core.Primitives;

namespace ExecReports.Web.Services;

// A scope per call: a Blazor circuit lives for hours and must not hold one DbContext (inside KpiService) that long.
public sealed class KpiAccess(IServiceScopeFactory scopes)
{
    public Task<StoredKpiMonth?> GetStoredAsync(string entityId, Period period) =>
        WithKpis(k => k.GetStoredAsync(entityId, period));

    public Task<(KpiMonth Month, Period From)?> StartFromPreviousAsync(string entityId, Period period) =>
        WithKpis(k => k.StartFromPreviousAsync(entityId, period));

    public Task<IReadOnlyList<KpiMonth>> ListForPeriodAsync(Period period) =>
        WithKpis(k => k.ListForPeriodAsync(period));

    public Task<IReadOnlyList<Period>> ListPeriodsAsync() => WithKpis(k => k.ListPeriodsAsync());

    public Task<IReadOnlyList<KpiError>> ValidateAsync(KpiMonth month) => WithKpis(k => Task.FromResult(k.Validate(month)));

    public Task<KpiSaveResult> SaveAsync(KpiMonth month, string user, int expectedVersion) =>
        WithKpis(k => k.SaveAsync(month, user, expectedVersion));

    // Newest first: the editor shows the latest change at the top.
    public async Task<IReadOnlyList<KpiEdit>> HistoryAsync(string entityId, Period period) =>
        (await WithKpis(k => k.HistoryAsync(entityId, period))).Reverse().ToList();

    // The entity's most recent month on record, or null when it has none.
    public Task<StoredKpiMonth?> LatestAsync(string entityId) =>
        WithKpis(async k =>
        {
            foreach (var period in (await k.ListPeriodsAsync()).Reverse())
            {
                if (await k.GetStoredAsync(entityId, period) is { } stored)
                {
                    return stored;
                }
            }

            return null;
        });

    public Task<byte[]> ExportJsonAsync(string entityId, Period period) =>
        WithKpis(async k =>
        {
            using var buffer = new MemoryStream();
            await k.ExportJsonAsync(buffer, entityId, period);
            return buffer.ToArray();
        });

    public Task<KpiImportResult> ImportJsonAsync(Stream input, string user) =>
        WithKpis(k => k.ImportJsonAsync(input, user));

    private async Task<T> WithKpis<T>(Func<KpiService, Task<T>> use)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KpiService>());
    }
}
