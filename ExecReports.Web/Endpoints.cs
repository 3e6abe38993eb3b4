using System.Text.Json;
using ExecReports.Core.Health;
using Microsoft.AspNetCore.Identity;
using Quartz;

namespace ExecReports.Web;

internal static class Endpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (HealthService health, ISchedulerFactory schedulers, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            var scheduler = await schedulers.GetScheduler(ct);
            var metadata = await scheduler.GetMetadata(ct);
            if (metadata.JobStoreClustered)
            {
                report = report with { SchedulerInstanceId = metadata.SchedulerInstanceId };
            }

            return Results.Json(report, Json, statusCode: report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
        return app;
    }
}
