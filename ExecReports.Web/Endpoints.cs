using System.Text.Json;
using ExecReports.Core.Health;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Quartz;

namespace ExecReports.Web;

internal static class Endpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        // Anonymous probes (a load balancer) see statuses only; host names, buckets and the node's scheduler
        // instance id are for a signed-in Admin.
        app.MapGet("/healthz", async (HttpContext http, HealthService health, ISchedulerFactory schedulers, CancellationToken ct) =>
        {
            var report = await health.CheckAsync(ct);
            var statusCode = report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (!http.User.IsInRole(Roles.Admin))
            {
                return Results.Json(report.StatusesOnly(), Json, statusCode: statusCode);
            }

            var scheduler = await schedulers.GetScheduler(ct);
            var metadata = await scheduler.GetMetadata(ct);
            if (metadata.JobStoreClustered)
            {
                report = report with { SchedulerInstanceId = metadata.SchedulerInstanceId };
            }

            return Results.Json(report, Json, statusCode: statusCode);
        }).AllowAnonymous();
        return app;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A new security stamp ends every session of the account: this cookie (should a copy survive), the other
        // tabs' circuits (revalidated within seconds) and any other device.
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) =>
        {
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
        return app;
    }
}
