using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Dispatch;

// Finishes what a crashed or stopped process left: runs once the host has started (so migrations have run),
// then every Dispatch:ResumeIntervalSeconds for archive retries and expired leases.
public sealed class DispatchResumer(
    DispatchService dispatch,
    IHostApplicationLifetime lifetime,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<DispatchResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var interval = TimeSpan.FromSeconds(options.Value.ResumeIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatch.ResumeAsync(cancellationToken: stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.ResumeFailed(ex, interval);
            }

            if (interval <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
